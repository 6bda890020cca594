"""The one search service behind the site search page, the method bank's index page and the JSON API.

With the portal's search engine backend, ``search.engine_query`` answers a
search in one engine round trip (results, total, facet counts, other
languages); when the engine fails or cannot answer, the database does, in
three steps:

1. the query text is analysed in the visitor's language (``search.analysis``)
   and matched by the search backend, which returns matching page ids in
   order of relevance (a search engine when one is configured and answering,
   otherwise the database);
2. facet filters and facet counts are database queries over those ids and the
   ``FacetValue`` table: the same on every backend, and a fixed number of
   queries whatever the number of pages;
3. the page of results is sorted and its pages loaded.
"""

import json
import logging
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q
from django.db.models.expressions import RawSQL
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from search import engine_query, suggestions
from search.analysis import LANGUAGES, query_terms, words
from search.documents import is_database_backend
from search.engine_circuit import CircuitOpen
from search.models import FacetValue, SearchDocument
from search.sqlite_ranking import is_sqlite_results, ranked_pks

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200


def printable(text):
    """``text`` with control characters as spaces and runs of white space as one.

    Control characters mean nothing in a search, and PostgreSQL refuses NUL in
    any text it stores or compares (recorded queries, editor's picks).
    """
    return " ".join("".join(char if char.isprintable() else " " for char in text).split())


MAX_QUERY_WORDS = 10
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# A text query looks at its best matches only; search engines page no further by default.
MAX_MATCHES = 10_000
ALSO_AVAILABLE_LIMIT = 5
SORTS = ("relevance", "newest", "title")
# Facets in the order they are shown; the parameter name is the facet name.
FACETS = ("type", "theme", "target_group", "region", "funding", "scope", "evaluation", "year")
FACET_LABELS = {
    "type": gettext_lazy("Type"),
    "theme": gettext_lazy("Theme"),
    "target_group": gettext_lazy("Target group"),
    "region": gettext_lazy("Region"),
    "funding": gettext_lazy("Funding"),
    "scope": gettext_lazy("Scope"),
    "evaluation": gettext_lazy("Evaluation"),
    "year": gettext_lazy("Project end year"),
}
LANGUAGE_NAMES = {
    "fi": gettext_lazy("Finnish"),
    "sv": gettext_lazy("Swedish"),
    "en": gettext_lazy("English"),
}


class BadRequest(ValueError):
    """Parameters that cannot be used; ``errors`` maps each parameter to a message a person can act on."""

    def __init__(self, errors):
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))
        self.errors = errors


class Vocabulary:
    """Every facet's possible values with labels in one language: one query per vocabulary."""

    def __init__(self, language):
        from methodbank.models import Evaluation, FundingSource, ItemType, Region, Scope, TargetGroup, Theme

        self.language = language
        with translation.override(language):
            self.values = {
                "type": [(choice.value, str(choice.label)) for choice in ItemType],
                "scope": [(choice.value, str(choice.label)) for choice in Scope],
                "evaluation": [(choice.value, str(choice.label)) for choice in Evaluation],
            }
        self.theme_parent = {}
        for facet, model in (
            ("theme", Theme),
            ("target_group", TargetGroup),
            ("region", Region),
            ("funding", FundingSource),
        ):
            terms = {}
            all_terms = list(model.objects.select_related("locale").order_by("sort_order", "pk"))
            codes = {term.pk: term.code for term in all_terms}
            for term in all_terms:
                if term.code not in terms or term.locale.language_code == language:
                    terms[term.code] = term
                if getattr(term, "parent_id", None):
                    self.theme_parent[term.code] = codes[term.parent_id]
            self.values[facet] = [(code, term.name) for code, term in terms.items()]
        # Only public pages' years: a year that only a private project has must not be offered to visitors.
        years = (
            FacetValue.objects.filter(facet="year", document__page__in=Page.objects.live().public().values("pk"))
            .values_list("value", flat=True)
            .distinct()
        )
        self.values["year"] = [(year, year) for year in sorted(set(years), reverse=True)]
        self.labels = {facet: dict(values) for facet, values in self.values.items()}

    def accepts(self, facet, value):
        if facet == "year":
            return value.isascii() and value.isdigit() and len(value) == 4
        return value in self.labels[facet]


