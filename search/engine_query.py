"""Searches answered by the search engine in one round trip: results, total, facet counts and other languages.

``search.service.search`` asks here first. With the portal's engine backend
(``search.backends.opensearch``) one ``msearch`` request carries

- the search over the language indexes of the request's languages: each
  language's documents matched with the query analysed in that language, and
  only where no earlier language (the visitor's own first) has a version of the
  page, so each page is listed once; then visibility and the facet selections
  as a ``post_filter``, so that the aggregations can count each facet with
  every other facet's selection (disjunctive counts), the total, and the
  requested page of ids in the requested order;
- when only the visitor's language is asked for, one search per other language
  for "also available in" (pages whose translation into the visitor's language
  does not exist).

A word matches through the portal's own analysis (``title_terms``/``text_terms``:
stems, compound parts and the tags of vocabulary terms the query names, the
same terms the database backend matches) or through the engine's language
analyzer on the raw text (``title_text``/``body_text``).

Anything the engine cannot answer the same way as the database (a page of
results past the engine's result window) returns None, and the service
answers from the database.
"""

import logging
from dataclasses import dataclass, field

from django.db.models import Q
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core import page_cache
from search import registry
from search.analysis import LANGUAGES
from search.backends.engine import PerLanguageDocumentsMixin, facet_field
from search.models import PendingIndexUpdate, SearchDocument

logger = logging.getLogger(__name__)

# The engine pages no further than its index.max_result_window (10,000 by default).
RESULT_WINDOW = 10_000
# Weight of one query word found in the title: larger than any text score plus OWN_LANGUAGE_WEIGHT, so
# results with more title words come first, as on the database path.
TITLE_WEIGHT = 10_000
# Weight of being in the visitor's language: larger than any text score (a few tens), so that among results
# with as many title words those in the visitor's language come first.
OWN_LANGUAGE_WEIGHT = 1000
# modelsearch's name for SearchDocument's FilterField("language").
LANGUAGE_FIELD = "language_filter"
TITLE_BOOST = 5
# Fuzzy matching (a last try, when nothing else matched) only for words this long: shorter ones match too much.
FUZZY_MIN_LENGTH = 6
BY_TITLE = [{"sort_title": "asc"}, {"page_id": "asc"}]
SORT = {
    "relevance": ["_score", *BY_TITLE],
    "newest": [{"published_at": {"order": "desc", "missing": "_last"}}, *BY_TITLE],
    "title": BY_TITLE,
}


def sort_clauses(sort):
    """The engine's order for ``sort``; by the registered number the largest first, ties as by relevance.

    A document indexed before the number existed has none: it counts as 0, and an index created before then
    has no such field (``unmapped_type``) until ``update_index`` rebuilds it.
    """
    if sort == registry.number_sort():
        number = {"item_number": {"order": "desc", "missing": 0, "unmapped_type": "integer"}}
        return [number, *SORT["relevance"]]
    return SORT[sort]


@dataclass
class Answer:
    count: int
    page_ids: list
    counts: dict
    partial: bool = False
    # [(language, count, first ids)] for the other languages with matches.
    also_available: list = field(default_factory=list)
    own_language_count: int = 0


def engine_backend():
    """The default backend when it is the portal's engine backend, else None."""
    backend = get_search_backend("default")
    return backend if isinstance(backend, PerLanguageDocumentsMixin) else None


def word_groups(request, language):
    """``[(word as typed, alternative terms)]`` of the request's query in ``language``."""
    return [(group.word, group) for group in request.word_groups(language)]


def _word_clause(word, terms, fuzzy=False):
    should = [
        {"match": {"title_terms": {"query": " ".join(terms), "boost": TITLE_BOOST}}},
        {"match": {"text_terms": " ".join(terms)}},
        {"match": {"title_text": {"query": word, "boost": TITLE_BOOST}}},
        {"match": {"body_text": word}},
    ]
    if fuzzy:
        # Terms within two edits ("AUTO" for six letters or more) of the word's own long terms.
        for term in (term for term in terms if len(term) >= FUZZY_MIN_LENGTH):
            should += [
                {"fuzzy": {"title_terms": {"value": term, "fuzziness": "AUTO", "boost": TITLE_BOOST}}},
                {"fuzzy": {"text_terms": {"value": term, "fuzziness": "AUTO"}}},
            ]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def _title_clause(word, terms):
    title = {
        "bool": {
            "should": [{"match": {"title_terms": " ".join(terms)}}, {"match": {"title_text": word}}],
            "minimum_should_match": 1,
        }
    }
    return {"constant_score": {"filter": title, "boost": TITLE_WEIGHT}}


