"""Fixtures shared by the whole suite, and the contract for search tests.

`make test` runs pytest three times (see the Makefile):

- ``test-python``: SQLite and Wagtail's database search backend, the embedded default;
- ``test-postgres``: the same tests on PostgreSQL (``DATABASE_URL`` from ``scripts/postgres``);
- ``test-engine``: only the tests marked ``backend`` or ``engine``, on OpenSearch
  (``SEARCH_URL`` from ``scripts/search-engine``).

Mark a search test ``@pytest.mark.backend`` when it must behave the same on every backend: it then
runs in all three. It gets the ``search_backend`` fixture: the configured default backend with empty
indexes (the fixture also gives the test database access). Content saved in the test is indexed at
once; call ``search_backend.refresh_indexes()`` before searching so that the engine shows it (a no-op
on the database backend).

Mark a test ``@pytest.mark.engine`` when it needs the engine itself: it runs only in ``test-engine``
and fails, never skips, when ``SEARCH_URL`` is unset or the engine does not answer.

Mark a test ``@pytest.mark.postgres`` when it checks what only PostgreSQL has (its text search
configurations, tsvectors): it runs only in ``test-postgres`` and fails, never skips, on another
database. Tests that merely expect different results on PostgreSQL stay unmarked and decide their
expectation from ``connection.vendor``.

For tests of what happens when the engine is gone, ``dead_engine_url`` (connections refused, as
after a crash) and ``hung_engine_url`` (connections accepted, never answered, as when the engine
hangs) need no engine; ``portal.settings.base.search_backends(url)`` turns either into settings.
``hung_engine`` is the hung engine itself: its ``connections()`` counts the attempts to reach it.
Each test starts with the engine's circuit closed (``search.engine_circuit``).

Test runs write to indexes named ``test_portal_*`` (``portal/settings/test.py``), never to the
indexes a developer's ``make demo`` filled.
"""

import socket

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from modelsearch.backends import get_search_backend

from search import engine_circuit

START_ENGINE_HINT = (
    "Start one with `scripts/search-engine start` and export SEARCH_URL with the URL it prints, "
    "or run `make test-engine`, which does both."
)


def pytest_report_header(config):
    """Name the database and search backend of this run, since the same tests run on several."""
    database = settings.DATABASES["default"]
    search = settings.WAGTAILSEARCH_BACKENDS["default"]
    where = database.get("HOST") or database["NAME"]
    return [
        f"database: {database['ENGINE'].rsplit('.', 1)[-1]} ({where})",
        f"search: {search['BACKEND'].rsplit('.', 1)[-1]} {' '.join(search.get('URLS', []))}".rstrip(),
    ]


@pytest.fixture
def site(db):
    """The demo site skeleton: fi, sv and en home pages and content pages."""
    from demo.content import load_site

    return load_site()


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The whole demo (site and method bank), built once per test module and rolled back after it.

    Building it takes seconds because every page is translated through
    wagtail-localize; tests that only read it share one copy. Each test still
    runs in its own savepoint (the ``db`` fixture), so writes do not leak.
    """
    from demo.content import load_method_bank, load_site

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


def engine_configured():
    # An engine has an address; the database backends (Wagtail's, search.backends.postgres) do not.
    return "URLS" in settings.WAGTAILSEARCH_BACKENDS["default"]


@pytest.fixture(scope="session")
def engine_indexes():
    """Check once that the engine answers and give this run fresh, empty test indexes."""
    backend = get_search_backend("default")
    url = settings.WAGTAILSEARCH_BACKENDS["default"]["URLS"][0]
    try:
        info = backend.es.info()
    except Exception as error:
        pytest.fail(f"The search engine at {url} does not answer ({error!r}). {START_ENGINE_HINT}", pytrace=False)
    prefix = backend.index_prefix
    assert prefix.startswith("test_"), f"refusing to wipe indexes named {prefix}*: tests use test_ indexes"
    stale = list(backend.es.indices.get(index=f"{prefix}*"))
    if stale:
        backend.es.indices.delete(index=",".join(stale))
    call_command("update_index", backend_name="default", schema_only=True, verbosity=0)
    return info


@pytest.fixture
def search_backend(request, db):
    """The default search backend, its indexes empty; see the module docstring."""
    if request.node.get_closest_marker("engine") and not engine_configured():
        pytest.fail(f"This test needs a search engine but SEARCH_URL is not set. {START_ENGINE_HINT}", pytrace=False)
    backend = get_search_backend("default")
    if engine_configured():
        request.getfixturevalue("engine_indexes")
        # Documents outlive the test database's rollback: clear what earlier tests indexed.
        backend.es.delete_by_query(
            index=f"{backend.index_prefix}*",
            body={"query": {"match_all": {}}},
            refresh=True,
            conflicts="proceed",
        )
    return backend


@pytest.fixture(autouse=True)
def _isolate_search(request):
    if engine_configured():
        # A circuit opened by one test (the engine made to fail) must not skip the engine in the next.
        engine_circuit.reset(get_search_backend("default"))
    if request.node.get_closest_marker("postgres"):
        request.getfixturevalue("db")
        if connection.vendor != "postgresql":
            pytest.fail(
                f"This test needs PostgreSQL but runs on {connection.vendor}. Run `make test-postgres`.", pytrace=False
            )
    if request.node.get_closest_marker("backend") or request.node.get_closest_marker("engine"):
        request.getfixturevalue("search_backend")


@pytest.fixture
def dead_engine_url():
    """An engine address where nothing listens, as after the engine was killed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class HungEngine:
    """A listening socket that never answers; ``connections()`` counts the connections made to it so far."""

    def __init__(self, listener):
        self.listener = listener
        self.url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        self.accepted = []

    def connections(self):
        # Connections wait in the listen queue, even those the client gave up on: take them all.
        while True:
            try:
                connection, _address = self.listener.accept()
            except BlockingIOError:
                return len(self.accepted)
            self.accepted.append(connection)


@pytest.fixture
def hung_engine():
    """An engine that accepts connections and never answers, as a frozen engine does (see HungEngine)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        listener.setblocking(False)
        engine = HungEngine(listener)
        try:
            yield engine
        finally:
            for connection in engine.accepted:
                connection.close()


@pytest.fixture
def hung_engine_url(hung_engine):
    """An engine address that accepts connections and never answers, as a frozen engine does."""
    return hung_engine.url
