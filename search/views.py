"""Front ends of the search service: the site search page, the JSON API, autocomplete and the API description."""

from django.db.models import Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from core import page_cache
from search import service
from search.openapi import openapi_document

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


def page_context(http_request, search_request, result):
    """Template context shared by the site search page and the method bank's index page."""
    params = http_request.GET
    labels = {facet: {} for facet in service.FACETS}
    for facet, values in result.facets.items():
        for entry in values:
            labels[facet][entry["value"]] = entry["label"]
            for child in entry.get("children", []):
                labels[facet][child["value"]] = child["label"]
    active_filters = [
        {
            "facet": facet,
            "facet_label": service.FACET_LABELS[facet],
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
        item["url"] = item["page"].get_url(request=http_request)
        for project in item["projects"]:
            project["url"] = project["page"].get_url(request=http_request)
    current = min(search_request.page, result.num_pages)
    return {
        "search": result,
        "search_request": search_request,
        "search_query": search_request.query,
        "facets": [
            language_facet,
            *(
                {"name": facet, "label": service.FACET_LABELS[facet], "values": result.facets[facet]}
                for facet in service.FACETS
            ),
        ],
        "active_filters": active_filters,
        "clear_filters_url": _url_with(params, page=None, **dict.fromkeys([*service.FACETS, service.ONLY_LANGUAGE])),
        # "Also available in" lists a few; this lists them all, with the visitor's own language.
        "every_language_url": _url_with(params, page=None, **{service.ONLY_LANGUAGE: None}),
        "sorts": [
            ("relevance", _("Relevance")),
            ("newest", _("Newest first")),
            ("title", _("Title A–Ö")),
        ],
        "current_sort": search_request.effective_sort,
        "errors": search_request.errors,
        "previous_url": _url_with(params, page=str(current - 1)) if current > 1 else None,
        "next_url": _url_with(params, page=str(current + 1)) if current < result.num_pages else None,
        "last_page_url": _url_with(params, page=str(result.num_pages)),
        "current_page": current,
        "promotions": promotions(search_request.query, search_request.language),
    }


def search(request):
    """The site search page: every page in the visitor's language, with the method bank's filters."""
    search_request = service.SearchRequest.from_params(
        request.GET, language=translation.get_language(), items_only=False
    )
    result = service.search(search_request)
    record_query(request, search_request)
    return TemplateResponse(request, "search/search.html", page_context(request, search_request, result))


def _item_json(request, item):
    return {
        "title": item["title"],
        "url": request.build_absolute_uri(item["page"].get_url(request=request)),
        "type": item["type"],
        "locale": item["locale"],
        "summary": item["summary"],
        "themes": item["themes"],
        "target_groups": item["target_groups"],
        "regions": item["regions"],
        "evaluation": item["evaluation"],
        "end_year": item["end_year"],
        "projects": [
            {
                "title": project["title"],
                "url": request.build_absolute_uri(project["page"].get_url(request=request)),
                "locale": project["locale"],
            }
            for project in item["projects"]
        ],
        "matched": [
            {"facet": match["facet"], "value": match["value"], "label": match["label"]} for match in item["matched"]
        ],
    }


def _bad_request(errors):
    return JsonResponse(
        {
            "error": _("Some parameters could not be used."),
            "errors": {key: str(value) for key, value in errors.items()},
        },
        status=400,
    )


# The API only reads: other methods get 405 with an Allow header, not the CSRF failure page.
@csrf_exempt
@require_safe
def api_search(request):
    """``GET /api/search/``: see ``search.openapi`` and the README."""
    search_request = service.SearchRequest.from_params(request.GET, items_only=True)
    try:
        search_request.check()
    except service.BadRequest as error:
        return _bad_request(error.errors)
    result = service.search(search_request)
    record_query(request, search_request)
    with translation.override(search_request.language):
        return JsonResponse(
            {
                "count": result.count,
                "page": search_request.page,
                "page_size": search_request.page_size,
                "num_pages": result.num_pages,
                "lang": search_request.language,
                "q": search_request.query,
                "sort": search_request.effective_sort,
                "only_lang": search_request.only_language,
                "own_language_count": result.own_language_count,
                "results": [_item_json(request, item) for item in result.results],
                "facets": result.facets,
                "also_available": [
                    {
                        "locale": group["language"],
                        "count": group["count"],
                        "results": [_item_json(request, item) for item in group["results"]],
                    }
                    for group in result.also_available
                ],
                "promotions": [
                    {
                        "title": pick.title,
                        "url": request.build_absolute_uri(pick.page.get_url(request=request))
                        if pick.page
                        else pick.external_link_url,
                        "description": pick.description,
                    }
                    for pick in promotions(search_request.query, search_request.language)
                ],
                "notices": result.notices,
                "suggestion": result.suggestion,
            },
            json_dumps_params={"ensure_ascii": False},
        )


@csrf_exempt
@require_safe
def api_autocomplete(request):
    """``GET /api/search/autocomplete/?lang=fi&q=si``: up to eight titles, from two typed characters."""
    language = request.GET.get("lang", translation.get_language())
    if language not in service.LANGUAGES:
        return _bad_request({"lang": _("Choose the language fi, sv or en.")})
    with translation.override(language):
        suggestions, notice = service.autocomplete(request.GET.get("q", ""), language)
    return JsonResponse(
        {
            "suggestions": [
                {"title": item["title"], "url": request.build_absolute_uri(item["page"].get_url(request=request))}
                for item in suggestions
            ],
            "notices": [notice] if notice else [],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@csrf_exempt
@require_safe
def api_openapi(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
