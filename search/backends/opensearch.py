"""OpenSearch 3 (what scripts/search-engine and docker/compose.yml run by default), one index per language.

The per-language documents, degrading and all the rest are in ``search.backends.engine``.
"""

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend
from opensearchpy import RequestError

from search.backends.engine import PerLanguageDocumentsMixin
from search.engine_circuit import CircuitTransport


class OpenSearch3Backend(PerLanguageDocumentsMixin, OpenSearch3SearchBackend):
    transport_class = CircuitTransport
    missing_analyzer_error = RequestError


SearchBackend = OpenSearch3Backend
