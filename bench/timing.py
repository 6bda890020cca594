"""Timing requests through the Django test client and in-process calls, with warm-up and percentiles."""

import time
from collections import Counter

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings


def percentile(samples, fraction):
    """Nearest-rank percentile of a list of numbers."""
    ordered = sorted(samples)
    if not ordered:
        return None
    rank = max(1, round(fraction * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def summary(seconds):
    return {
        "n": len(seconds),
        "p50_ms": round(percentile(seconds, 0.50) * 1000, 2),
        "p95_ms": round(percentile(seconds, 0.95) * 1000, 2),
        "mean_ms": round(sum(seconds) / len(seconds) * 1000, 2),
        "max_ms": round(max(seconds) * 1000, 2),
    }


class Budget:
    """How long one measurement may take: at least ``minimum`` samples, at most ``maximum`` or ``seconds``."""

    def __init__(self, minimum=20, maximum=100, seconds=8.0, warmup=5):
        self.minimum, self.maximum, self.seconds, self.warmup = minimum, maximum, seconds, warmup

    def more(self, count, started):
        elapsed = time.perf_counter() - started
        if count >= self.maximum or elapsed > 3 * self.seconds:
            return False
        return count < self.minimum or elapsed < self.seconds


def time_calls(call, budget):
    """Call ``call(number)`` repeatedly; returns the timing summary."""
    for number in range(budget.warmup):
        call(number)
    seconds = []
    started = time.perf_counter()
    while budget.more(len(seconds), started):
        begin = time.perf_counter()
        call(len(seconds))
        seconds.append(time.perf_counter() - begin)
    return summary(seconds)


def count_queries(call):
    with CaptureQueriesContext(connection) as captured:
        call(0)
    return len(captured.captured_queries)


@override_settings(PAGE_CACHE_SECONDS=0)
def time_client(urls, budget):
    """GET the URLs in turn through Django's test client (no page cache): timing, statuses, queries per request."""
    client = Client()
    statuses = Counter()

    def get(number):
        response = client.get(urls[number % len(urls)])
        statuses[response.status_code] += 1

    result = time_calls(get, budget)
    result["queries"] = max(count_queries(lambda _n, url=url: client.get(url)) for url in urls[:3])
    result["statuses"] = {str(code): count for code, count in sorted(statuses.items())}
    return result


def probe(url):
    """The status a URL answers with, to tell whether a scenario's view exists."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        return Client().get(url).status_code
