"""What the portal's engine backends share: one SearchDocument index per language, over modelsearch's backends.

``search.backends.opensearch`` (OpenSearch 3) and ``search.backends.elasticsearch``
(Elasticsearch 8 and 9) each put ``PerLanguageDocumentsMixin`` before
modelsearch's backend for their engine and name their client's circuit
transport. Every other indexed model (pages for the admin, vocabularies, images) is
indexed the way modelsearch always does. SearchDocuments go to three indexes,
``<prefix>sitesearch_searchdocument_fi``, ``_sv`` and ``_en``, each an alias
of a concrete index so that a rebuild swaps in a complete new one. Besides
modelsearch's own fields (so that ``backend.search()`` and ``autocomplete()``
on SearchDocument keep working) a document holds:

- ``title_text``, ``body_text``: the raw title and text, analysed by the
  engine's ``finnish``, ``swedish`` or ``english`` analyzer when the cluster
  has them (see "Degrading" below);
- ``title_terms``, ``text_terms``: the portal's own analysis
  (``search.analysis``: stems and compound parts), split on white space only;
- ``facet_<name>``: one keyword per FacetValue row, for filters and counts;
- ``sort_title``, ``published_at``, ``page_id``, ``item_number``: the sort keys;
- ``is_item``, ``translation_key`` and ``languages`` (the languages the page
  exists in), for the method bank's item filter and "also available in".

``search.engine_query`` builds the queries over these fields. Every request
to the engine goes through its circuit breaker (``search.engine_circuit``).

Degrading: the language analyzers, ``ngram`` and ``edge_ngram`` come from the
engine's ``analysis-common`` module, which every normal distribution has but
a stripped build (Elasticsearch's integ-test zip on Maven Central) lacks. The
backend asks the cluster once per process; without them it logs a warning,
creates its indexes with what every build has (the standard and whitespace
analyzers), leaves ``title_text``/``body_text`` out, so that queries match on
the portal's own terms alone, and completes typed words with prefix queries.
"""

import logging
from collections import defaultdict
from copy import deepcopy

from django.utils.crypto import get_random_string
from modelsearch.backends.elasticsearchbase import ElasticsearchAtomicIndexRebuilder, Field
from wagtail.models import Page

from search.analysis import LANGUAGES, SNOWBALL_NAMES

logger = logging.getLogger(__name__)

# The engine's built-in analyzers happen to share Snowball's language names.
LANGUAGE_ANALYZERS = {language: SNOWBALL_NAMES[language] for language in LANGUAGES}
TERM_FIELDS = ("title_terms", "text_terms")
FACET_PREFIX = "facet_"
# modelsearch's analyzer names, defined with what every build has when analysis-common is missing.
CORE_ANALYSIS = {"analyzer": {"ngram_analyzer": {"type": "standard"}, "edgengram_analyzer": {"type": "standard"}}}
# Per process and engine address (its circuit): whether the cluster has the language analyzers.
_clusters_with_analyzers = {}


def facet_field(facet):
    return FACET_PREFIX + facet


def is_search_document(model):
    from search.models import SearchDocument

    return isinstance(model, type) and issubclass(model, SearchDocument)


class SearchDocumentFieldsMixin:
    """modelsearch searches "all fields" through copies in ``_all_text``; SearchDocument indexes keep no copies.

    The term fields are read directly instead (same boost as in ``SearchDocument.search_fields``), which
    spares the engine analysing every text twice when indexing.
    """

    def _remap_fields(self, fields):
        if fields or not is_search_document(self.queryset.model):
            return super()._remap_fields(fields)
        return [Field(field.field_name, field.boost or 1) for field in self.get_searchable_fields()]


class PrefixAutocompleteMixin:
    """Autocomplete without edge n-grams: every typed word as a prefix of a word in the autocomplete fields."""

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        words = [
            {"bool": {"should": [{"prefix": {field.field_name: word}} for field in fields]}}
            for word in query.query_string.lower().split()
        ]
        occurs = "should" if query.operator == "or" else "must"
        return {"bool": {occurs: words, "boost": boost}}


class LanguageIndexMixin:
    """One language's SearchDocument index: created with its mapping, so the language analyzer is there from the start."""

    language = None

    def put(self, refresh_interval=None):
        body = deepcopy(self.backend.index_settings())
        body["mappings"] = self.backend.document_mapping(self.language)
        if refresh_interval:
            body["settings"].setdefault("index", {})["refresh_interval"] = refresh_interval
        self.es.indices.create(index=self.name, body=body)

    def add_model(self, model):
        self.es.indices.put_mapping(index=self.name, body=self.backend.document_mapping(self.language))

    def renamed(self, name):
        return self.backend.language_index(self.language, name)


