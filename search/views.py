"""Front ends of the search service: the site search page, the JSON API, autocomplete and the API description."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from search import registry, service
from search.listing import listing_context, promotions, record_query
from search.openapi import openapi_document


def search(request):
    """The site search page: every page in the visitor's language, with the method bank's filters."""
    context = listing_context(
        params=request.GET,
        language=translation.get_language(),
        items_only=False,
        page_url=lambda page: page.get_url(request=request),
    )
    record_query(request, context["search_request"])
    return TemplateResponse(request, "search/search.html", context)


def _item_json(request, item):
    # The number an app above search gives each item (registry.register_item_data), such as its adoptions.
    number = registry.item_data.name if registry.item_data else None
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
        **({number: item[number]} if number else {}),
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
    """``GET /api/search/autocomplete/?lang=fi&q=si``: up to eight titles and five vocabulary terms, from two
    typed characters."""
    language = request.GET.get("lang", translation.get_language())
    if language not in service.LANGUAGES:
        return _bad_request({"lang": _("Choose the language fi, sv or en.")})
    typed = request.GET.get("q", "")
    with translation.override(language):
        suggestions, notice = service.autocomplete(typed, language)
        terms = service.autocomplete_terms(typed, language)
    return JsonResponse(
        {
            "suggestions": [
                {"title": item["title"], "url": request.build_absolute_uri(item["page"].get_url(request=request))}
                for item in suggestions
            ],
            "terms": [
                {
                    "name": term.name,
                    "vocabulary": term.facet,
                    "vocabulary_label": term.vocabulary_label,
                    "code": term.code,
                }
                for term in terms
            ],
            "notices": [notice] if notice else [],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@csrf_exempt
@require_safe
def api_openapi(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
