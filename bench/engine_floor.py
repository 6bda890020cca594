"""The engine floor: the raw ``_msearch`` requests the portal sends for a scenario, timed straight to the engine.

Each URL of the scenario is requested once through the test client while the engine client's ``msearch``
records its bodies; those bodies are then sent again, in the same order, through the same client (so JSON
encoding and the HTTP round trip count, Django does not). Portal p50 over raw p50 is the portal's own cost.
"""

from contextlib import contextmanager

from django.test import Client
from django.test.utils import override_settings

from search.engine_query import engine_backend

from .timing import Budget, time_calls

# Portal p50 over raw engine p50 that the issue accepts.
RATIO_TARGET = 2.0


@contextmanager
def recorded_msearches(client_class):
    """Record the ``body`` of every ``msearch`` sent through ``client_class`` while the block runs."""
    bodies = []
    original = client_class.msearch

    def recording(client, *args, **kwargs):
        bodies.append(kwargs.get("body", args[0] if args else None))
        return original(client, *args, **kwargs)

    client_class.msearch = recording
    try:
        yield bodies
    finally:
        client_class.msearch = original


@override_settings(PAGE_CACHE_SECONDS=0)
def capture(urls):
    """``[[body, …] per URL]``: the msearch bodies each URL sends; empty lists when it sends none."""
    backend = engine_backend()
    if backend is None:
        return []
    client = Client()
    sent = []
    for url in urls:
        with recorded_msearches(type(backend.es)) as bodies:
            client.get(url)
        sent.append(list(bodies))
    return sent


def time_raw(sent):
    """Send each URL's recorded bodies again, in turn; the timing summary, or None when nothing was sent."""
    backend = engine_backend()
    requests = [bodies for bodies in sent if bodies]
    if backend is None or not requests:
        return None

    def replay(number):
        for body in requests[number % len(requests)]:
            backend.es.msearch(body=body)

    result = time_calls(replay, Budget())
    result["msearch_per_request"] = max(len(bodies) for bodies in requests)
    return result


def floor(urls):
    """The raw timing of a scenario's engine requests (None when the scenario sends no msearch)."""
    return time_raw(capture(urls))


def ratio(portal_p50, raw_p50):
    return round(portal_p50 / raw_p50, 2) if raw_p50 else None
