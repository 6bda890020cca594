from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20


def search(request):
    """Full-text search over the live pages of the visitor's language."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    pages = Page.objects.live().public().filter(locale=Locale.get_active()).exclude(depth__lte=1)
    results = pages.search(query) if query else Page.objects.none()

    paginator = Paginator(results, PAGE_SIZE)
    try:
        page_of_results = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_of_results = paginator.page(1)
    except EmptyPage:
        page_of_results = paginator.page(paginator.num_pages)

    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page_of_results},
    )
