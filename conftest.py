"""Fixtures shared by the whole suite, and the contract for search tests (docs/testing.md tells more).

`make test` runs pytest in four passes (see the Makefile), each on pytest-xdist workers but the last:

- ``test-python``: every test that needs no service, on SQLite and the database search backend;
- ``test-postgres``: the tests marked ``database`` or ``postgres``, on PostgreSQL (``DATABASE_URL``
  from ``scripts/postgres``);
- ``test-engine``: only the tests marked ``backend`` or ``engine``, on OpenSearch
  (``SEARCH_URL`` from ``scripts/search-engine``);
- ``test-browser``: tests/browser, in one process against a live server.

Shared content: the fixtures ``site`` (the demo's home pages and content pages), ``method_bank`` (the
whole demo; its Finnish index page) and ``imported_report`` (the real report imported into an empty
database; the import's output) are built once per run, or once per xdist worker, in a transaction that
stays open while the tests that read them run (``SharedContent``). Each test runs in a savepoint inside
it, so what a test writes is gone for the next; a test that asks for none of them gets an empty
database. Tests are ordered by the content they read, so each is built once.

The ``database`` marker is given here, not written in the tests: to the tests in ``DATABASE_TESTS``
(files that depend on the database itself: search on the database backends, query counts, migrations,
importers, unique constraints) and to every test marked ``backend`` or ``postgres``. Add a file to
``DATABASE_TESTS`` when its tests could pass on SQLite and fail on PostgreSQL.

Mark a search test ``@pytest.mark.backend`` when it must behave the same on every backend: it then
runs in the first three passes. It gets the ``search_backend`` fixture: the configured default backend
with empty indexes (the fixture also gives the test database access). Content saved in the test is indexed at
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

Test runs write to indexes named ``test_portal_*`` (``test_gw0_portal_*`` on xdist worker gw0; see
``portal/settings/test.py``), never to the indexes a developer's ``make demo`` filled.
"""

import socket
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from modelsearch.backends import get_search_backend
from xdist.scheduler import LoadScopeScheduling

# The demo's builders and data: the one place the suite names the module they come from.
from demo.content import load_method_bank, load_site
from demo.method_bank import MODELS, PRACTICES, PROJECTS, SWEDISH_PROJECT  # noqa: F401
from methodbank.tests.seeds import REPORT_FILE, seed_path
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


class SharedContent:
    """Content that many tests read, built once in a transaction that stays open while they run.

    One state is open at a time; ``use(name)`` rolls back the open one when it is another and builds
    ``name``. The tests are ordered by the state they use (``pytest_collection_modifyitems``), so each
    state is built once per run, or once per xdist worker.
    """

    def __init__(self, blocker):
        self.blocker = blocker
        self.name = None
        self.value = None
        self._transaction = None

    def use(self, name):
        if name == self.name:
            return self.value
        self.close()
        if name is None:
            return None
        with self.blocker.unblock():
            self._transaction = transaction.atomic()
            self._transaction.__enter__()
            try:
                self.value = SHARED_STATES[name]()
            except BaseException:
                self.close()
                raise
        self.name = name
        return self.value

    def close(self):
        atomic, self._transaction, self.name, self.value = self._transaction, None, None, None
        if atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            # Wagtail caches site root paths and more; they described the content just rolled back.
            for alias in caches:
                caches[alias].clear()


def build_demo():
    return load_method_bank(load_site())


def demo_state():
    index = build_demo()
    return {"site": index.get_parent().specific, "method_bank": index}


def import_report():
    output = StringIO()
    call_command("import_report", str(seed_path(REPORT_FILE)), stdout=output)
    return {"imported_report": output.getvalue()}


# The states, in the order the tests that use them run, each with what its fixtures return.
SHARED_STATES = {
    "site": lambda: {"site": load_site()},
    "report": import_report,
    "demo": demo_state,
}
# A test that asks for several of these fixtures gets the first one's state, which holds the others'.
STATE_FIXTURES = {"method_bank": "demo", "imported_report": "report", "site": "site"}


def shared_state(item):
    """The shared content an item (a test) reads, or None."""
    names = getattr(item, "fixturenames", ())
    return next((state for fixture, state in STATE_FIXTURES.items() if fixture in names), None)


def uses_database(item):
    return bool(
        item.get_closest_marker("django_db")
        or item.get_closest_marker("postgres")
        or "_django_db_helper" in getattr(item, "fixturenames", ())
    )


@pytest.fixture(scope="session")
def shared_content(django_db_setup, django_db_blocker):
    """The open shared state (see SharedContent); rolled back at the end of the run."""
    content = SharedContent(django_db_blocker)
    yield content
    content.close()


@pytest.fixture(scope="class", autouse=True)
def _shared_state(request):
    """Open the state this test reads, or none for a test that builds its own content.

    Class-scoped so that it runs before pytest-django opens the test's own transaction (a savepoint
    inside the shared one, rolled back after the test); outside a class it is set up for each test.
    """
    if uses_database(request.node):
        request.getfixturevalue("shared_content").use(shared_state(request.node))


def fresh(page):
    # Each test gets its own copy: a change a test makes to the object must not reach the next test.
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def site(shared_content, db):
    """The demo site skeleton: the fi home page, with sv and en versions and the content pages."""
    return fresh(shared_content.value["site"])


@pytest.fixture
def method_bank(shared_content, db):
    """The demo method bank index (Finnish), with every page in fi, sv and en and Stora Komet in sv."""
    return fresh(shared_content.value["method_bank"])


@pytest.fixture
def imported_report(shared_content, db):
    """The real 2020 Zoomi report imported into an empty database; the import command's output."""
    return shared_content.value["imported_report"]


