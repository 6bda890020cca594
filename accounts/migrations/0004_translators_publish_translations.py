from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here with historical models only, as accounts.roles stood when this migration was written.
TRANSLATORS = "Translators"
PUBLISH_TRANSLATION = {"content_type__app_label": "methodbank", "codename": "publish_translation"}


def create_missing_permissions(apps):
    """Create Permission rows now; Django only adds them after the last migration has run."""
    for app_config in apps.get_app_configs():
        # Migration app configs have no models module, and create_permissions skips apps without one.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def grant(apps, schema_editor):
    create_missing_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    translators, _created = Group.objects.get_or_create(name=TRANSLATORS)
    translators.permissions.add(Permission.objects.get(**PUBLISH_TRANSLATION))


class Migration(migrations.Migration):
    """Translators may publish translations of published method bank pages."""

    dependencies = [
        ("accounts", "0003_roles"),
        ("methodbank", "0006_publish_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
