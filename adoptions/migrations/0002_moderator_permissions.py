from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here with historical models only, as accounts.roles named the group when this migration was written.
MODERATORS = "Moderators"
# Moderators read adoptions and decide on them ("change"); nobody adds or deletes one in the admin.
CODENAMES = ("view_adoption", "change_adoption")


def create_missing_permissions(apps):
    """Create Permission rows now; Django only adds them after the last migration has run."""
    for app_config in apps.get_app_configs():
        # Migration app configs have no models module, and create_permissions skips apps without one.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="adoptions", codename__in=CODENAMES)


def grant(apps, schema_editor):
    create_missing_permissions(apps)
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=MODERATORS):
        group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=MODERATORS):
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    """Moderators decide on the adoptions visitors record."""

    dependencies = [
        ("adoptions", "0001_initial"),
        ("accounts", "0004_translators_publish_translations"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
