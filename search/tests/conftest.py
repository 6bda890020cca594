import pytest
from django.db import transaction

from conftest import engine_configured


@pytest.fixture(scope="package")
def demo_db(django_db_setup, django_db_blocker):
    """The demo site and method bank, loaded once for all search tests and rolled back after them.

    Each test still runs in its own savepoint (the ``db`` fixture), so what a
    test changes is undone before the next one.
    """
    from demo.content import load_method_bank, load_site

    with django_db_blocker.unblock(), transaction.atomic():
        index = load_method_bank(load_site())
        yield index
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_db, db, request):
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
    return demo_db
