"""search.backends.elasticsearch without a live node: the requests it sends, answered with responses recorded
from a real Elasticsearch 8.19.21 integ-test node (the build scripts/search-engine runs, without analysis-common).

The live tests run in ``make test-elasticsearch``; these pin down what a cluster with and without the language
analyzers is sent, and how the circuit breaker reads the client's answers, in every test phase.
"""

import json
import logging
import uuid

import pytest
from django.http import QueryDict
from django.test import override_settings
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node._base import NodeApiResponse  # its return type, not re-exported
from elasticsearch import ApiError, BadRequestError
from modelsearch.backends import get_search_backend

from search import engine_query, registry
from search.backends.engine import CORE_ANALYSIS
from search.engine_circuit import CircuitOpen
from search.models import SearchDocument
from search.service import SearchRequest

# Recorded from Elasticsearch 8.19.21 (Maven Central's integ-test zip).
NO_ANALYZER = (
    400,
    {
        "error": {
            "root_cause": [
                {"type": "illegal_argument_exception", "reason": "failed to find global analyzer [finnish]"}
            ],
            "type": "illegal_argument_exception",
            "reason": "failed to find global analyzer [finnish]",
        },
        "status": 400,
    },
)
TOKENS = (200, {"tokens": [{"token": "a", "start_offset": 0, "end_offset": 1, "type": "<ALPHANUM>", "position": 0}]})
CREATED = (200, {"acknowledged": True, "shards_acknowledged": True, "index": "created"})
UNAVAILABLE = (503, {"error": {"type": "cluster_block_exception", "reason": "blocked"}, "status": 503})


class RecordedNode(BaseNode):
    """Answers each request with ``answer(method, path)`` (set by the test) and keeps what it was sent."""

    answer = None
    sent = []

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        RecordedNode.sent.append((method, target, json.loads(body) if body else None))
        status, answer = RecordedNode.answer(method, target.split("?")[0])
        headers = HttpHeaders({"content-type": "application/json", "x-elastic-product": "Elasticsearch"})
        meta = ApiResponseMeta(status=status, http_version="1.1", headers=headers, duration=0.0, node=self.config)
        return NodeApiResponse(meta, json.dumps(answer).encode())


def backend(analyzers):
    """The portal's Elasticsearch backend at an address of its own (its own circuit and analyzer check)."""
    RecordedNode.sent = []
    RecordedNode.answer = lambda method, path: analyzers if path == "/_analyze" else CREATED
    return get_search_backend(
        "search.backends.elasticsearch",
        URLS=[f"http://{uuid.uuid4().hex}.test:9200"],
        INDEX_PREFIX="recorded_",
        OPTIONS={"node_class": RecordedNode},
    )


def created(path):
    return next(body for method, target, body in RecordedNode.sent if method == "PUT" and target == path)


def test_without_the_language_analyzers_indexes_use_only_what_every_build_has_and_say_so_once(caplog):
    engine = backend(NO_ANALYZER)
    with caplog.at_level(logging.WARNING, logger="search.backends.engine"):
        engine.language_index("fi", "recorded_fi").put()
        engine.language_index("sv", "recorded_sv").put()
    body = created("/recorded_fi")
    assert body["settings"]["analysis"] == CORE_ANALYSIS
    properties = body["mappings"]["properties"]
    assert "title_text" not in properties and "body_text" not in properties
    assert properties["title_terms"]["analyzer"] == "whitespace"
    # Asked once per process: the three analyzers, then never again.
    assert [target for _, target, _ in RecordedNode.sent].count("/_analyze") == 3
    assert len(caplog.records) == 1
    assert "finnish, swedish, english" in caplog.records[0].getMessage()


def test_with_the_language_analyzers_indexes_get_them_and_modelsearchs_ngrams(caplog):
    engine = backend(TOKENS)
    with caplog.at_level(logging.WARNING, logger="search.backends.engine"):
        engine.language_index("sv", "recorded_sv").put()
    body = created("/recorded_sv")
    assert body["settings"]["analysis"]["filter"]["edgengram"]["type"] == "edge_ngram"
    assert body["mappings"]["properties"]["title_text"] == {"type": "text", "analyzer": "swedish"}
    assert not caplog.records


def test_a_server_error_opens_the_circuit_and_a_refused_request_does_not():
    engine = backend(TOKENS)
    RecordedNode.answer = lambda method, path: NO_ANALYZER
    with override_settings(SEARCH_RETRY_SECONDS=3600):
        for _ in range(2):
            # The engine answered: a bad request shows it is up.
            with pytest.raises(BadRequestError):
                engine.es.indices.analyze(body={"analyzer": "finnish", "text": "a"})
        assert len(RecordedNode.sent) == 2
        RecordedNode.answer = lambda method, path: UNAVAILABLE
        with pytest.raises(ApiError) as failed:
            engine.es.cluster.health()
        # The client still raises its own error for the status…
        assert failed.value.meta.status == 503
        sent = len(RecordedNode.sent)
        # …and the next request skips the engine.
        with pytest.raises(CircuitOpen):
            engine.es.cluster.health()
        assert len(RecordedNode.sent) == sent


def test_the_registered_number_is_mapped_as_an_integer_and_sent_with_each_document(db):
    engine = backend(TOKENS)
    engine.language_index("fi", "recorded_fi").put()
    assert created("/recorded_fi")["mappings"]["properties"]["item_number"] == {"type": "integer"}

    document = SearchDocument(
        page_id=7, language="fi", translation_key=uuid.uuid4(), title="Malli", sort_title="malli", item_number=3
    )
    ((_item, language, sent),) = engine.documents([document])
    assert language == "fi"
    assert sent["item_number"] == 3


def test_the_engine_sorts_by_the_registered_number_first_then_as_by_relevance(db):
    request = SearchRequest.from_params(QueryDict(f"sort={registry.number_sort()}"), language="en")
    assert request.errors == {}
    body = engine_query._main_body(request, "and", engine_query.Hidden([], {}), request.vocabulary, 0)
    # Documents indexed before the number existed count as 0; an index from before has no such field yet.
    number = {"item_number": {"order": "desc", "missing": 0, "unmapped_type": "integer"}}
    assert body["sort"] == [number, "_score", {"sort_title": "asc"}, {"page_id": "asc"}]
    assert (
        body["sort"][1:]
        == engine_query._main_body(
            SearchRequest.from_params(QueryDict(""), language="en"),
            "and",
            engine_query.Hidden([], {}),
            request.vocabulary,
            0,
        )["sort"]
    )
    # The facet an app above search registers is counted like the others.
    assert "used_in_region" in body["aggs"]["selected"]["aggs"]
