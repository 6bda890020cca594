from django.core.management import call_command
from django.db import migrations

# Frozen here: accounts.throttle.CACHE_TABLE when this migration was written (settings name the same table).
CACHE_TABLE = "accounts_throttle"


def create_table(apps, schema_editor):
    call_command("createcachetable", CACHE_TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(CACHE_TABLE)}")


class Migration(migrations.Migration):
    """The table behind the "throttle" cache that counts sign-ups and failed logins."""

    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(create_table, drop_table)]
