"""The search engine backend: modelsearch's OpenSearch 3 backend with one SearchDocument index per language.

Every other indexed model (pages for the admin, vocabularies, images) is
indexed the way modelsearch always does. SearchDocuments go to three indexes,
``<prefix>sitesearch_searchdocument_fi``, ``_sv`` and ``_en``, each an alias
of a concrete index so that a rebuild swaps in a complete new one. Besides
modelsearch's own fields (so that ``backend.search()`` and ``autocomplete()``
on SearchDocument keep working) a document holds:

- ``title_text``, ``body_text``: the raw title and text, analysed by the
  engine's ``finnish``, ``swedish`` or ``english`` analyzer;
- ``title_terms``, ``text_terms``: the portal's own analysis
  (``search.analysis``: stems and compound parts), split on white space only;
- ``facet_<name>``: one keyword per FacetValue row, for filters and counts;
- ``sort_title``, ``published_at``, ``page_id``: the sort keys;
- ``is_item``, ``translation_key`` and ``languages`` (the languages the page
  exists in), for the method bank's item filter and "also available in".

``search.engine_query`` builds the queries over these fields. Every request
to the engine goes through its circuit breaker (``search.engine_circuit``).
"""

from collections import defaultdict
from copy import deepcopy

from django.utils.crypto import get_random_string
from modelsearch.backends.elasticsearchbase import ElasticsearchAtomicIndexRebuilder, Field
from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend
from wagtail.models import Page

from search.analysis import LANGUAGES, SNOWBALL_NAMES
from search.engine_circuit import CircuitTransport

# The engine's built-in analyzers happen to share Snowball's language names.
LANGUAGE_ANALYZERS = {language: SNOWBALL_NAMES[language] for language in LANGUAGES}
TERM_FIELDS = ("title_terms", "text_terms")
FACET_PREFIX = "facet_"


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


class LanguageIndexMixin:
    """One language's SearchDocument index: created with its mapping, so the language analyzer is there from the start."""

    language = None

    def put(self, refresh_interval=None):
        body = deepcopy(self.backend.settings)
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
        self.es.delete_by_query(
            index=self.name,
            body={"query": {"ids": {"values": [str(item.pk)]}}},
            conflicts="proceed",
            refresh=refresh,
            ignore_unavailable=True,
        )


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


class PerLanguageDocumentsMixin:
    """Put before an Elasticsearch/OpenSearch backend class of modelsearch to get per-language SearchDocument indexes."""

    def __init__(self, params):
        # Every engine request through the engine's circuit breaker (search.engine_circuit).
        params["OPTIONS"] = {"transport_class": CircuitTransport, **params.get("OPTIONS", {})}
        super().__init__(params)
        self.language_index_class = type(
            f"Language{self.index_class.__name__}", (LanguageIndexMixin, self.index_class), {}
        )
        self.query_compiler_class = type(
            f"SearchDocument{self.query_compiler_class.__name__}",
            (SearchDocumentFieldsMixin, self.query_compiler_class),
            {},
        )
        self._index_rebuilder = self.rebuilder_class
        self.rebuilder_class = self._rebuilder_for

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
        analyzer = LANGUAGE_ANALYZERS[language]
        properties.update(
            {
                "title_text": {"type": "text", "analyzer": analyzer},
                "body_text": {"type": "text", "analyzer": analyzer},
                "page_id": {"type": "integer"},
                "sort_title": {"type": "keyword"},
                "published_at": {"type": "date"},
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
        built = []
        for item in items:
            document = mapping.get_document(item)
            document.update(
                title_text=item.title,
                body_text=item.text,
                page_id=item.pk,
                sort_title=item.sort_title,
                published_at=item.published_at.isoformat() if item.published_at else None,
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


class OpenSearch3Backend(PerLanguageDocumentsMixin, OpenSearch3SearchBackend):
    """OpenSearch 3 (what scripts/search-engine and docker/compose.yml run)."""


SearchBackend = OpenSearch3Backend
