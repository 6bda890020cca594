import logging

from django.db import DatabaseError, migrations, models, transaction

logger = logging.getLogger(__name__)


def trigram_index(apps, schema_editor):
    """On PostgreSQL, a pg_trgm index for "Did you mean …?" where the extension can be had; otherwise none."""
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("sitesearch", "SearchWord")._meta.db_table
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema_editor.execute(f"CREATE INDEX search_word_trigram ON {table} USING gin (word gin_trgm_ops)")
    except DatabaseError as error:
        logger.warning("pg_trgm is not available (%s): suggestions compare words of similar length instead", error)


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_word_trigram")


class Migration(migrations.Migration):
    dependencies = [
        ("sitesearch", "0002_searchdocument_text"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("language", models.CharField(max_length=8)),
                ("word", models.CharField(max_length=40)),
                ("length", models.PositiveSmallIntegerField()),
            ],
            options={
                "indexes": [models.Index(fields=["language", "length"], name="search_word_length")],
                "constraints": [models.UniqueConstraint(fields=("language", "word"), name="unique_search_word")],
            },
        ),
        # The vocabulary fills with rebuild_search_documents, which the new analysis needs after upgrading anyway.
        migrations.RunPython(trigram_index, drop_trigram_index),
    ]