def text_query(pairs, operator="and", fuzzy=False):
    """Every word (or, with ``operator="or"``, any word) matched; title matches weigh most."""
    if not pairs:
        return {"match_all": {}}
    clauses = [_word_clause(word, terms, fuzzy) for word, terms in pairs]
    titles = [_title_clause(word, terms) for word, terms in pairs]
    if operator == "and":
        return {"bool": {"must": clauses, "should": titles}}
    return {"bool": {"should": clauses + titles, "minimum_should_match": 1}}


@dataclass
class Hidden:
    """Documents the engine may hold that visitors must not see, read from the database (``load``)."""

    ids: list
    keys_by_language: dict

    @classmethod
    def load(cls, backend_name="default"):
        """Kept until published content changes or the engine misses an update (a scan of every document: 14 ms
        a search at 100,000 pages)."""
        return page_cache.kept(f"engine-hidden:{backend_name}", lambda: cls._read(backend_name))

    @classmethod
    def _read(cls, backend_name):
        # Pages in a private section (view restrictions), unpublished pages whose
        # removal the engine has not seen yet, and pages deleted while it was down.
        private = Page.objects.not_public().values("pk")
        rows = SearchDocument.objects.filter(Q(page__live=False) | Q(page__in=private)).values_list(
            "pk", "language", "translation_key"
        )
        ids = set()
        keys = {language: [] for language in LANGUAGES}
        for pk, language, key in rows:
            ids.add(pk)
            keys.setdefault(language, []).append(str(key))
        missed = PendingIndexUpdate.objects.filter(backend=backend_name).exclude(
            page_id__in=SearchDocument.objects.values("pk")
        )
        ids.update(missed.values_list("page_id", flat=True))
        return cls(sorted(ids), keys)

    def filters(self, items_only):
        clauses = [{"term": {"is_item": True}}] if items_only else []
        if self.ids:
            clauses.append({"bool": {"must_not": {"ids": {"values": [str(pk) for pk in self.ids]}}}})
        return clauses


def _facet_filter(facet, values):
    return {"terms": {facet_field(facet): list(values)}}


def _terms(facet, values):
    # Only the values the vocabulary lists are shown, so those are exactly the buckets asked for.
    return {"terms": {"field": facet_field(facet), "include": list(values), "size": max(len(values), 1)}}


def facet_aggregations(filters, visible, vocabulary, language):
    """Disjunctive counts: one filter aggregation for the unselected facets, one per selected facet.

    The first also counts the results in the visitor's ``language``.
    """
    everything = [*visible, *(_facet_filter(facet, values) for facet, values in filters.items())]
    values = {facet: [value for value, _label in entries] for facet, entries in vocabulary.values.items()}
    aggregations = {
        "matched": {"filter": {"match_all": {}}},
        "selected": {
            "filter": {"bool": {"filter": everything}},
            "aggs": {
                **{facet: _terms(facet, values[facet]) for facet in values if facet not in filters},
                "own_language": {"filter": {"term": {LANGUAGE_FIELD: language}}},
            },
        },
    }
    for facet in filters:
        others = [_facet_filter(other, chosen) for other, chosen in filters.items() if other != facet]
        aggregations[f"own_{facet}"] = {
            "filter": {"bool": {"filter": [*visible, *others]}},
            "aggs": {"values": _terms(facet, values[facet])},
        }
    return aggregations


def _counts(aggregations, vocabulary):
    counts = {facet: {} for facet in vocabulary.values}
    for facet in counts:
        buckets = aggregations.get(f"own_{facet}", {}).get("values") or aggregations["selected"].get(facet)
        counts[facet] = {bucket["key"]: bucket["doc_count"] for bucket in buckets["buckets"] if bucket["doc_count"]}
    return counts


def _translated_into(language, hidden):
    """Pages that have a version in ``language`` that visitors may see."""
    return {
        "bool": {
            "filter": {"term": {"languages": language}},
            "must_not": {"terms": {"translation_key": hidden.keys_by_language.get(language, [])}},
        }
    }


def _listed(languages, hidden):
    """Each page once, in the first of ``languages`` it has (as ``search.service._listed`` chooses)."""
    return {
        "bool": {
            "should": [
                {
                    "bool": {
                        "filter": {"term": {LANGUAGE_FIELD: language}},
                        "must_not": [_translated_into(earlier, hidden) for earlier in languages[:index]],
                    }
                }
                for index, language in enumerate(languages)
            ],
            "minimum_should_match": 1,
        }
    }