@dataclass
class SearchRequest:
    language: str
    query: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = ""
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    items_only: bool = True
    # Problems found while reading the parameters; the values concerned were left out.
    errors: dict = field(default_factory=dict)
    # The vocabulary the parameters were checked against, reused by search().
    vocabulary: object = field(default=None, repr=False, compare=False)

    @property
    def effective_sort(self):
        if self.sort and (self.sort != "relevance" or self.query_words):
            return self.sort
        return "relevance" if self.query_words else "title"

    @property
    def query_words(self):
        return query_terms(self.query, self.language, MAX_QUERY_WORDS)

    @classmethod
    def from_params(cls, params, language=None, items_only=True, vocabulary=None):
        """Read and check GET parameters; invalid values are dropped and explained in ``errors``."""
        errors = {}
        # An empty lang= is refused like any other unknown language (the API's document lists three).
        language = language or params.get("lang", settings.LANGUAGE_CODE)
        if language not in LANGUAGES:
            errors["lang"] = _("Choose the language fi, sv or en.")
            language = settings.LANGUAGE_CODE
        vocabulary = vocabulary or Vocabulary(language)

        # The limit counts what was sent, as the API's document states it, before unprintable characters go.
        query = params.get("q", "")
        if len(query) > MAX_QUERY_LENGTH:
            errors["q"] = _("The search text was cut to its first %(limit)s characters.") % {"limit": MAX_QUERY_LENGTH}
            query = query[:MAX_QUERY_LENGTH]
        query = printable(query)

        filters = {}
        for facet in FACETS:
            values = [value.strip() for value in params.getlist(facet) if value.strip()]
            unknown = [value for value in values if not vocabulary.accepts(facet, value)]
            if unknown:
                errors[facet] = _("Unknown %(facet)s: %(values)s. Those filters were left out.") % {
                    "facet": str(FACET_LABELS[facet]).lower(),
                    "values": ", ".join(value[:40] for value in unknown[:5]),
                }
            known = tuple(dict.fromkeys(value for value in values if value not in unknown))
            if known:
                filters[facet] = known

        sort = params.get("sort", "")
        if sort and sort not in SORTS:
            errors["sort"] = _("Sort by relevance, newest or title.")
            sort = ""

        page = _positive_int(params.get("page"), 1)
        if page is None:
            errors["page"] = _("The page number must be a whole number from 1 up.")
            page = 1
        page_size = _positive_int(params.get("page_size"), DEFAULT_PAGE_SIZE)
        if page_size is None or page_size > MAX_PAGE_SIZE:
            errors["page_size"] = _("The page size must be a whole number from 1 to %(max)s.") % {"max": MAX_PAGE_SIZE}
            page_size = DEFAULT_PAGE_SIZE
        return cls(
            language=language,
            query=query,
            filters=filters,
            sort=sort,
            page=page,
            page_size=page_size,
            items_only=items_only,
            errors=errors,
            vocabulary=vocabulary,
        )

    def check(self):
        """Raise BadRequest when any parameter was invalid (the API refuses; pages explain and go on)."""
        if self.errors:
            raise BadRequest(self.errors)


def _positive_int(raw, default):
    if raw is None or raw == "":
        return default
    raw = str(raw).strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18 or int(raw) < 1:
        return None
    return int(raw)


@dataclass
class SearchResult:
    request: SearchRequest
    count: int
    results: list
    facets: dict
    also_available: list
    notices: list
    num_pages: int
    page_out_of_range: bool = False
    partial_match: bool = False
    # {"query": the corrected query, "applied": True} when the query as typed found nothing and the correction did.
    suggestion: dict = None


def pk_in(ids):
    """``Q(pk__in=ids)`` that sends the ids as one parameter, so long lists stay within database limits."""
    if len(ids) <= 500:
        return Q(pk__in=ids)
    if connection.vendor == "sqlite":
        return Q(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)]))
    if connection.vendor == "postgresql":
        return Q(pk__in=RawSQL("SELECT unnest(%s::integer[])", [list(ids)]))
    return Q(pk__in=ids)


def _backend_query(groups, operator):
    per_word = [group[0] if len(group) == 1 else None for group in groups]
    clauses = [
        PlainText(term) if term else Or([PlainText(alternative) for alternative in group])
        for term, group in zip(per_word, groups, strict=True)
    ]
    if len(clauses) == 1:
        return clauses[0]
    return And(clauses) if operator == "and" else Or(clauses)


def backend_query(backend, groups, language, operator):
    """The query ``backend`` gets for the analysed query words ``groups``."""
    if hasattr(backend, "analysed_query"):
        # search.backends.postgres also stems the words as typed, with the language's own configuration.
        return backend.analysed_query(groups, language, operator)
    return _backend_query(groups, operator)


