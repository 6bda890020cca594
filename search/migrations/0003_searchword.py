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


def fill_vocabulary(apps, schema_editor):
    """The vocabulary of the documents that exist already (rebuild_search_documents refreshes it later)."""
    from search.suggestions import vocabulary_words

    SearchDocument = apps.get_model("sitesearch", "SearchDocument")
    SearchWord = apps.get_model("sitesearch", "SearchWord")
    pairs = set()
    for language, title, text in SearchDocument.objects.values_list("language", "title", "text").iterator():
        pairs.update((language, word) for word in vocabulary_words(f"{title}\n{text}", language))
    SearchWord.objects.bulk_create(
        (SearchWord(language=language, word=word, length=len(word)) for language, word in pairs),
        ignore_conflicts=True,
        batch_size=1000,
    )


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
        migrations.RunPython(trigram_index, drop_trigram_index),
        migrations.RunPython(fill_vocabulary, migrations.RunPython.noop),
    ]