class SearchDocumentIndexes:
    """The three language indexes behind the interface of one modelsearch index.

    ``name`` lists all three, so modelsearch's own searches (autocomplete, the
    database-compatible match path) read them together.
    """

    def __init__(self, backend, key, indexes):
        self.backend = backend
        self.es = backend.es
        self.key = key
        self.indexes = indexes  # {language: index}

    @property
    def name(self):
        return ",".join(index.name for index in self.indexes.values())

    def get_key(self):
        return self.key

    def __str__(self):
        return self.name

    def put(self):
        for index in self.indexes.values():
            index.put()

    def delete(self):
        for index in self.indexes.values():
            index.delete()

    def reset(self):
        for index in self.indexes.values():
            index.reset()

    def refresh(self):
        for index in self.indexes.values():
            index.refresh()

    def exists(self):
        return all(index.exists() for index in self.indexes.values())

    def add_model(self, model):
        for index in self.indexes.values():
            index.add_model(model)

    def add_item(self, item):
        self.add_items(type(item), [item])

    def add_items(self, model, items, refresh=False):
        """One bulk request for the whole batch, each document routed to its language's index."""
        actions = [
            {"_index": self.indexes[language].name, "_id": str(item.pk), **document}
            for item, language, document in self.backend.documents(items)
        ]
        if actions:
            self.backend.bulk(self.es, actions, refresh=refresh)

    def delete_item(self, item, refresh=False):
        # One delete per language index, not delete_by_query: Elasticsearch's integ-test build lacks it (the
        # reindex module). A document missing from an index answers "not found", which changes nothing.
        lines = [{"delete": {"_index": index.name, "_id": str(item.pk)}} for index in self.indexes.values()]
        self.es.bulk(body=lines, refresh=refresh)


class SearchDocumentRebuilder:
    """Rebuilds the three language indexes together, each into a new index that replaces the old at the end."""

    def __init__(self, indexes):
        self.indexes = indexes
        self.rebuilders = {language: LanguageIndexRebuilder(index) for language, index in indexes.indexes.items()}

    def start(self):
        fresh = {language: rebuilder.start() for language, rebuilder in self.rebuilders.items()}
        return SearchDocumentIndexes(self.indexes.backend, self.indexes.key, fresh)

    def finish(self):
        for rebuilder in self.rebuilders.values():
            rebuilder.finish()


class LanguageIndexRebuilder(ElasticsearchAtomicIndexRebuilder):
    def __init__(self, index):
        self.alias = index
        self.index = index.renamed(f"{index.name}_{get_random_string(7).lower()}")

    def start(self):
        # Nobody searches the new index before it replaces the old one: no refreshes while it fills.
        self.index.put(refresh_interval="-1")
        return self.index

    def finish(self):
        self.index.es.indices.put_settings(index=self.index.name, body={"index": {"refresh_interval": None}})
        super().finish()


class CoreSettingsIndexMixin:
    """Any other model's index: created with the settings this cluster supports."""

    def put(self):
        self.es.indices.create(index=self.name, body=self.backend.index_settings())


