"""modelsearch's SQLite search backend with an index that is written in bulk.

modelsearch's SQLite index walks each object's search fields three times
(title, body, autocomplete), updates an indexed object with an UPDATE of
its own, and after every batch recomputes title norms with a scan of the
whole table. In a full reindex of 20,000 pages that was most of the time
spent in the index (README "Performance"). This index walks each object
once, writes a batch with one upsert (which fires the same triggers that
keep the full-text table in step) and sets the title norms of that batch
only. The rows it writes are the ones modelsearch would write.

Import only where SQLite is the database: ``search.database_backend`` does.
"""

from django.db import transaction
from django.db.models import Avg, F
from django.db.models.functions import Length
from django.utils.encoding import force_str
from modelsearch.backends.database.sqlite.sqlite import IndexEntry, ObjectIndexer, SQLiteIndex, SQLiteSearchBackend
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk

# Rows per statement: three text columns and a few keys each, well under SQLite's bound-parameter limit.
BATCH = 500


def entry_texts(indexer, obj):
    """An object's title, autocomplete and body text, as modelsearch's ObjectIndexer joins them."""
    title, autocomplete, body = [], [], []
    for field in indexer.search_fields:
        for current_field, value in indexer.prepare_field(obj, field):
            if isinstance(current_field, SearchField):
                (title if current_field.field_name == "title" else body).append(value)
            elif isinstance(current_field, AutocompleteField):
                autocomplete.append(value)
    return " ".join(title), " ".join(autocomplete), " ".join(body)


class BulkSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields() or not objs:
            return
        content_type_pk = get_content_type_pk(model)
        entries = []
        for obj in objs:
            title, autocomplete, body = entry_texts(ObjectIndexer(obj, self.backend), obj)
            entries.append(
                IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=force_str(obj.pk),
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
            )
        with transaction.atomic(using=self.write_connection.alias):
            self.entries.bulk_create(
                entries,
                batch_size=BATCH,
                update_conflicts=True,
                unique_fields=["content_type", "object_id"],
                update_fields=["title", "autocomplete", "body"],
            )
            self._refresh_batch_title_norms(content_type_pk, [entry.object_id for entry in entries])

    def _refresh_batch_title_norms(self, content_type_pk, object_ids):
        """Average title length / this title's length, for the rows just written (see SQLiteIndex)."""
        titled = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        average = titled.aggregate(Avg("title_length"))["title_length__avg"]
        for start in range(0, len(object_ids), BATCH):
            titled.filter(content_type_id=content_type_pk, object_id__in=object_ids[start : start + BATCH]).update(
                title_norm=average / F("title_length")
            )


class BulkSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = BulkSQLiteIndex
