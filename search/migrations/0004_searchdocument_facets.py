from django.db import migrations, models


LISTING_COLUMNS = "language, is_item, translation_key, sort_title, facets, published_at"


def listing_index(apps, schema_editor):
    """On SQLite, an index holding what a listing reads (search.service._listed), so that the wide rows of the
    table (text and terms first, facets last) are not read at all. PostgreSQL keeps long text out of its rows."""
    if schema_editor.connection.vendor == "sqlite":
        table = apps.get_model("sitesearch", "SearchDocument")._meta.db_table
        schema_editor.execute(f"CREATE INDEX search_document_listing ON {table} ({LISTING_COLUMNS})")


def drop_listing_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_listing")


def rebuild_documents(apps, schema_editor):
    """Drop the documents: after migrating, ``build_missing_documents`` builds every live page's again.

    Documents now carry their filter values (``facets``), their keywords and the tags of their vocabulary terms
    (``search.term_names``), which only the live code can work out; rebuilt in the same ``migrate``, search is
    whole again when it returns.
    """
    apps.get_model("sitesearch", "SearchDocument").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("sitesearch", "0003_searchword"),
    ]

    operations = [
        migrations.AddField(model_name="searchdocument", name="facets", field=models.TextField(blank=True)),
        migrations.RunPython(listing_index, drop_listing_index),
        migrations.RunPython(rebuild_documents, migrations.RunPython.noop),
    ]
