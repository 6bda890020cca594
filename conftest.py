import pytest


@pytest.fixture
def site(db):
    """The demo site skeleton: fi, sv and en home pages and content pages."""
    from home.demo import load_site

    return load_site()
