"""The database search backend outside PostgreSQL: search.database_backend holds what modelsearch's would."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from modelsearch.backends.database import SearchBackend as vendor_backend
from modelsearch.conf import get_app_config

from methodbank.models import GoodPracticePage, ModelPage, ProjectPage
from search.database_backend import SearchBackend as portal_backend
from search.models import SearchDocument

IndexEntry = get_app_config().get_model("IndexEntry")


def rows_after(index, model, objects, stale_first):
    IndexEntry.objects.all().delete()
    if stale_first:
        # Index the objects with other titles first, so that the real ones update existing rows.
        for obj in objects:
            obj.title = f"{obj.title} (vanha)"
        index.add_items(model, objects)
        for obj in objects:
            obj.title = obj.title.removesuffix(" (vanha)")
    index.add_items(model, objects)
    return [{key: value for key, value in row.items() if key != "id"} for row in IndexEntry.objects.values()]


def test_the_index_holds_what_modelsearchs_own_would_also_after_updates(demo):
    ours = portal_backend({})
    theirs = vendor_backend({})
    for model in (SearchDocument, ProjectPage, ModelPage, GoodPracticePage):
        objects = list(model.get_indexed_objects().order_by("pk"))
        expected = rows_after(theirs.get_index_for_model(model), model, objects, stale_first=False)
        written = rows_after(ours.get_index_for_model(model), model, objects, stale_first=True)

        assert len(written) == len(objects) > 0
        key = lambda row: (row["content_type_id"], row["object_id"])  # noqa: E731
        assert sorted(written, key=key) == sorted(expected, key=key)


def test_a_reindexed_document_is_found_by_its_new_words_and_no_longer_by_its_old(demo):
    backend = get_search_backend("default")
    document = SearchDocument.objects.filter(language="fi").first()
    document.text_terms = "vanhasana"
    backend.add_bulk(SearchDocument, [document])
    assert list(backend.search("vanhasana", SearchDocument)) == [document]

    document.text_terms = "uusisana"
    backend.add_bulk(SearchDocument, [document])

    assert list(backend.search("uusisana", SearchDocument)) == [document]
    assert list(backend.search("vanhasana", SearchDocument)) == []


def test_one_page_is_indexed_without_reading_a_large_index_and_its_title_norm_stays_close(demo):
    """A publish used to sum every title's length in the index: 26 ms a page at 20,000 pages, most of an import."""
    # Imported here: the module needs modelsearch's SQLite models, absent when the tests run on PostgreSQL.
    from search.sqlite_index import LARGE_INDEX

    backend = get_search_backend("default")
    titles = [f"Malli {'numero ' * (number % 7)}{number}" for number in range(LARGE_INDEX)]
    written = [title for title in IndexEntry.objects.values_list("title", flat=True) if title]
    average = (sum(map(len, titles)) + sum(map(len, written))) / (len(titles) + len(written))
    content_type = ContentType.objects.get_for_model(ModelPage)
    IndexEntry.objects.bulk_create(
        IndexEntry(content_type=content_type, object_id=f"x{number}", title=title, title_norm=average / len(title))
        for number, title in enumerate(titles)
    )
    page = ModelPage.objects.first()
    page.title = "Uusi otsikko pitkästä aikaa"
    with CaptureQueriesContext(connection) as queries:
        backend.add(page)
    assert not [query["sql"] for query in queries if "SUM(" in query["sql"].upper()]

    lengths = [len(title) for title in IndexEntry.objects.values_list("title", flat=True) if title]
    row = IndexEntry.objects.get(object_id=str(page.pk), content_type=content_type)
    assert row.title_norm == pytest.approx(sum(lengths) / len(lengths) / len(row.title), rel=0.02)


def test_search_documents_have_no_title_and_cost_no_title_lengths(demo):
    backend = get_search_backend("default")
    with CaptureQueriesContext(connection) as queries:
        backend.add(SearchDocument.objects.first())
    assert not [query["sql"] for query in queries if "SUM(" in query["sql"].upper()]
