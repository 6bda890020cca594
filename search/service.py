"""The one search service behind the site search page, the method bank's index page and the JSON API.

Every page is listed once: in the visitor's language where it has a version in it, otherwise in another
(``SearchRequest.languages``), unless only the visitor's language is asked for (``only_lang``).

With the portal's search engine backend, ``search.engine_query`` answers a
search in one engine round trip (results, total, facet counts, other
languages); when the engine fails or cannot answer, the database does, in
three steps:

1. the query text is analysed in each of the request's languages
   (``search.analysis``, plus the tags of the vocabulary terms it names,
   ``search.term_names``) and matched by the search backend against that
   language's documents, which returns matching page ids in order of
   relevance (a search engine when one is configured and answering, otherwise
   the database);
2. one query reads the listing fields of the documents (``_listed``), and the
   language of each page, the facet filters and disjunctive counts are worked
   out from them (``SearchDocument.facets``): the same on every backend, and a
   fixed number of queries whatever the number of pages;
3. the page of results is sorted and its pages loaded.
"""

import json
import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.conf import settings
from django.db import connection
from django.db.models import CharField, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from core import page_cache
from search import browse, engine_query, registry, suggestions
from search.analysis import LANGUAGES, query_terms, words
from search.documents import is_database_backend
from search.engine_circuit import CircuitOpen
from search.models import FacetValue, SearchDocument
from search.sqlite_ranking import is_sqlite_results, ranked_pks
from search.term_names import completing_terms, named_terms, with_tags

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
# The facets, in the order they are shown, are registered by the apps that have items (search.registry);
# the parameter name is the facet name.
# Said of a result written in another language than the page around it.
IN_LANGUAGE = {
    "fi": gettext_lazy("in Finnish"),
    "sv": gettext_lazy("in Swedish"),
    "en": gettext_lazy("in English"),
}
# The filter that leaves out items without a version in the visitor's language.
ONLY_LANGUAGE = "only_lang"
ONLY_LANGUAGE_LABELS = {
    "fi": gettext_lazy("Only items in Finnish"),
    "sv": gettext_lazy("Only items in Swedish"),
    "en": gettext_lazy("Only items in English"),
}
ONLY_LANGUAGE_VALUES = ("", "true", "false")


def sorts():
    """The sorts a request may ask for: SORTS and the one an app above search registered (``registry``)."""
    return (*SORTS, registry.number_sort()) if registry.number_sort() else SORTS


class BadRequest(ValueError):
    """Parameters that cannot be used; ``errors`` maps each parameter to a message a person can act on."""

    def __init__(self, errors):
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))
        self.errors = errors


def hidden_pages_now():
    """Ids of pages visitors may not see: unpublished ones (whose documents are normally gone already) and
    private ones. One scan of the page table, however many view restrictions there are, kept until published
    content changes (14 ms a search at 100,000 pages)."""
    pages = Page.objects.filter(Q(live=False) | Page.objects.all().private_q()).order_by()
    return page_cache.kept("hidden-pages", lambda: set(pages.values_list("pk", flat=True)))