def engine_configured():
    # An engine has an address; the database backends (Wagtail's, search.backends.postgres) do not.
    return "URLS" in settings.WAGTAILSEARCH_BACKENDS["default"]


@pytest.fixture(scope="session")
def engine_indexes():
    """Check once that the engine answers and give this run fresh, empty test indexes."""
    backend = get_search_backend("default")
    url = settings.WAGTAILSEARCH_BACKENDS["default"]["URLS"][0]
    try:
        # Not info(): Elasticsearch's integ-test build has no root endpoint.
        health = backend.es.cluster.health()
    except Exception as error:
        pytest.fail(f"The search engine at {url} does not answer ({error!r}). {START_ENGINE_HINT}", pytrace=False)
    prefix = backend.index_prefix
    assert prefix.startswith("test_"), f"refusing to wipe indexes named {prefix}*: tests use test_ indexes"
    stale = list(backend.es.indices.get(index=f"{prefix}*"))
    if stale:
        backend.es.indices.delete(index=",".join(stale))
    call_command("update_index", backend_name="default", schema_only=True, verbosity=0)
    return health


@pytest.fixture
def search_backend(request, db):
    """The default search backend, its indexes empty; see the module docstring."""
    if request.node.get_closest_marker("engine") and not engine_configured():
        pytest.fail(f"This test needs a search engine but SEARCH_URL is not set. {START_ENGINE_HINT}", pytrace=False)
    backend = get_search_backend("default")
    if engine_configured():
        request.getfixturevalue("engine_indexes")
        # Documents outlive the test database's rollback: clear what earlier tests indexed.
        clear_indexes(backend)
    return backend


def clear_indexes(backend):
    """Delete every document in this run's indexes, by id: Elasticsearch's integ-test build has no delete_by_query."""
    while True:
        body = {"query": {"match_all": {}}, "size": 10000, "_source": False}
        hits = backend.es.search(index=f"{backend.index_prefix}*", body=body)["hits"]["hits"]
        if not hits:
            return
        backend.es.bulk(body=[{"delete": {"_index": hit["_index"], "_id": hit["_id"]}} for hit in hits], refresh=True)


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


# Test files that depend on the database itself, beyond what the ORM hides: they run again on PostgreSQL.
# Tests marked ``backend`` or ``postgres`` count too, wherever they are.
DATABASE_TESTS = {
    # search on the database backends (SQLite's and PostgreSQL's own), and falling back to them
    "search/tests/test_browse.py",
    "search/tests/test_database_index.py",
    "search/tests/test_engine_down.py",
    "search/tests/test_postgres_search.py",
    "search/tests/test_sqlite_ranking.py",
    # the number of queries a page asks
    "methodbank/tests/test_query_counts.py",
    "home/tests/test_front_door.py",
    # migrations run on existing rows
    "methodbank/tests/test_edited_at.py",
    "tests/test_language_addresses.py",
    "home/tests/test_navigation.py",
    # the importers and the demo write much, in transactions, under unique constraints
    "demo/tests/test_demo_commands.py",
    "methodbank/tests/test_classify_import.py",
    "demo/tests/test_demo_and_import.py",
    "methodbank/tests/test_import.py",
    "methodbank/tests/test_import_damaged.py",
    "methodbank/tests/test_term_suggestions.py",
    # requests counted once per item and language by a unique constraint, and summed per item
    "translation_requests/tests/test_report.py",
    "translation_requests/tests/test_visitor.py",
    # one adoption per item and organisation by unique constraints; the item page's query count
    "adoptions/tests/test_adoptions.py",
    # adoptions in browsing's index and the listing's query count
    "adoptions/tests/test_search.py",
}
ROOT = Path(__file__).parent


def relative_path(item):
    return Path(item.path).relative_to(ROOT).as_posix()


def depends_on_database(item):
    return relative_path(item) in DATABASE_TESTS or any(
        item.get_closest_marker(name) for name in ("backend", "postgres")
    )


def pytest_itemcollected(item):
    if depends_on_database(item):
        item.add_marker(pytest.mark.database)


# Under xdist, the tests of each of these files run on one worker, so that what the file's tests share is
# built once: the imported report (both files' tests read it), and the two files' module-scoped banks.
ONE_WORKER_TESTS = {
    "methodbank/tests/test_import.py": "imported report",
    "methodbank/tests/test_classify_import.py": "imported report",
    "methodbank/tests/test_import_damaged.py": "imported report",
    "reports/tests/test_report.py": "imported report",
    "demo/tests/test_demo_and_import.py": "make demo",
    "methodbank/tests/test_query_counts.py": "grown bank",
}


class SharedContentScheduling(LoadScopeScheduling):
    """xdist's ``load`` distribution, but with each group of ONE_WORKER_TESTS sent to one worker.

    (xdist's own ``loadgroup`` cannot be used: it renames the tests, which pytest 9 no longer allows.)
    """

    def _split_scope(self, nodeid):
        return ONE_WORKER_TESTS.get(nodeid.split("::", 1)[0], nodeid)


def pytest_configure(config):
    # A file renamed or moved would silently drop out of these lists, and so out of a pass or off its worker.
    missing = sorted(path for path in {*DATABASE_TESTS, *ONE_WORKER_TESTS} if not (ROOT / path).is_file())
    if missing:
        raise pytest.UsageError(f"conftest.py names test files that do not exist: {', '.join(missing)}")


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "load":
        return SharedContentScheduling(config, log)
    return None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # Tests that read the same shared content run one after another (see SharedContent), so that it is
    # built once; sorted stably after pytest-django's order, which puts tests that use the database first.
    order = [None, *SHARED_STATES]
    items.sort(key=lambda item: order.index(shared_state(item)))


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
