from django.db import migrations

from accounts.roles import create_missing_permissions, ensure_roles


def grant(apps, schema_editor):
    create_missing_permissions(apps)
    ensure_roles(apps)


class Migration(migrations.Migration):
    """Translators may publish translations of published method bank pages."""

    dependencies = [
        ("accounts", "0003_roles"),
        ("methodbank", "0006_publish_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