class Vocabulary:
    """Every facet's possible values with labels in one language: one query per vocabulary.

    Values read from the documents (project end years) are those of visible pages, from browsing's stored counts.
    """

    def __init__(self, language, other_pages=False):
        self.language = language
        facets = registry.facets.values()
        with translation.override(language):
            self.values = {
                facet.name: [(choice.value, str(choice.label)) for choice in facet.choices]
                for facet in facets
                if facet.choices
            }
            # The site search lists pages that are no items too: they count, and can be chosen, as "other pages".
            for facet in facets:
                if other_pages and facet.other_pages:
                    self.values[facet.name] = [*self.values[facet.name], (registry.OTHER_PAGE, str(facet.other_pages))]
        # {facet: {code: code of its parent term}}, for vocabularies whose terms nest (sub-themes).
        self.parents = {}
        # {facet: [(code, name, word forms)]} in ``language``, for queries that name terms (search.term_names).
        self.forms = {}
        for facet in facets:
            terms = registry.vocabularies.get(facet.name)
            if terms is None:
                continue
            nested = any(field.name == "parent" for field in terms.model._meta.get_fields())
            fields = ["pk", "code", "name", "locale__language_code", "word_forms", *(["parent_id"] if nested else [])]
            rows = list(terms.model.objects.order_by("sort_order", "pk").values_list(*fields))
            codes = {row[0]: row[1] for row in rows}
            names = {}
            self.forms[facet.name] = []
            for _pk, code, name, term_language, word_forms, *parent in rows:
                if code not in names or term_language == language:
                    names[code] = name
                if term_language == language:
                    self.forms[facet.name].append((code, name, word_forms))
                if parent and parent[0]:
                    self.parents.setdefault(facet.name, {})[code] = codes[parent[0]]
            self.values[facet.name] = list(names.items())
        for facet in facets:
            if facet.values_of:
                self.values[facet.name] = self.values[facet.values_of]
        # Values read from the documents (project end years): only public pages' values, since a year that only a
        # private project has must not be offered to visitors.
        for name in [facet.name for facet in facets if facet.name not in self.values]:
            self.values[name] = [(value, value) for value in sorted(browse.found_values(name), reverse=True)]
        self.labels = {facet: dict(values) for facet, values in self.values.items()}

    def accepts(self, facet, value):
        return value in self.labels[facet] or registry.facets[facet].accepts_any(value)


@dataclass
class SearchRequest:
    language: str
    query: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = ""
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    items_only: bool = True
    # Only pages in ``language``; otherwise every item is listed once, in the first of ``languages`` it exists in.
    only_language: bool = False
    # Problems found while reading the parameters; the values concerned were left out.
    errors: dict = field(default_factory=dict)
    # The vocabulary the parameters were checked against, reused by search().
    vocabulary: object = field(default=None, repr=False, compare=False)
    # Ids of the pages visitors may not see (hidden_pages_now), read once per request when needed (``hidden``).
    hidden_pages: set = field(default=None, repr=False, compare=False)

    def hidden(self):
        """``hidden_pages``, read on first use: a scan of the page table that browsing and the engine do without."""
        if self.hidden_pages is None:
            self.hidden_pages = hidden_pages_now()
        return self.hidden_pages

    @property
    def effective_sort(self):
        # Without words everything is equally relevant: results in the visitor's language first, then by title.
        return self.sort or "relevance"

    @property
    def lists_items_only(self):
        """Whether only items need be read: as asked, or because the filters leave out every other page.

        Other pages carry only the "other page" value of a facet registered with ``other_pages`` (their type);
        they still count in that facet's disjunctive counts while it is the only facet filtered without it.
        """
        if self.items_only:
            return True
        excluding = [facet for facet, values in self.filters.items() if registry.OTHER_PAGE not in values]
        return len(excluding) > 1 or any(not registry.facets[facet].other_pages for facet in excluding)

    @property
    def query_words(self):
        return query_terms(self.query, self.language, MAX_QUERY_WORDS)

    @property
    def languages(self):
        """The languages results come from, in order of preference: the visitor's own first."""
        if self.only_language:
            return [self.language]
        return [self.language, *(language for language in LANGUAGES if language != self.language)]

    @cached_property
    def named_terms(self):
        """The vocabulary terms the query names in the visitor's language (``search.term_names``)."""
        return named_terms(self.query_words, self.language, self.vocabulary.forms if self.vocabulary else None)

    def word_groups(self, language):
        """The query words analysed in ``language``, each also matching the tags of the terms it names."""
        return with_tags(query_terms(self.query, language, MAX_QUERY_WORDS), self.named_terms)

    @classmethod
    def from_params(cls, params, language=None, items_only=True, vocabulary=None):
        """Read and check GET parameters; invalid values are dropped and explained in ``errors``."""
        errors = {}
        # An empty lang= is refused like any other unknown language (the API's document lists three).
        language = language or params.get("lang", settings.LANGUAGE_CODE)
        if language not in LANGUAGES:
            errors["lang"] = _("Choose the language fi, sv or en.")
            language = settings.LANGUAGE_CODE
        vocabulary = vocabulary or Vocabulary(language, other_pages=not items_only)

        # The limit counts what was sent, as the API's document states it, before unprintable characters go.
        query = params.get("q", "")
        if len(query) > MAX_QUERY_LENGTH:
            errors["q"] = _("The search text was cut to its first %(limit)s characters.") % {"limit": MAX_QUERY_LENGTH}
            query = query[:MAX_QUERY_LENGTH]
        query = printable(query)

        filters = {}
        for facet in registry.facets:
            values = [value.strip() for value in params.getlist(facet) if value.strip()]
            unknown = [value for value in values if not vocabulary.accepts(facet, value)]
            if unknown:
                errors[facet] = _("Unknown %(facet)s: %(values)s. Those filters were left out.") % {
                    "facet": str(registry.facets[facet].label).lower(),
                    "values": ", ".join(value[:40] for value in unknown[:5]),
                }
            known = tuple(dict.fromkeys(value for value in values if value not in unknown))
            if known:
                filters[facet] = known

        only_language = params.get(ONLY_LANGUAGE, "")
        if only_language not in ONLY_LANGUAGE_VALUES:
            errors[ONLY_LANGUAGE] = _("Use true (only items in the chosen language) or false (every item).")
            only_language = ""

        # An empty sort= is refused too: the API's document lists the orders only.
        sort = params.get("sort")
        if sort is not None and sort not in sorts():
            errors["sort"] = _("Sort by one of: %(sorts)s.") % {"sorts": ", ".join(sorts())}
        if sort not in sorts():
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
            only_language=only_language == "true",
            errors=errors,
            vocabulary=vocabulary,
        )

    def check(self):
        """Raise BadRequest when any parameter was invalid (the API refuses; pages explain and go on)."""
        if self.errors:
            raise BadRequest(self.errors)


