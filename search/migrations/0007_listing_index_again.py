from django.db import migrations

# What a search listing reads (search.service._listed), its sort fields included.
LISTING_COLUMNS = "language, is_item, translation_key, sort_title, facets, published_at, item_number"


def listing_index(apps, schema_editor):
    """On SQLite, the listing's own index again: 0006 added a column with a default, for which Django rebuilds the
    table on SQLite, and indexes it does not know of (0004's, made here) are not rebuilt with it. Made here
    rather than in the model's Meta because on PostgreSQL a B-tree entry holding ``facets`` can pass its size
    limit, and PostgreSQL keeps long text out of its rows anyway."""
    if schema_editor.connection.vendor == "sqlite":
        table = apps.get_model("sitesearch", "SearchDocument")._meta.db_table
        schema_editor.execute("DROP INDEX IF EXISTS search_document_listing")
        schema_editor.execute(f"CREATE INDEX search_document_listing ON {table} ({LISTING_COLUMNS})")


def drop_listing_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_listing")


class Migration(migrations.Migration):
    dependencies = [
        ("sitesearch", "0006_item_number"),
    ]

    operations = [migrations.RunPython(listing_index, drop_listing_index)]
