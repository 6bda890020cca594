"""Elasticsearch 8 and 9, one index per language, on modelsearch's Elasticsearch 8 backend.

The client is elasticsearch-py 8: it asks for the 8 API, which Elasticsearch 9 still serves, while the 9
client is refused by an 8 cluster. The per-language documents, degrading and all the rest are in
``search.backends.engine``.
"""

from elasticsearch import BadRequestError
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

from search.backends.engine import PerLanguageDocumentsMixin
from search.engine_circuit import ElasticCircuitTransport


class ElasticsearchBackend(PerLanguageDocumentsMixin, Elasticsearch8SearchBackend):
    transport_class = ElasticCircuitTransport
    missing_analyzer_error = BadRequestError

    def __init__(self, params):
        super().__init__(params)
        # The client gives its timeout with each request rather than to the transport.
        self.es.transport.open_circuit(self.hosts, self.timeout)


SearchBackend = ElasticsearchBackend