def _positive_int(raw, default):
    # An empty value is no number either: the API's document declares an integer.
    if raw is None:
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
    # How many results are in the visitor's language, whether or not only those were asked for.
    own_language_count: int = 0


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
    """Documents of live public pages; in ``language``, or in every language when it is None."""
    documents = SearchDocument.objects.filter(page__in=Page.objects.live().public().values("pk"))
    if language is not None:
        documents = documents.filter(language=language)
    if items_only:
        documents = documents.filter(is_item=True)
    return documents


def _facet_listing(request, vocabulary, counts):
    facets = {}
    for facet, spec in registry.facets.items():
        chosen = set(request.filters.get(facet, ()))
        values = [
            {"value": value, "label": label, "count": counts[facet].get(value, 0), "selected": value in chosen}
            for value, label in vocabulary.values[facet]
        ]
        if spec.pattern:
            # A value chosen that no document has (any more) stays on offer, so that it can be unchosen.
            known = {entry["value"] for entry in values}
            values += [
                {"value": value, "label": value, "count": 0, "selected": True} for value in chosen if value not in known
            ]
        parents = vocabulary.parents.get(facet)
        if parents:
            # Sub-themes nest under their main theme.
            children = {}
            for entry in values:
                parent = parents.get(entry["value"])
                if parent:
                    children.setdefault(parent, []).append(entry)
            values = [
                {**entry, "children": children.get(entry["value"], [])}
                for entry in values
                if not parents.get(entry["value"])
            ]
        facets[facet] = values
    return facets


# The fields of a listed document, as _listed reads them; EXTRA is published_at when sorting by it.
PK, LANGUAGE, KEY, TITLE, FACET_WORDS, EXTRA = range(6)


