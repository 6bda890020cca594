"""modelsearch's SQLite search backend with an index that is written in bulk.

modelsearch's SQLite index walks each object's search fields three times
(title, body, autocomplete), updates an indexed object with an UPDATE of
its own, and after every batch recomputes title norms with a scan of the
whole table: a full reindex of 20,000 pages missed its target because of
it (README "Performance"). This index walks each object
once and writes a batch with upserts, title norms included (they fire the
same triggers that keep the full-text table in step). It writes the rows
modelsearch writes, except that an updated row's title norm is brought up
to date at once rather than at the next full rebuild.

Import only where SQLite is the database: ``search.database_backend`` does.
"""

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Length
from django.utils.encoding import force_str
from modelsearch.backends.database.sqlite.sqlite import IndexEntry, ObjectIndexer, SQLiteIndex, SQLiteSearchBackend
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk

# Object ids per IN list, well under SQLite's bound-parameter limit (Django sizes the inserts itself).
BATCH = 500
# Batches below this many rows take the average title length from the latest row instead of a scan.
SMALL_BATCH = 20
# ... in an index this large (by its latest row's key), where a scan costs and a few titles change little.
LARGE_INDEX = 5000


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
            self._set_title_norms(content_type_pk, entries)
            self.entries.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["content_type", "object_id"],
                update_fields=["title", "autocomplete", "body", "title_norm"],
            )

    def _set_title_norms(self, content_type_pk, entries):
        """Average title length / this title's length, the average taken as it will be once the batch is written.

        Set before writing, so that each row is written once: every write of
        a row also rewrites its full-text row (see SQLiteIndex._refresh_title_norms).
        """
        lengths = [len(entry.title) for entry in entries if entry.title]
        if not lengths:  # the search documents index no field named title
            return
        average = self._small_batch_average(entries) or self._exact_average(content_type_pk, entries, lengths)
        for entry in entries:
            if entry.title:
                entry.title_norm = average / len(entry.title)

    def _small_batch_average(self, entries):
        """For a few rows (a page published), the average the latest written row was given: the exact one
        scans the whole table (26 ms a page at 20,000 pages, most of an import's time), and in a large index a
        few titles hardly move it; a full reindex writes the exact one again."""
        if len(entries) >= SMALL_BATCH:
            return None
        latest = self.entries.exclude(title="").order_by("-pk").first()
        if latest is None or latest.pk < LARGE_INDEX:  # the primary key tells the size without a count
            return None
        return latest.title_norm * len(latest.title)

    def _exact_average(self, content_type_pk, entries, lengths):
        others = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        object_ids = [entry.object_id for entry in entries]
        for start in range(0, len(object_ids), BATCH):
            others = others.exclude(content_type_id=content_type_pk, object_id__in=object_ids[start : start + BATCH])
        totals = others.aggregate(length=Sum("title_length"), count=Count("pk"))
        count = totals["count"] + len(lengths)
        return ((totals["length"] or 0) + sum(lengths)) / count if count else 1.0


class BulkSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = BulkSQLiteIndex