def _text_query(request, operator, fuzzy):
    """Each language's documents matched by the query analysed in that language; the visitor's own weigh more."""
    per_language = []
    for language in request.languages:
        pairs = word_groups(request, language)
        # A query of only punctuation or stop words (in that language) matches nothing.
        if pairs or not request.query:
            per_language.append(
                {"bool": {"filter": {"term": {LANGUAGE_FIELD: language}}, "must": text_query(pairs, operator, fuzzy)}}
            )
    if not per_language:
        return {"match_none": {}}
    own = {"constant_score": {"filter": {"term": {LANGUAGE_FIELD: request.language}}, "boost": OWN_LANGUAGE_WEIGHT}}
    return {"bool": {"must": {"bool": {"should": per_language, "minimum_should_match": 1}}, "should": own}}


def _main_body(request, operator, hidden, vocabulary, start, fuzzy=False):
    visible = [
        *hidden.filters(request.lists_items_only),
        _listed(request.languages, hidden),
    ]
    facets = [_facet_filter(facet, values) for facet, values in request.filters.items()]
    return {
        "query": _text_query(request, operator, fuzzy),
        "post_filter": {"bool": {"filter": [*visible, *facets]}},
        "aggs": facet_aggregations(request.filters, visible, vocabulary, request.language),
        "sort": sort_clauses(request.effective_sort),
        "from": start,
        "size": request.page_size,
        "track_total_hits": True,
        "_source": False,
    }


def _other_language_body(request, language, hidden, limit):
    pairs = word_groups(request, language)
    filters = [
        *hidden.filters(request.items_only),
        *(_facet_filter(facet, values) for facet, values in request.filters.items()),
    ]
    # Pages that exist in the visitor's language are listed there, unless that translation is hidden.
    query = text_query(pairs) if pairs or not request.query else {"match_none": {}}
    return {
        "query": {"bool": {"must": query, "filter": filters, "must_not": _translated_into(request.language, hidden)}},
        "sort": SORT["relevance" if pairs else "title"],
        "size": limit,
        "track_total_hits": True,
        "_source": False,
    }


def _msearch(backend, searches):
    lines = []
    for index, body in searches:
        lines += [{"index": index}, body]
    responses = backend.es.msearch(body=lines)["responses"]
    for response in responses:
        if "error" in response:
            raise RuntimeError(f"the search engine refused a search: {response['error']}")
    return responses


def _ids(response):
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]


def answer(request, vocabulary, also_limit, partial_allowed=True, fuzzy=False):
    """An Answer from the engine, or None when it is not the engine's to give (see the module docstring).

    With ``partial_allowed``, a query whose words are nowhere all together finds the pages with some of them;
    with ``fuzzy``, words also match terms a typo or two away.
    """
    backend = engine_backend()
    start = (request.page - 1) * request.page_size
    if backend is None or start + request.page_size > RESULT_WINDOW:
        return None
    hidden = Hidden.load()
    indexes = ",".join(backend.language_index_name(language) for language in request.languages)
    searches = [(indexes, _main_body(request, "and", hidden, vocabulary, start, fuzzy))]
    others = [language for language in LANGUAGES if language != request.language] if request.only_language else []
    for language in others:
        body = _other_language_body(request, language, hidden, also_limit)
        searches.append((backend.language_index_name(language), body))
    main, *also = _msearch(backend, searches)
    partial = False
    if partial_allowed and len(request.query_words) > 1 and main["aggregations"]["matched"]["doc_count"] == 0:
        # Nothing has all the words: the pages with some of them, as the database path does.
        body = _main_body(request, "or", hidden, vocabulary, start, fuzzy)
        (retry,) = _msearch(backend, [(indexes, body)])
        partial = retry["aggregations"]["matched"]["doc_count"] > 0
        main = retry
    return Answer(
        count=main["hits"]["total"]["value"],
        page_ids=_ids(main),
        counts=_counts(main["aggregations"], vocabulary),
        partial=partial,
        also_available=[
            (language, response["hits"]["total"]["value"], _ids(response))
            for language, response in zip(others, also, strict=True)
            if response["hits"]["total"]["value"]
        ],
        own_language_count=main["aggregations"]["selected"]["own_language"]["doc_count"],
    )