def _listed(request, items_only, ids, extra=None):
    """The visible documents among ``ids`` (the matches of a query) that the request lists: each page once, in the
    first of the request's languages it has. Browsing without words reads ``search.browse`` instead.

    One query reads every document of those languages as tuples (see PK …), and the choice of language, the
    facet counts and the order are worked out here: reading them all costs no more than looking up thousands of
    ids.
    """
    documents = SearchDocument.objects.filter(language__in=request.languages)
    if items_only:
        documents = documents.filter(is_item=True)
    # The key as text: converting 20,000 UUIDs costs more than the query.
    fields = ["pk", "language", "key", "sort_title", "facets", *([extra] if extra else [])]
    rows = documents.annotate(key=Cast("translation_key", CharField())).values_list(*fields)
    hidden = request.hidden()
    wanted = set(ids)
    preference = {language: index for index, language in enumerate(request.languages)}
    chosen = {}
    for row in rows:
        if row[PK] in hidden:
            continue
        current = chosen.get(row[KEY])
        if current is None or preference[row[LANGUAGE]] < preference[current[LANGUAGE]]:
            chosen[row[KEY]] = row
    listed = chosen.values()
    return [row for row in listed if row[PK] in wanted]


def _filter_and_count(request, listed):
    """The documents with every facet selection, and each facet's counts with the other facets' selections only."""
    counts = Counter()
    if request.filters:
        wanted = {facet: {f"{facet}={value}" for value in values} for facet, values in request.filters.items()}
        kept = []
        for document in listed:
            words = document[FACET_WORDS].split()
            failing = [facet for facet, chosen in wanted.items() if chosen.isdisjoint(words)]
            if not failing:
                kept.append(document)
                counts.update(words)
            elif len(failing) == 1:
                prefix = f"{failing[0]}="
                counts.update(word for word in words if word.startswith(prefix))
    else:
        kept = listed
        counts.update(" ".join(document[FACET_WORDS] for document in listed).split())
    by_facet = {facet: {} for facet in registry.facets}
    for word, count in counts.items():
        facet, _sep, value = word.partition("=")
        if facet in by_facet:
            by_facet[facet][value] = count
    return kept, by_facet


def _sort_extra(request):
    if request.effective_sort == "newest":
        return "published_at"
    return "item_number" if request.effective_sort == registry.number_sort() else None


def _sorted(request, documents, rankings):
    """``documents`` in the request's order.

    By relevance with search words: more query words in the title first, then the visitor's language, then the
    backend's order (each language's documents are ranked by their own search, so only that order compares).
    Without words everything is as relevant: the visitor's language first, then by title. By the registered
    number (``registry.register_item_data``): the largest first, ties as by relevance.
    """
    sort = request.effective_sort
    own = request.language
    by_number = sort == registry.number_sort()
    if by_number:
        # The largest numbers first, ties in the default order.
        sort = "relevance"
    if sort == "relevance" and rankings is not None:
        groups = {language: request.word_groups(language) for language in rankings}
        position = {pk: index for ids in rankings.values() for index, pk in enumerate(ids)}
        titles = dict(
            SearchDocument.objects.filter(pk_in([document[PK] for document in documents])).values_list(
                "pk", "title_terms"
            )
        )

        def key(document):
            present = set(titles.get(document[PK], "").split())
            title_hits = sum(1 for group in groups.get(document[LANGUAGE], ()) if present.intersection(group))
            return (-title_hits, document[LANGUAGE] != own, position.get(document[PK], 0), document[PK])

    elif sort == "newest":

        def key(document):
            published = document[EXTRA]
            return (published is None, -published.timestamp() if published else 0, document[TITLE], document[PK])

    else:

        def key(document):
            return (document[TITLE], document[PK])

    if by_number:
        order = key
        return sorted(documents, key=lambda document: (-document[EXTRA], *order(document)))
    return sorted(documents, key=key)


