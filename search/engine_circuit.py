"""A circuit breaker in front of the search engine: a hung engine costs one timeout per window, not one per request.

Every request to the engine goes through the transport of the portal's engine
backends (``search.backends.opensearch``: ``CircuitTransport``;
``search.backends.elasticsearch``: ``ElasticCircuitTransport``). When one fails
(refused, timed out, a server error), the circuit opens: for
``SEARCH_RETRY_SECONDS`` every request to that engine raises ``CircuitOpen`` at
once. Searches and autocomplete then answer from the database with a notice;
a page update the engine misses is kept as a ``PendingIndexUpdate``, as a
failed one is. After the window one request tries the engine again
(pybreaker's "half-open" state): if the engine answers, the circuit closes; if
not, the next window starts. Meanwhile other requests keep skipping the
engine, so that no more than one request at a time waits for a hung engine.

An error the engine answers with (a 4xx other than 429, such as a refused
query) shows the engine is up and does not open the circuit; otherwise one odd
query could switch the engine off for everyone.
"""

import hashlib
import json
from datetime import UTC, datetime

import elastic_transport
import pybreaker
from django.conf import settings
from django.core.cache import cache
from opensearchpy import Transport, TransportError

# Raised instead of calling the engine while the circuit is open.
CircuitOpen = pybreaker.CircuitBreakerError
KEY_PREFIX = "search-engine-circuit"


def answered_by_the_engine(error):
    status = getattr(error, "status_code", None) if isinstance(error, TransportError) else None
    return isinstance(status, int) and 400 <= status < 500 and status != 429


class CacheStorage(pybreaker.CircuitBreakerStorage):
    """pybreaker's circuit state in Django's default cache, so that every gunicorn worker shares one circuit.

    pybreaker ships a per-process memory storage (each worker would wait out
    its own timeout) and a Redis storage (the portal's default cache is a file
    cache; CACHE_URL picks Redis only on several hosts). Django's cache is what
    every worker already shares, whatever CACHE_URL chooses. The state is read
    once per call and written only when it changes.
    """

    def __init__(self, name, trial_seconds):
        super().__init__(name)
        self.key = f"{KEY_PREFIX}:{name}"
        self.trial_key = f"{self.key}:trial"
        # How long a trial may take before another request may start one (a worker may die mid-trial).
        self.trial_seconds = trial_seconds
        self.values = cache.get(self.key) or {}
        # Whether this call holds the one trial after the window.
        self.trying = False

    def _update(self, **changes):
        self.values = {**self.values, **changes}
        cache.set(self.key, self.values, timeout=None)

    @property
    def state(self):
        state = self.values.get("state", pybreaker.STATE_CLOSED)
        if state == pybreaker.STATE_HALF_OPEN and not self.trying:
            # Another request is trying the engine: stay out of its way until it is done.
            return pybreaker.STATE_OPEN
        return state

    @state.setter
    def state(self, state):
        if state == pybreaker.STATE_HALF_OPEN:
            if not cache.add(self.trial_key, True, timeout=self.trial_seconds):
                raise CircuitOpen("Another request is trying the search engine")
            self.trying = True
        elif self.trying:
            cache.delete(self.trial_key)
            self.trying = False
        if state != self.values.get("state"):
            self._update(state=state)

    def increment_counter(self):
        self._update(failures=self.counter + 1)

    def reset_counter(self):
        if self.counter:
            self._update(failures=0)

    def increment_success_counter(self):
        self._update(successes=self.success_counter + 1)

    def reset_success_counter(self):
        if self.success_counter:
            self._update(successes=0)

    @property
    def counter(self):
        return self.values.get("failures", 0)

    @property
    def success_counter(self):
        return self.values.get("successes", 0)

    @property
    def opened_at(self):
        opened = self.values.get("opened_at")
        trial_elsewhere = self.values.get("state") == pybreaker.STATE_HALF_OPEN and not self.trying
        if trial_elsewhere and cache.get(self.trial_key):
            # Another request is trying the engine: to the others the window starts now.
            return datetime.now(UTC)
        return datetime.fromtimestamp(opened, UTC) if opened is not None else None

    @opened_at.setter
    def opened_at(self, when):
        self._update(opened_at=when.timestamp())


def circuit_name(hosts):
    """One circuit per engine address; hashed, as the address may carry credentials."""
    address = json.dumps(hosts, sort_keys=True, default=str)
    return hashlib.sha256(address.encode()).hexdigest()[:16]


class CircuitMixin:
    """Every request of a client's transport through the engine's circuit (see the module docstring).

    Every request: searches, autocomplete, the portal's page updates and the
    ones Wagtail makes for the admin's page search, and index rebuilds.
    """

    def open_circuit(self, hosts, timeout):
        self.circuit = circuit_name(hosts)
        # A request makes up to 1 + max_retries attempts, each given up on after the timeout.
        self.trial_seconds = (1 + self.max_retries) * (timeout or 10) + 5

    def through_circuit(self, call, *args, **kwargs):
        # A breaker per request: the state lives in the cache, and a breaker shared in the process
        # would hold its lock for the whole request, one engine request at a time.
        breaker = pybreaker.CircuitBreaker(
            fail_max=1,
            reset_timeout=settings.SEARCH_RETRY_SECONDS,
            exclude=[answered_by_the_engine],
            state_storage=CacheStorage(self.circuit, self.trial_seconds),
            name=f"search engine {self.circuit}",
            # The engine's own error says what went wrong; callers log it.
            throw_new_error_on_trip=False,
        )
        return breaker.call(call, *args, **kwargs)


class CircuitTransport(CircuitMixin, Transport):
    """opensearch-py's transport, which raises an error for every failed request, through the circuit."""

    def __init__(self, hosts, *args, **kwargs):
        super().__init__(hosts, *args, **kwargs)
        self.open_circuit(hosts, self.kwargs.get("timeout"))

    def perform_request(self, *args, **kwargs):
        return self.through_circuit(super().perform_request, *args, **kwargs)


class EngineFailed(Exception):
    """An answer of the engine that shows it failing (a server error, or 429: too busy), as an error."""

    def __init__(self, response):
        super().__init__(f"search engine status {response.meta.status}")
        self.response = response


class ElasticCircuitTransport(CircuitMixin, elastic_transport.Transport):
    """elasticsearch-py's transport through the circuit.

    It raises only when the engine cannot be reached; an error status comes back as a response, which
    the client turns into its own error. A failing status is therefore raised here for the circuit,
    and its response still handed to the client.
    """

    def __init__(self, node_configs, *args, **kwargs):
        super().__init__(node_configs, *args, **kwargs)
        # The client gives the timeout with each request; search.backends.elasticsearch opens the circuit
        # again with it.
        self.open_circuit(node_configs, None)

    def perform_request(self, *args, **kwargs):
        try:
            return self.through_circuit(self._raising_failures, *args, **kwargs)
        except EngineFailed as failed:
            return failed.response

    def _raising_failures(self, *args, **kwargs):
        response = super().perform_request(*args, **kwargs)
        if response.meta.status >= 500 or response.meta.status == 429:
            raise EngineFailed(response)
        return response


def reset(backend):
    """Close the circuit of ``backend``'s engine, so that its next request tries the engine."""
    transport = getattr(getattr(backend, "es", None), "transport", None)
    if isinstance(transport, CircuitMixin):
        key = f"{KEY_PREFIX}:{transport.circuit}"
        cache.delete_many([key, f"{key}:trial"])
