"""The database search backend outside PostgreSQL: search.database_backend holds what modelsearch's would."""

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