def _projects(pages, language, request):
    """``{page pk: [project pages]}``: each item's visible projects, in ``language`` where they have it."""
    keys = registry.projects_of(pages)
    wanted = {key for found in keys.values() for key in found}
    if not wanted:
        return {}
    preference = [language, *(other for other in LANGUAGES if other != language)]
    versions = {}
    projects = Page.objects.filter(translation_key__in=wanted).select_related("locale")
    # The request's hidden pages when a search read them already; otherwise one query for the restrictions.
    if request.hidden_pages is not None:
        projects = projects.exclude(pk__in=request.hidden_pages)
    else:
        projects = projects.live().public()
    for project in projects:
        versions.setdefault(project.translation_key, []).append(project)
    chosen = {
        key: min(found, key=lambda page: preference.index(page.locale.language_code)) for key, found in versions.items()
    }
    return {pk: [chosen[key] for key in found if key in chosen] for pk, found in keys.items()}


def _matched_terms(page_ids, named, vocabulary):
    """``{page pk: [why it matched]}``: the terms the query names that each page is tagged with."""
    if not named or not page_ids:
        return {}
    by_value = {(term.facet, term.code): term for term in named}
    rows = FacetValue.objects.filter(
        document_id__in=page_ids,
        facet__in={term.facet for term in named},
        value__in={term.code for term in named},
    ).values_list("document_id", "facet", "value")
    matched = {}
    for page_id, facet, value in sorted(rows):
        term = by_value.get((facet, value))
        if term is not None:
            label = vocabulary.labels.get(facet, {}).get(value, term.label)
            matched.setdefault(page_id, []).append(
                {
                    "facet": facet,
                    "facet_label": str(registry.vocabularies[facet].match_label),
                    "value": value,
                    "label": label,
                }
            )
    return matched


def load_pages(page_ids, vocabulary, request):
    """The pages of ``page_ids`` in that order, as dicts the templates and the API share.

    Labels are in the vocabulary's language; a page in another language says so (``language_note``); a page's
    ``matched`` lists the vocabulary terms the request's query named that it carries.
    """
    language = vocabulary.language
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    # specific() fetches each page again without select_related: one locale query per page otherwise.
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    for page in pages.values():
        page.locale = locales[page.locale_id]
    listed_items = registry.items.listing(list(pages.values()), vocabulary) if registry.items else {}
    # The number an app above search gives each item, as its documents hold it: one query for the whole page.
    number = registry.item_data.name if registry.item_data else None
    numbers = dict(SearchDocument.objects.filter(pk__in=page_ids).values_list("pk", "item_number")) if number else {}
    projects = _projects(list(pages.values()), language, request)
    matched = _matched_terms(list(pages), request.named_terms, vocabulary)
    items = []
    for pk in page_ids:
        page = pages.get(pk)
        if page is None:
            continue
        locale = page.locale.language_code
        item = {
            "page": page,
            "title": page.title,
            "type": registry.OTHER_PAGE,
            "type_label": "",
            "locale": locale,
            # Set when the page is in another language than the labels: its title and summary are in ``lang``.
            "lang": locale if locale != language else "",
            "language_note": str(IN_LANGUAGE[locale]) if locale != language and locale in IN_LANGUAGE else "",
            "summary": page.search_description or getattr(page, "intro", "") or "",
            "themes": [],
            "target_groups": [],
            "regions": [],
            "evaluation": None,
            "evaluation_label": "",
            "end_year": None,
            "projects": [
                {
                    "page": project,
                    "title": project.title,
                    "locale": project.locale.language_code,
                    "language_note": str(IN_LANGUAGE.get(project.locale.language_code, ""))
                    if project.locale.language_code != language
                    else "",
                }
                for project in projects.get(pk, [])
            ],
            "matched": matched.get(pk, []),
        }
        item.update(listed_items.get(pk, {}))
        if number:
            item[number] = numbers.get(pk, 0)
        items.append(item)
    return items