def _ids_from_backend(backend, groups, language, operator):
    documents = SearchDocument.objects.filter(language=language).only("pk")
    results = backend.search(backend_query(backend, groups, language, operator), documents, order_by_relevance=True)
    if hasattr(results, "_get_es_body"):
        # One request for the ids only; the generic path scrolls 100 hits at a time.
        response = results._backend_do_search(
            results._get_es_body(),
            index=backend.get_index_for_model(SearchDocument).name,
            _source=False,
            size=MAX_MATCHES,
            **{results.fields_param_name: "pk"},
        )
        return [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]
    return _first_pks(results, MAX_MATCHES)


def _first_pks(results, limit):
    if is_sqlite_results(results):
        return ranked_pks(results, limit)
    return [document.pk for document in results[:limit]]


def engine_down_notice():
    return _("The search service is not answering right now, so these results come from a simpler search.")


def from_engine(function, *args):
    """``function(backend, *args)`` with the default backend; with the database's and a notice when the engine fails.

    Returns (what the function returned, notice or None).
    """
    backend = get_search_backend("default")
    try:
        return function(backend, *args), None
    except Exception as error:
        if is_database_backend(backend) or "database" not in settings.WAGTAILSEARCH_BACKENDS:
            raise
        # While the engine's circuit is open the engine was not asked: its failure was logged already.
        if not isinstance(error, CircuitOpen):
            logger.exception("The search engine failed; answering from the database instead")
    return function(get_search_backend("database"), *args), engine_down_notice()


def match_ids(groups, language, operator="and"):
    """Ids of documents in ``language`` matching the analysed query, best first, and a notice or None.

    When the search engine fails, the database backend answers instead.
    """
    return from_engine(_ids_from_backend, groups, language, operator)


def _facet_q(facet, values):
    return Q(pk__in=FacetValue.objects.filter(facet=facet, value__in=values).values("document_id"))


def _visible_documents(language, items_only):
    documents = SearchDocument.objects.filter(language=language, page__in=Page.objects.live().public().values("pk"))
    if items_only:
        documents = documents.filter(is_item=True)
    return documents


def _count_facets(request, base):
    """Disjunctive counts: a facet's counts apply every other facet's selection, not its own."""
    selected = request.filters
    everything = base
    for facet, values in selected.items():
        everything = everything.filter(_facet_q(facet, values))
    counts = {facet: {} for facet in FACETS}
    unselected = [facet for facet in FACETS if facet not in selected]
    rows = (
        FacetValue.objects.filter(document__in=everything.values("pk"), facet__in=unselected)
        .values_list("facet", "value")
        .annotate(count=Count("document_id"))
    )
    for facet, value, count in rows:
        counts[facet][value] = count
    for facet in selected:
        others = base
        for other, values in selected.items():
            if other != facet:
                others = others.filter(_facet_q(other, values))
        rows = (
            FacetValue.objects.filter(document__in=others.values("pk"), facet=facet)
            .values_list("value")
            .annotate(count=Count("document_id"))
        )
        counts[facet] = dict(rows)
    return everything, counts


def _facet_listing(request, vocabulary, counts):
    facets = {}
    for facet in FACETS:
        chosen = set(request.filters.get(facet, ()))
        values = [
            {"value": value, "label": label, "count": counts[facet].get(value, 0), "selected": value in chosen}
            for value, label in vocabulary.values[facet]
        ]
        if facet == "year":
            known = {entry["value"] for entry in values}
            values += [
                {"value": value, "label": value, "count": 0, "selected": True} for value in chosen if value not in known
            ]
        if facet == "theme":
            # Sub-themes nest under their main theme.
            children = {}
            for entry in values:
                parent = vocabulary.theme_parent.get(entry["value"])
                if parent:
                    children.setdefault(parent, []).append(entry)
            values = [
                {**entry, "children": children.get(entry["value"], [])}
                for entry in values
                if not vocabulary.theme_parent.get(entry["value"])
            ]
        facets[facet] = values
    return facets


def _sorted_ids(request, documents, ranking):
    sort = request.effective_sort
    if sort == "relevance" and ranking:
        groups = request.query_words
        rows = documents.values_list("pk", "title_terms")
        position = {pk: index for index, pk in enumerate(ranking)}

        def title_hits(terms):
            present = set(terms.split())
            return sum(1 for group in groups if present.intersection(group))

        # Title matches first (the title is "boosted" the same way on every backend), then the backend's order.
        ordered = sorted(rows, key=lambda row: (-title_hits(row[1]), position.get(row[0], len(position))))
        return [pk for pk, _terms in ordered]
    if sort == "newest":
        rows = documents.values_list("pk", "published_at", "sort_title")
        ordered = sorted(rows, key=lambda row: row[2])
        ordered.sort(key=lambda row: row[1].timestamp() if row[1] else 0, reverse=True)
        return [pk for pk, _published, _title in ordered]
    rows = documents.values_list("pk", "sort_title")
    return [pk for pk, _title in sorted(rows, key=lambda row: (row[1], row[0]))]


