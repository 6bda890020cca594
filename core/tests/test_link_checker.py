"""The link checker against a local server: every answer gets the right status, within bounds."""

import datetime
import time

import pytest

from core.link_checker import LinkChecker
from core.models import LinkStatus

from .link_server import start, stop

Status = LinkStatus.Status


@pytest.fixture(scope="module")
def server():
    server = start()
    yield server
    stop(server)


def quick_checker(**options):
    settings = {"timeout": 1, "retries": 1, "retry_delay": 0.05, "host_interval": 0, "max_redirects": 5}
    return LinkChecker(**{**settings, **options})


def test_each_answer_gets_its_status(server):
    paths = ["/ok", "/moved", "/missing", "/removed", "/hang", "/loop", "/slow", "/error"]
    results = quick_checker().check([server.url(path) for path in paths])
    found = {path: results[server.url(path)] for path in paths}
    assert found["/ok"].status == Status.OK
    assert found["/moved"].status == Status.REDIRECTED
    assert found["/moved"].final_url == server.url("/ok")
    assert (found["/missing"].status, found["/missing"].http_status) == (Status.GONE, 404)
    assert (found["/removed"].status, found["/removed"].http_status) == (Status.GONE, 410)
    assert (found["/hang"].status, found["/hang"].error) == (Status.UNREACHABLE, "Timed out")
    assert (found["/loop"].status, found["/loop"].error) == (Status.UNREACHABLE, "Too many redirects")
    assert found["/slow"].status == Status.OK  # slow, but within the timeout
    assert (found["/error"].status, found["/error"].http_status) == (Status.UNREACHABLE, 500)


def test_a_timeout_is_retried_and_a_missing_page_is_not(server):
    server.requests.clear()
    quick_checker(timeout=0.3, retries=2).check([server.url("/hang"), server.url("/missing")])
    paths = [path for path, _start in server.requests]
    assert paths.count("/hang") == 3
    assert paths.count("/missing") == 1


def test_a_busy_server_gets_another_try(server):
    result = quick_checker().check([server.url("/busy-once")])[server.url("/busy-once")]
    assert result.status == Status.OK


def test_one_host_gets_one_request_at_a_time_and_a_pause_between_them():
    # A server of its own: the other tests leave hanging requests behind.
    server = start()
    urls = [server.url(f"/ok?{number}") for number in range(4)] + [server.url("/slow")]
    begun = time.monotonic()
    results = quick_checker(concurrency=8, host_interval=0.2).check(urls)
    assert all(result.status == Status.OK for result in results.values())
    assert server.most_in_flight == 1
    starts = sorted(start for _path, start in server.requests)
    # Five starts at least 0.2 s apart; the first may arrive late, while its connection opens.
    assert starts[-1] - starts[0] >= 0.6
    assert time.monotonic() - begun >= 0.8
    stop(server)


def test_an_address_that_is_no_web_address_is_never_requested(server):
    server.requests.clear()
    results = quick_checker().check(["htp://example", "http://", "mailto:someone@example.fi"])
    assert {result.error for result in results.values()} == {"Not a web address"}
    assert server.requests == []


def test_a_status_keeps_its_since_date_until_it_changes():
    link = LinkStatus(url="https://example.fi/")
    link.record(Status.GONE, 404, now=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    first = link.status_since
    link.record(Status.GONE, 404)
    assert link.status_since == first
    link.record(Status.OK, 200)
    assert link.status_since > first