def _also_available(request, vocabulary):
    """With only the visitor's language asked for: matching pages that exist only in other languages, a few per
    language."""
    own_keys = _visible_documents(request.language, False).values("translation_key")
    groups = []
    for language in LANGUAGES:
        if language == request.language:
            continue
        documents = _visible_documents(language, request.items_only).exclude(translation_key__in=own_keys)
        for facet, values in request.filters.items():
            documents = documents.filter(_facet_q(facet, values))
        terms = request.word_groups(language)
        if terms:
            ranking, _notice = match_ids(terms, language)
            documents = documents.filter(pk_in(ranking))
            position = {pk: index for index, pk in enumerate(ranking)}
            ids = sorted(documents.values_list("pk", flat=True), key=lambda pk: position[pk])
            count = len(ids)
        elif request.query:
            continue
        else:
            count = documents.count()
            ids = list(documents.order_by("sort_title", "pk").values_list("pk", flat=True)[:ALSO_AVAILABLE_LIMIT])
        if ids:
            groups.append(
                {
                    "language": language,
                    "in_language": str(IN_LANGUAGE[language]),
                    "count": count,
                    "results": load_pages(ids[:ALSO_AVAILABLE_LIMIT], vocabulary, request),
                }
            )
    return groups


PARTIAL_NOTICE = gettext_lazy("Nothing matched all the search words, so these results match some of them.")


