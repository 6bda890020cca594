import pytest

from conftest import engine_configured


@pytest.fixture
def demo(method_bank, request):
    """The Finnish method bank index page of the demo content (fi, sv, en, plus a Swedish-only project).

    On the engine, ``search_backend`` empties the indexes before each test (the
    engine does not take part in the database's rollback), so the shared demo's
    search documents are sent to it again.
    """
    if engine_configured():
        from search.models import SearchDocument

        backend = request.getfixturevalue("search_backend")
        backend.add_bulk(SearchDocument, list(SearchDocument.objects.all()))
        backend.refresh_indexes()
    return method_bank
