"""SQLite's search index (search.sqlite_index) as pages are published one by one into a large bank, and the
index a search listing reads on SQLite.

Not in conftest's DATABASE_TESTS: these tests are about SQLite, and run only in the SQLite phase."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config

from methodbank.models import ModelPage
from search.models import SearchDocument
from search.service import SearchRequest, search

IndexEntry = get_app_config().get_model("IndexEntry")


def test_one_page_is_indexed_without_reading_a_large_index_and_its_title_norm_stays_close(demo):
    """A publish used to sum every title's length in the index: 26 ms a page at 20,000 pages, most of an import."""
    # Imported here, not at the top: the PostgreSQL phase collects this file too, and the module needs
    # modelsearch's SQLite models.
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


@pytest.mark.parametrize("sort", ["", "newest", "most_adopted"])
def test_a_search_listing_reads_its_own_index_not_the_documents_wide_rows(demo, sort):
    """A listing reads every matching document's language, key, title, facets and sort field. On SQLite an index
    holds just those (migration 0004); a later migration rebuilt the table without it, and each search at 20,000
    pages read the documents' whole text again (81 ms a listing against 23 ms)."""
    request = SearchRequest.from_params(QueryDict(f"q=ohjaus&sort={sort}"), language="fi")
    table = SearchDocument._meta.db_table
    with CaptureQueriesContext(connection) as queries:
        assert search(request).count
    (listing,) = [query["sql"] for query in queries if f'"{table}"."facets"' in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {listing}")
        plan = " ".join(row[-1] for row in cursor.fetchall())
    assert "USING COVERING INDEX search_document_listing" in plan