def _engine_result(request, vocabulary, partial_allowed=True, fuzzy=False):
    """The SearchResult from ``search.engine_query`` in one engine round trip, or None to use the database."""
    try:
        answer = engine_query.answer(
            request, vocabulary, ALSO_AVAILABLE_LIMIT, partial_allowed=partial_allowed, fuzzy=fuzzy
        )
    except CircuitOpen:
        return None
    except Exception:
        logger.exception("The search engine failed; searching the database instead")
        return None
    if answer is None:
        return None
    num_pages = max(1, -(-answer.count // request.page_size))
    return SearchResult(
        request=request,
        count=answer.count,
        results=load_pages(answer.page_ids, vocabulary, request),
        facets=_facet_listing(request, vocabulary, answer.counts),
        also_available=[
            {
                "language": language,
                "in_language": str(IN_LANGUAGE[language]),
                "count": count,
                "results": load_pages(ids, vocabulary, request),
            }
            for language, count, ids in answer.also_available
        ],
        notices=[str(PARTIAL_NOTICE)] if answer.partial else [],
        num_pages=num_pages,
        page_out_of_range=request.page > num_pages,
        partial_match=answer.partial,
        own_language_count=answer.own_language_count,
    )


def search(request, vocabulary=None):
    """Run a SearchRequest; see the module docstring.

    When nothing matches all the words as typed, the search tries, in turn:
    the query with its unknown words corrected (``search.suggestions``), any of
    the words, and on the engine, fuzzy matches of the words.
    """
    with translation.override(request.language):
        vocabulary = (
            vocabulary or request.vocabulary or Vocabulary(request.language, other_pages=not request.items_only)
        )
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


def _rankings(request, operator):
    """``{language: matching document ids, best first}`` for each of the request's languages, and notices.

    Each language's documents are matched with the query analysed in that language, plus the tags of the
    vocabulary terms it names.
    """
    rankings, notices = {}, []
    for language in request.languages:
        groups = request.word_groups(language)
        if not groups:
            continue
        rankings[language], notice = match_ids(groups, language, operator)
        if notice and notice not in notices:
            notices.append(notice)
    return rankings, notices


def _search_once(request, vocabulary, partial_allowed):
    """One search for the query as given: the engine's answer, or the database's."""
    engine_result = _engine_result(request, vocabulary, partial_allowed=partial_allowed)
    if engine_result is not None:
        return engine_result
    if not request.query:
        return _browse_result(request, vocabulary)
    notices = []
    rankings = None
    partial = False
    items_only = request.lists_items_only
    if request.query_words:
        rankings, notices = _rankings(request, "and")
        if not any(rankings.values()) and len(request.query_words) > 1 and partial_allowed:
            rankings, notices = _rankings(request, "or")
            partial = any(rankings.values())
            if partial:
                notices.insert(0, str(PARTIAL_NOTICE))
        ids = [pk for ranking in rankings.values() for pk in ranking]
        listed = _listed(request, items_only, ids, _sort_extra(request)) if ids else []
    else:
        # Only punctuation or stop words: nothing can match them.
        listed = []

    kept, counts = _filter_and_count(request, listed)
    count = len(kept)
    num_pages = max(1, -(-count // request.page_size))
    start = (request.page - 1) * request.page_size
    page_ids = [document[PK] for document in _sorted(request, kept, rankings)[start : start + request.page_size]]
    return SearchResult(
        request=request,
        count=count,
        results=load_pages(page_ids, vocabulary, request),
        facets=_facet_listing(request, vocabulary, counts),
        also_available=_also_available(request, vocabulary) if request.only_language else [],
        notices=notices,
        num_pages=num_pages,
        page_out_of_range=request.page > num_pages,
        partial_match=partial,
        own_language_count=sum(1 for document in kept if document[LANGUAGE] == request.language),
    )


def _browse_result(request, vocabulary):
    """A listing without search words, from the browsing index (``search.browse``): indexed SQL, no sorting here."""
    page_ids, count, own_count, counts = browse.listing(request)
    num_pages = max(1, -(-count // request.page_size))
    return SearchResult(
        request=request,
        count=count,
        results=load_pages(page_ids, vocabulary, request),
        facets=_facet_listing(request, vocabulary, counts),
        also_available=_also_available(request, vocabulary) if request.only_language else [],
        notices=[],
        num_pages=num_pages,
        page_out_of_range=request.page > num_pages,
        own_language_count=own_count,
    )


def matching_page_ids(request):
    """Ids of every page the request lists, in its order and without paging: for reports and exports of a selection.

    The database lists and filters (the engine still matches the words while it answers), so the count is not
    bounded by the engine's page or ``MAX_PAGE_SIZE``.
    """
    if not request.query_words:
        # Only punctuation or stop words match nothing; no words at all lists the whole selection.
        return [] if request.query else browse.all_page_ids(request)
    rankings, _notices = _rankings(request, "and")
    ids = [pk for ranking in rankings.values() for pk in ranking]
    listed = _listed(request, request.lists_items_only, ids, _sort_extra(request)) if ids else []
    kept, _counts = _filter_and_count(request, listed)
    return [document[PK] for document in _sorted(request, kept, rankings)]


def _completions(backend, typed, language, limit):
    documents = SearchDocument.objects.filter(language=language).only("pk")
    return _first_pks(backend.autocomplete(typed, documents), limit)


def _typed(text):
    """What was typed, as words joined by spaces: "" under two characters, so that nothing is suggested."""
    text = printable(text)[:MAX_QUERY_LENGTH]
    if len(text) < 2:
        return ""
    return " ".join(words(text)[:MAX_QUERY_WORDS])


def autocomplete(text, language, limit=8):
    """Titles in ``language`` whose words start with what was typed (two characters at least), and a notice or None.

    When the search engine fails, the database backend completes instead, and the notice says so.
    """
    typed = _typed(text)
    if not typed or language not in LANGUAGES:
        return [], None
    ids, notice = from_engine(_completions, typed, language, limit * 2)
    pages = {page.pk: page for page in Page.objects.live().public().filter(pk__in=ids)}
    suggestions = []
    for pk in ids:
        page = pages.get(pk)
        if page is not None and page.title not in {suggestion["title"] for suggestion in suggestions}:
            suggestions.append({"title": page.title, "page": page})
    return suggestions[:limit], notice


def autocomplete_terms(text, language, limit=5):
    """Vocabulary terms in ``language`` that what was typed starts to name (see ``term_names.completing_terms``)."""
    typed = _typed(text)
    if not typed or language not in LANGUAGES:
        return []
    return completing_terms(typed.split(), language, limit)
