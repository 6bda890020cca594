"""The scripts that start the suite's services: scripts/postgres and scripts/search-engine.

Each test runs a copy of the scripts in a work tree of its own, so that it starts a second service
beside the one the suite uses, in the conditions that made starts fail before: a port taken between
the check and the bind (two `make test` runs on one machine), and a var/ closed to other users (Django's
file cache creates it with mode 700).
"""

import hashlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def tree():
    """A work tree holding only the scripts, open to other users as a clone would be, with var/ as
    Django's file cache leaves it: mode 700. Removed afterwards with the services' state, wherever
    the scripts put it."""
    tree = Path(tempfile.mkdtemp(prefix="menetelmapankki-scripts-", dir="/var/tmp"))
    tree.chmod(0o755)
    (tree / "scripts" / "lib").mkdir(parents=True)
    for name in ("postgres", "search-engine", "lib/service.sh"):
        shutil.copy2(ROOT / "scripts" / name, tree / "scripts" / name)
    (tree / "var").mkdir(mode=0o700)
    yield tree
    shutil.rmtree(tree)
    # Where scripts/lib/service.sh puts the state when the work tree's var/ is closed to the service's user.
    digest = hashlib.sha1(str(tree).encode(), usedforsecurity=False).hexdigest()[:12]
    fallback = Path(f"/var/tmp/menetelmapankki-{digest}")  # noqa: S108 (the scripts' own path)
    shutil.rmtree(fallback, ignore_errors=True)


@contextmanager
def port_taken_at_bind():
    """A port that looks free to a connect probe but cannot be bound: bound here, never listening."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        yield holder.getsockname()[1]


def run(tree, command, env):
    return subprocess.run(  # noqa: S603 (the project's own scripts)
        [str(tree / "scripts" / command[0]), *command[1:]],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )


@contextmanager
def started(tree, service, env):
    result = run(tree, [service, "start"], env)
    try:
        assert result.returncode == 0, result.stderr
        yield result.stdout.strip()
    finally:
        run(tree, [service, "stop"], env)
        state = run(tree, [service, "status"], env)
        assert state.returncode == 3, state.stderr


@pytest.mark.postgres
def test_postgres_starts_on_another_port_when_its_port_is_taken_before_the_bind(tree):
    with port_taken_at_bind() as taken, started(tree, "postgres", {"POSTGRES_PORT": str(taken)}) as url:
        assert f":{taken}/" not in url
        with psycopg.connect(url.replace("postgres://", "postgresql://", 1)) as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)


@pytest.mark.engine
def test_search_engine_starts_with_a_private_var_and_a_port_taken_before_the_bind(tree):
    with port_taken_at_bind() as taken, started(tree, "search-engine", {"SEARCH_ENGINE_PORT": str(taken)}) as url:
        assert not url.endswith(f":{taken}")
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=10) as response:  # noqa: S310 (loopback)
            assert json.load(response)["status"] in ("green", "yellow")
    assert oct((tree / "var").stat().st_mode & 0o777) == "0o700", "the script must not open up var/"
