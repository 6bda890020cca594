"""Which database and search backend a run uses, and where their data lives.

- ``sqlite``: the embedded default, SQLite with the database search backend;
- ``postgres``: PostgreSQL with the database search backend;
- ``engine``: SQLite with the search engine (Elasticsearch/OpenSearch);
- ``postgres+engine``: the production stack.

PostgreSQL and the engine come from ``scripts/postgres`` and
``scripts/search-engine`` (each prints its URL on ``start``), or from
``BENCH_DATABASE_URL`` / ``BENCH_SEARCH_URL`` when they run elsewhere. A
service the benchmark started is stopped at the end; one that was already
running is left alone.
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BACKENDS = ("sqlite", "postgres", "engine", "postgres+engine")
ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "portal_bench"


@dataclass
class Stack:
    backend: str
    var_dir: Path
    env: dict = field(default_factory=dict)  # None means "unset"
    started: list = field(default_factory=list)  # scripts to call with "stop" at the end

    @property
    def search_kind(self):
        return "engine" if "engine" in self.backend else self.database_kind

    @property
    def database_kind(self):
        return "postgres" if self.backend.startswith("postgres") else "sqlite"

    def apply(self):
        for name, value in self.env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    def stop(self):
        for script in self.started:
            subprocess.run([str(script), "stop"], cwd=ROOT, check=False, timeout=120)  # noqa: S603
        self.started.clear()


class StackError(RuntimeError):
    pass


def _service_url(script_name, variable, stack):
    """The URL of a service: from the environment, or by starting it with its script."""
    given = os.environ.get(f"BENCH_{variable}")
    if given:
        return given
    script = ROOT / "scripts" / script_name
    if not script.exists():
        raise StackError(
            f"BACKEND={stack.backend} needs scripts/{script_name} (from the engine work) or BENCH_{variable}=…"
        )
    status = subprocess.run([str(script), "status"], cwd=ROOT, capture_output=True, text=True, timeout=60)  # noqa: S603
    if status.returncode != 0:
        # Recorded before starting, so that an interrupted start is stopped too.
        stack.started.append(script)
    result = subprocess.run(  # noqa: S603
        [str(script), "start"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    if result.returncode != 0:
        raise StackError(f"scripts/{script_name} start failed:\n{result.stdout}{result.stderr}")
    url = (result.stdout.strip().splitlines() or [""])[-1]
    if "://" not in url:
        raise StackError(f"scripts/{script_name} start printed no URL:\n{result.stdout}{result.stderr}")
    return url


def _fresh_postgres_database(url):
    """Recreate the benchmark's own database on the server that ``url`` points at; returns its URL."""
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')
    return urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))


def _existing_postgres_database(url):
    return urlunsplit(urlsplit(url)._replace(path=f"/{BENCH_DATABASE}"))


def prepare(backend, fresh=True):
    """Start what the backend needs and empty the benchmark's data; returns the environment to run with.

    With ``fresh=False`` the data of the last run is kept, to measure it again (``python -m bench.load``).
    """
    if backend not in BACKENDS:
        raise StackError(f"BACKEND must be one of {', '.join(BACKENDS)}, got {backend!r}")
    var_dir = ROOT / "var" / "bench" / backend.replace("+", "-")
    stack = Stack(backend, var_dir)
    try:
        if fresh:
            shutil.rmtree(var_dir, ignore_errors=True)
        elif not var_dir.exists():
            raise StackError(f"no earlier run to measure again in {var_dir}: run python -m bench first")
        (var_dir / "static").mkdir(parents=True, exist_ok=True)
        stack.env["VAR_DIR"] = str(var_dir)
        # None removes a variable a developer may have set for their own database.
        stack.env["DATABASE_URL"] = None
        stack.env["SEARCH_URL"] = ""
        stack.env["CACHE_URL"] = ""
        if stack.database_kind == "postgres":
            server = _service_url("postgres", "DATABASE_URL", stack)
            database = _fresh_postgres_database if fresh else _existing_postgres_database
            stack.env["DATABASE_URL"] = database(server)
        if stack.search_kind == "engine":
            stack.env["SEARCH_URL"] = _service_url("search-engine", "SEARCH_URL", stack)
            stack.env["SEARCH_INDEX_PREFIX"] = "bench_"
    except BaseException:
        stack.stop()
        raise
    return stack


def prepare_for_django(backend, program, fresh=True):
    """``prepare(backend)`` with the environment applied for Django's bench settings; None after saying why not."""
    try:
        stack = prepare(backend, fresh)
    except StackError as error:
        print(f"{program}: {error}", file=sys.stderr)
        return None
    stack.apply()
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    return stack