class PerLanguageDocumentsMixin:
    """Put before an Elasticsearch/OpenSearch backend class of modelsearch to get per-language SearchDocument indexes.

    The subclass names ``transport_class``: its client's transport through the circuit breaker.
    ``missing_analyzer_error``: the client's error for a request naming an analyzer the cluster lacks.
    """

    transport_class = None
    missing_analyzer_error = None

    def __init__(self, params):
        # Every engine request through the engine's circuit breaker (search.engine_circuit).
        params["OPTIONS"] = {"transport_class": self.transport_class, **params.get("OPTIONS", {})}
        super().__init__(params)
        self.index_class = type(f"Core{self.index_class.__name__}", (CoreSettingsIndexMixin, self.index_class), {})
        self.language_index_class = type(
            f"Language{self.index_class.__name__}", (LanguageIndexMixin, self.index_class), {}
        )
        self.prefix_autocomplete_compiler_class = type(
            f"Prefix{self.autocomplete_query_compiler_class.__name__}",
            (PrefixAutocompleteMixin, self.autocomplete_query_compiler_class),
            {},
        )
        self.query_compiler_class = type(
            f"SearchDocument{self.query_compiler_class.__name__}",
            (SearchDocumentFieldsMixin, self.query_compiler_class),
            {},
        )
        self._index_rebuilder = self.rebuilder_class
        self.rebuilder_class = self._rebuilder_for

    def has_language_analyzers(self):
        """Whether the cluster has the finnish, swedish and english analyzers (and the rest of analysis-common).

        Asked once per process and engine; an engine that cannot be reached raises, and is asked again next time.
        """
        cluster = self.es.transport.circuit
        if cluster not in _clusters_with_analyzers:
            missing = [analyzer for analyzer in LANGUAGE_ANALYZERS.values() if not self._has_analyzer(analyzer)]
            if missing:
                logger.warning(
                    "The search engine lacks the analyzers %s (its analysis-common module): searches match on "
                    "the portal's own terms alone and autocomplete on word prefixes.",
                    ", ".join(missing),
                )
            _clusters_with_analyzers[cluster] = not missing
        return _clusters_with_analyzers[cluster]

    def _has_analyzer(self, analyzer):
        try:
            self.es.indices.analyze(body={"analyzer": analyzer, "text": "a"})
        except self.missing_analyzer_error:
            return False
        return True

    def index_settings(self):
        """modelsearch's index settings (n-gram analyzers), or what every build has."""
        if self.has_language_analyzers():
            return self.settings
        settings = deepcopy(self.settings)
        settings["settings"]["analysis"] = deepcopy(CORE_ANALYSIS)
        return settings

    def autocomplete(self, *args, **kwargs):
        if not self.has_language_analyzers():
            self.autocomplete_query_compiler_class = self.prefix_autocomplete_compiler_class
        return super().autocomplete(*args, **kwargs)

    def _rebuilder_for(self, index):
        if isinstance(index, SearchDocumentIndexes):
            return SearchDocumentRebuilder(index)
        return self._index_rebuilder(index)

    def language_index(self, language, name):
        index = self.language_index_class(self, name)
        index.language = language
        return index

    def get_index_for_model(self, model):
        index = super().get_index_for_model(model)
        if not is_search_document(model):
            return index
        return SearchDocumentIndexes(
            self,
            index.name,
            {language: self.language_index(language, f"{index.name}_{language}") for language in LANGUAGE_ANALYZERS},
        )

    def language_index_name(self, language):
        from search.models import SearchDocument

        return self.get_index_for_model(SearchDocument).indexes[language].name

    def document_mapping(self, language):
        from search.models import SearchDocument

        mapping = self.mapping_class(SearchDocument).get_mapping()
        properties = mapping["properties"]
        for name in TERM_FIELDS:
            # Already analysed by search.analysis: the terms are used as they are.
            properties[name]["analyzer"] = "whitespace"
            properties[name].pop("copy_to", None)
        for name in [name for name in properties if name.startswith("_all_text")]:
            del properties[name]
        if self.has_language_analyzers():
            analyzer = LANGUAGE_ANALYZERS[language]
            properties.update(
                title_text={"type": "text", "analyzer": analyzer}, body_text={"type": "text", "analyzer": analyzer}
            )
        properties.update(
            {
                "page_id": {"type": "integer"},
                "sort_title": {"type": "keyword"},
                "published_at": {"type": "date"},
                "item_number": {"type": "integer"},
                "is_item": {"type": "boolean"},
                "translation_key": {"type": "keyword"},
                "languages": {"type": "keyword"},
            }
        )
        mapping["dynamic_templates"] = [
            {"facets": {"match": f"{FACET_PREFIX}*", "mapping": {"type": "keyword"}}},
        ]
        return mapping

    def documents(self, items):
        """``(item, language, engine document)`` for each SearchDocument in a language the portal has.

        Two queries per batch: the facet values, and the languages each
        document's page is published in.
        """
        from search.models import FacetValue, SearchDocument

        items = [item for item in items if item.language in LANGUAGE_ANALYZERS]
        if not items:
            return []
        facets = defaultdict(lambda: defaultdict(list))
        rows = FacetValue.objects.filter(document_id__in=[item.pk for item in items]).values_list(
            "document_id", "facet", "value"
        )
        for document_id, facet, value in rows:
            facets[document_id][facet_field(facet)].append(value)
        # From the live pages rather than their documents, so that a rebuild sending documents in any
        # order gets every translation's languages right.
        languages = defaultdict(set)
        rows = Page.objects.filter(translation_key__in={item.translation_key for item in items}, live=True, depth__gt=1)
        for key, language in rows.values_list("translation_key", "locale__language_code"):
            languages[key].add(language)
        mapping = self.mapping_class(SearchDocument)
        # Without the language analyzers the raw text has no field: a match on a field that does not exist
        # matches nothing, so search.engine_query's queries stay the same on every cluster.
        raw_text = self.has_language_analyzers()
        built = []
        for item in items:
            document = mapping.get_document(item)
            if raw_text:
                document.update(title_text=item.title, body_text=item.text)
            document.update(
                page_id=item.pk,
                sort_title=item.sort_title,
                published_at=item.published_at.isoformat() if item.published_at else None,
                item_number=item.item_number,
                is_item=item.is_item,
                translation_key=str(item.translation_key),
                languages=sorted(languages[item.translation_key] | {item.language}),
                **facets[item.pk],
            )
            built.append((item, item.language, document))
        return built

    def add(self, obj):
        if not is_search_document(type(obj)):
            return super().add(obj)
        # The page's translations list the languages it exists in: send them again too. One page was
        # published or changed: searches show it at once rather than after the engine's refresh interval.
        siblings = type(obj).objects.filter(translation_key=obj.translation_key).exclude(pk=obj.pk)
        self.get_index_for_model(type(obj)).add_items(type(obj), [obj, *siblings], refresh=True)

    def delete(self, obj):
        if not is_search_document(type(obj)):
            return super().delete(obj)
        indexes = self.get_index_for_model(type(obj))
        response = self.es.search(
            index=indexes.name,
            body={"query": {"ids": {"values": [str(obj.pk)]}}, "_source": ["translation_key"]},
            ignore_unavailable=True,
        )
        indexes.delete_item(obj, refresh=True)
        keys = {hit["_source"]["translation_key"] for hit in response["hits"]["hits"]}
        if keys:
            siblings = list(type(obj).objects.filter(translation_key__in=keys).exclude(pk=obj.pk))
            indexes.add_items(type(obj), siblings, refresh=True)
