import pytest
from django.db import transaction


@pytest.fixture
def site(db):
    """The demo site skeleton: fi, sv and en home pages and content pages."""
    from home.demo import load_site

    return load_site()


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The whole demo (site and method bank), built once per test module and rolled back after it.

    Building it takes seconds because every page is translated through
    wagtail-localize; tests that only read it share one copy. Each test still
    runs in its own savepoint (the ``db`` fixture), so writes do not leak.
    """
    from home.demo import load_site
    from methodbank.demo import load_method_bank

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            index = load_method_bank(load_site())
            yield index
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def method_bank(demo_content, db):
    """The demo method bank index (Finnish), with every page in fi, sv and en and Stora Komet in sv."""
    return demo_content
