from django.db import migrations

from accounts.roles import set_up_roles


def create_roles(apps, schema_editor):
    set_up_roles(apps)


class Migration(migrations.Migration):
    """The role groups, their permissions and the method bank's "Moderation" workflow."""

    dependencies = [
        ("accounts", "0002_throttle_cache"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("methodbank", "0004_evaluation"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
