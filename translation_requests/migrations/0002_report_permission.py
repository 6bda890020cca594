from django.db import migrations

from accounts.roles import MODERATORS, TRANSLATORS, create_missing_permissions

REPORT_PERMISSION = {"content_type__app_label": "translation_requests", "codename": "view_translationrequest"}
# Translators work through the report; moderators oversee translation too. Kept here rather than in
# accounts.roles, whose own migrations must not depend on this app.
ROLES = (TRANSLATORS, MODERATORS)


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
