"""Shortcuts shared by the search service's tests."""

from django.http import QueryDict

from search.service import SearchRequest, search


def run(params="", language="fi", items_only=True):
    """Search as the site does for the query string ``params``; the parameters must all be valid."""
    request = SearchRequest.from_params(QueryDict(params), language=language, items_only=items_only)
    assert request.errors == {}
    return search(request)


def titles(result):
    return [item["title"] for item in result.results]
