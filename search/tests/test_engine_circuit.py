"""The engine's circuit breaker (``search.engine_circuit``), request by request.

The engine here is an opensearch-py connection class that answers as each test
says (the transport's own seam for connections) and counts what reaches it.
``test_engine_down.py`` shows the same circuit through the portal's pages.
"""

import uuid

import opensearchpy
import pytest
from django.test import override_settings
from opensearchpy.connection import Connection

from search.engine_circuit import CircuitOpen, CircuitTransport


class ScriptedEngine(Connection):
    """Each request calls ``answer(url)`` (set by the test), which returns a JSON body or raises."""

    requests = []
    answer = None

    def perform_request(self, method, url, params=None, body=None, timeout=None, ignore=(), headers=None):
        ScriptedEngine.requests.append(url)
        return 200, {}, ScriptedEngine.answer(url)


def hangs(url):
    raise opensearchpy.ConnectionTimeout("TIMEOUT", "read timed out", None)


def answers(url):
    return '{"ok": true}'


def transport(host):
    return CircuitTransport([{"host": host}], connection_class=ScriptedEngine, max_retries=0)


@pytest.fixture
def engine():
    """A transport to an engine that hangs; each test's engine has its own address, so its own circuit."""
    ScriptedEngine.requests = []
    ScriptedEngine.answer = hangs
    with override_settings(SEARCH_RETRY_SECONDS=3600):
        yield transport(f"{uuid.uuid4().hex}.test")


def test_after_a_timeout_requests_skip_the_engine_until_the_window_passes(engine):
    with pytest.raises(opensearchpy.ConnectionTimeout):
        engine.perform_request("GET", "/_search")
    for _ in range(3):
        with pytest.raises(CircuitOpen):
            engine.perform_request("GET", "/_search")
    assert ScriptedEngine.requests == ["/_search"]


def test_after_the_window_one_request_tries_and_an_answer_closes_the_circuit(engine):
    with pytest.raises(opensearchpy.ConnectionTimeout):
        engine.perform_request("GET", "/first")
    skipped_during_the_trial = []

    def answers_slowly(url):
        if url == "/trial":
            # Another request while the trial waits for the engine: it must not wait too.
            try:
                engine.perform_request("GET", "/meanwhile")
            except CircuitOpen:
                skipped_during_the_trial.append("/meanwhile")
        return answers(url)

    ScriptedEngine.answer = answers_slowly
    with override_settings(SEARCH_RETRY_SECONDS=0):
        assert engine.perform_request("GET", "/trial") == {"ok": True}
    assert skipped_during_the_trial == ["/meanwhile"]
    ScriptedEngine.answer = answers
    assert engine.perform_request("GET", "/after") == {"ok": True}
    assert ScriptedEngine.requests == ["/first", "/trial", "/after"]


def test_a_failed_trial_opens_a_new_window(engine):
    with pytest.raises(opensearchpy.ConnectionTimeout):
        engine.perform_request("GET", "/first")
    with override_settings(SEARCH_RETRY_SECONDS=0), pytest.raises(opensearchpy.ConnectionTimeout):
        engine.perform_request("GET", "/trial")
    with pytest.raises(CircuitOpen):
        engine.perform_request("GET", "/skipped")
    assert ScriptedEngine.requests == ["/first", "/trial"]


def test_an_error_the_engine_answers_with_leaves_the_circuit_closed(engine):
    def refuses(url):
        raise opensearchpy.RequestError(400, "parsing_exception", {})

    ScriptedEngine.answer = refuses
    with pytest.raises(opensearchpy.RequestError):
        engine.perform_request("GET", "/odd-query")
    ScriptedEngine.answer = answers
    assert engine.perform_request("GET", "/next") == {"ok": True}


def test_every_worker_shares_the_circuit_of_one_engine_address(engine):
    other_worker = transport(engine.hosts[0]["host"])
    other_engine = transport(f"{uuid.uuid4().hex}.test")
    with pytest.raises(opensearchpy.ConnectionTimeout):
        engine.perform_request("GET", "/first")
    with pytest.raises(CircuitOpen):
        other_worker.perform_request("GET", "/skipped")
    ScriptedEngine.answer = answers
    assert other_engine.perform_request("GET", "/elsewhere") == {"ok": True}