def _item_terms(page_ids, vocabulary):
    """``{page_id: {"themes": [...], "target_groups": [...], "regions": [...]}}`` labelled in the request language."""
    from methodbank.models import MethodBankPage

    terms = {pk: {"themes": [], "target_groups": [], "regions": []} for pk in page_ids}
    for name, facet, related in (
        ("themes", "theme", "theme"),
        ("target_groups", "target_group", "targetgroup"),
        ("regions", "region", "region"),
    ):
        through = getattr(MethodBankPage, name).through
        rows = through.objects.filter(methodbankpage_id__in=page_ids).values_list(
            "methodbankpage_id", f"{related}__code"
        )
        order = {value: index for index, (value, _label) in enumerate(vocabulary.values[facet])}
        for page_id, code in sorted(rows, key=lambda row: order.get(row[1], 0)):
            terms[page_id][name].append({"value": code, "label": vocabulary.labels[facet].get(code, code)})
    return terms


def load_pages(page_ids, vocabulary):
    """The pages of ``page_ids`` in that order, as dicts the templates and the API share."""
    from methodbank.models import MethodBankPage

    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    # specific() fetches each page again without select_related: one locale query per page otherwise.
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    for page in pages.values():
        page.locale = locales[page.locale_id]
    terms = _item_terms([pk for pk in page_ids if isinstance(pages.get(pk), MethodBankPage)], vocabulary)
    items = []
    for pk in page_ids:
        page = pages.get(pk)
        if page is None:
            continue
        is_item = isinstance(page, MethodBankPage)
        summary = page.summary if is_item else (page.search_description or getattr(page, "intro", "") or "")
        item = {
            "page": page,
            "title": page.title,
            "type": page.item_type if is_item else "page",
            "type_label": vocabulary.labels["type"].get(page.item_type, "") if is_item else "",
            "locale": page.locale.language_code,
            "summary": summary,
            "themes": [],
            "target_groups": [],
            "regions": [],
            "evaluation": None,
            "evaluation_label": "",
            "end_year": None,
        }
        if is_item:
            item.update(terms.get(pk, {}))
            item["evaluation"] = page.evaluation
            item["evaluation_label"] = vocabulary.labels["evaluation"].get(page.evaluation, "")
            item["end_year"] = page.end_year
        items.append(item)
    return items


def _also_available(request, vocabulary, own_documents):
    """Matching pages that exist only in other languages, a few per language."""
    own_keys = own_documents.values("translation_key")
    groups = []
    for language in LANGUAGES:
        if language == request.language:
            continue
        documents = _visible_documents(language, request.items_only).exclude(translation_key__in=own_keys)
        for facet, values in request.filters.items():
            documents = documents.filter(_facet_q(facet, values))
        ranking = None
        terms = query_terms(request.query, language, MAX_QUERY_WORDS)
        if terms:
            ranking, _notice = match_ids(terms, language)
            documents = documents.filter(pk_in(ranking))
            position = {pk: index for index, pk in enumerate(ranking)}
            ids = sorted(documents.values_list("pk", flat=True), key=lambda pk: position[pk])
        else:
            ids = list(documents.order_by("sort_title").values_list("pk", flat=True))
        if ids:
            groups.append(
                {
                    "language": language,
                    "language_name": str(LANGUAGE_NAMES[language]),
                    "count": len(ids),
                    "results": load_pages(ids[:ALSO_AVAILABLE_LIMIT], vocabulary),
                }
            )
    return groups


