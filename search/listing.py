"""The context of a listing of search results: the site search page and the method bank's index page.

``listing_context`` takes the query string and the language, not the HTTP request, so that a page model can
list results as well as a view; ``record_query`` counts the search for the admin's report.
"""

from django.db.models import Q
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from core import page_cache
from search import registry, service

# Queries longer than this are not worth counting as "popular".
MAX_RECORDED_QUERY = 100


def promotions(query, language):
    """Editor's picks for ``query``: promoted pages in the visitor's language, and external links."""
    if not query:
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__isnull=True) | Q(page__locale__language_code=language, page__live=True))
        .select_related("page")
        .order_by("sort_order")
    )
    return list(picks)


def record_query(http_request, search_request):
    """Count the query for the admin's popular-search report (first page only, so paging does not count twice).

    The page cache counts it again each time it serves this page (``count_cached_search``).
    """
    query = search_request.query
    if query and search_request.page == 1 and len(query) <= MAX_RECORDED_QUERY and search_request.query_words:
        Query.get(query).add_hit()
        page_cache.note_for_cache_hits(http_request, "search_query", query)


def count_cached_search(sender, request, notes, **kwargs):
    """A search page served from the page cache is a search too: count what record_query counted."""
    if "search_query" in notes:
        Query.get(notes["search_query"]).add_hit()


def _url_with(params, **changes):
    """The current query string with ``changes`` applied; a value of None removes the parameter."""
    pairs = [(key, value) for key, value in params.lists() if key not in changes]
    flat = [(key, value) for key, values in pairs for value in values]
    for key, value in changes.items():
        if value is not None:
            flat.append((key, value))
    return "?" + urlencode(flat) if flat else "?"


def _without(params, facet, value):
    remaining = [item for item in params.getlist(facet) if item != value]
    flat = [(key, item) for key, values in params.lists() if key not in (facet, "page") for item in values]
    flat += [(facet, item) for item in remaining]
    return "?" + urlencode(flat) if flat else "?"


def listing_context(*, params, language, items_only, page_url):
    """The template context of a listing: results, facets, active filters, paging and editor's picks.

    ``params`` are the query string's parameters (a QueryDict): the search is read from them and every link
    keeps them; ``items_only`` leaves out pages that are no items (the method bank lists only its items);
    ``page_url(page)`` gives the address of a listed page.
    """
    search_request = service.SearchRequest.from_params(params, language=language, items_only=items_only)
    result = service.search(search_request)
    labels = {facet: {} for facet in registry.facets}
    for facet, values in result.facets.items():
        for entry in values:
            labels[facet][entry["value"]] = entry["label"]
            for child in entry.get("children", []):
                labels[facet][child["value"]] = child["label"]
    active_filters = [
        {
            "facet": facet,
            "facet_label": registry.facets[facet].label,
            "value": value,
            "label": labels[facet].get(value, value),
            "remove_url": _without(params, facet, value),
        }
        for facet, values in search_request.filters.items()
        for value in values
    ]
    language_facet = {
        "name": service.ONLY_LANGUAGE,
        "label": _("Language"),
        "values": [
            {
                "value": "true",
                "label": service.ONLY_LANGUAGE_LABELS[search_request.language],
                "count": result.own_language_count,
                "selected": search_request.only_language,
            }
        ],
    }
    if search_request.only_language:
        active_filters.insert(
            0,
            {
                "facet": service.ONLY_LANGUAGE,
                "facet_label": language_facet["label"],
                "value": "true",
                "label": language_facet["values"][0]["label"],
                "remove_url": _url_with(params, page=None, **{service.ONLY_LANGUAGE: None}),
            },
        )
    for item in [*result.results, *(item for group in result.also_available for item in group["results"])]:
        item["url"] = page_url(item["page"])
        for project in item["projects"]:
            project["url"] = page_url(project["page"])
    current = min(search_request.page, result.num_pages)
    return {
        "search": result,
        "search_request": search_request,
        "search_query": search_request.query,
        "facets": [
            language_facet,
            *(
                {"name": facet, "label": spec.label, "values": result.facets[facet]}
                for facet, spec in registry.facets.items()
            ),
        ],
        "active_filters": active_filters,
        "clear_filters_url": _url_with(params, page=None, **dict.fromkeys([*registry.facets, service.ONLY_LANGUAGE])),
        # "Also available in" lists a few; this lists them all, with the visitor's own language.
        "every_language_url": _url_with(params, page=None, **{service.ONLY_LANGUAGE: None}),
        "sorts": [
            ("relevance", _("Relevance")),
            ("newest", _("Newest first")),
            ("title", _("Title A–Z")),
            *([(registry.item_data.sort, registry.item_data.sort_label)] if registry.item_data else []),
        ],
        "current_sort": search_request.effective_sort,
        "errors": search_request.errors,
        "last_page_url": _url_with(params, page=str(result.num_pages)),
        "current_page": current,
        "promotions": promotions(search_request.query, search_request.language),
    }
