from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here with historical models only, as accounts.roles named the groups when this migration was written.
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
REPORT_PERMISSION = {"content_type__app_label": "translation_requests", "codename": "view_translationrequest"}
# Translators work through the report; moderators oversee translation too. Kept here rather than in
# accounts.roles, whose own migrations must not depend on this app.
ROLES = (TRANSLATORS, MODERATORS)


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
    permission = Permission.objects.get(**REPORT_PERMISSION)
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(**REPORT_PERMISSION):
        for group in Group.objects.filter(name__in=ROLES):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    """Translators and moderators see the report of requested translations."""

    dependencies = [
        ("translation_requests", "0001_initial"),
        ("accounts", "0004_translators_publish_translations"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