def _engine_result(request, vocabulary, partial_allowed=True, fuzzy=False):
    """The SearchResult from ``search.engine_query`` in one engine round trip, or None to use the database."""
    try:
        answer = engine_query.answer(
            request, vocabulary, MAX_QUERY_WORDS, ALSO_AVAILABLE_LIMIT, partial_allowed=partial_allowed, fuzzy=fuzzy
        )
    except CircuitOpen:
        return None
    except Exception:
        logger.exception("The search engine failed; searching the database instead")
        return None
    if answer is None:
        return None
    num_pages = max(1, -(-answer.count // request.page_size))
    notices = (
        [_("Nothing matched all the search words, so these results match some of them.")] if answer.partial else []
    )
    return SearchResult(
        request=request,
        count=answer.count,
        results=load_pages(answer.page_ids, vocabulary),
        facets=_facet_listing(request, vocabulary, answer.counts),
        also_available=[
            {
                "language": language,
                "language_name": str(LANGUAGE_NAMES[language]),
                "count": count,
                "results": load_pages(ids, vocabulary),
            }
            for language, count, ids in answer.also_available
        ],
        notices=notices,
        num_pages=num_pages,
        page_out_of_range=request.page > num_pages,
        partial_match=answer.partial,
    )


def search(request, vocabulary=None):
    """Run a SearchRequest; see the module docstring.

    When nothing matches all the words as typed, the search tries, in turn:
    the query with its unknown words corrected (``search.suggestions``), any of
    the words, and on the engine, fuzzy matches of the words.
    """
    with translation.override(request.language):
        vocabulary = vocabulary or request.vocabulary or Vocabulary(request.language)
        result = _search_once(request, vocabulary, partial_allowed=False)
        if result.count or not request.query_words:
            return result
        # A word found in other languages is no typo: those matches are shown as they are.
        corrected = None if result.also_available else suggestions.correct(request.query, request.language)
        if corrected:
            retry = _search_once(replace(request, query=corrected), vocabulary, partial_allowed=False)
            if retry.count:
                retry.request = request
                retry.suggestion = {"query": corrected, "applied": True}
                retry.notices.insert(
                    0,
                    _("Nothing matched “%(typed)s”, so these results are for “%(corrected)s”.")
                    % {"typed": request.query, "corrected": corrected},
                )
                return retry
        if len(request.query_words) > 1:
            result = _search_once(request, vocabulary, partial_allowed=True)
        if not result.count and engine_query.engine_backend() is not None:
            result = _engine_result(request, vocabulary, fuzzy=True) or result
        return result


def _search_once(request, vocabulary, partial_allowed):
    """One search for the query as given: the engine's answer, or the database's."""
    engine_result = _engine_result(request, vocabulary, partial_allowed=partial_allowed)
    if engine_result is not None:
        return engine_result
    notices = []
    documents = _visible_documents(request.language, request.items_only or bool(request.filters))
    ranking = None
    partial = False
    groups = request.query_words
    if groups:
        ranking, notice = match_ids(groups, request.language)
        if not ranking and len(groups) > 1 and partial_allowed:
            ranking, notice = match_ids(groups, request.language, operator="or")
            partial = bool(ranking)
            if partial:
                notices.append(_("Nothing matched all the search words, so these results match some of them."))
        if notice:
            notices.append(notice)
        documents = documents.filter(pk_in(ranking))
    elif request.query:
        # Only punctuation or stop words: nothing can match them.
        documents = documents.none()

    filtered, counts = _count_facets(request, documents)
    ordered = _sorted_ids(request, filtered, ranking)
    count = len(ordered)
    num_pages = max(1, -(-count // request.page_size))
    start = (request.page - 1) * request.page_size
    page_ids = ordered[start : start + request.page_size]
    also = _also_available(request, vocabulary, _visible_documents(request.language, False))
    return SearchResult(
        request=request,
        count=count,
        results=load_pages(page_ids, vocabulary),
        facets=_facet_listing(request, vocabulary, counts),
        also_available=also,
        notices=notices,
        num_pages=num_pages,
        page_out_of_range=request.page > num_pages,
        partial_match=partial,
    )


def _completions(backend, typed, language, limit):
    documents = SearchDocument.objects.filter(language=language).only("pk")
    return _first_pks(backend.autocomplete(typed, documents), limit)


def autocomplete(text, language, limit=8):
    """Titles in ``language`` whose words start with what was typed (two characters at least), and a notice or None.

    When the search engine fails, the database backend completes instead, and the notice says so.
    """
    text = printable(text)[:MAX_QUERY_LENGTH]
    if len(text) < 2 or language not in LANGUAGES:
        return [], None
    typed = " ".join(words(text)[:MAX_QUERY_WORDS])
    if not typed:
        return [], None
    ids, notice = from_engine(_completions, typed, language, limit * 2)
    pages = {page.pk: page for page in Page.objects.live().public().filter(pk__in=ids)}
    suggestions = []
    for pk in ids:
        page = pages.get(pk)
        if page is not None and page.title not in {suggestion["title"] for suggestion in suggestions}:
            suggestions.append({"title": page.title, "page": page})
    return suggestions[:limit], notice
