"""Browsing without words on the engine: one engine request gives the sorted page, the total and the facet counts.

Nothing is listed, counted or sorted in Python (``search.service``'s database path); the pages show what the
database path would have shown.
"""

import re

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from methodbank.models import MethodBankIndexPage
from search import service
from search.engine_circuit import CircuitMixin
from search.tests.helpers import run, titles

# The database path's own functions, kept before ``engine_requests`` refuses them.
DATABASE_LISTING = service._listed
DATABASE_SORTING = service._sorted


def database_only():
    return override_settings(WAGTAILSEARCH_BACKENDS={"default": settings.WAGTAILSEARCH_BACKENDS["database"]})


@pytest.fixture
def engine_requests(monkeypatch):
    """The paths of the requests sent to the engine; the database path's listing and sorting refuse to run."""
    calls = []
    # Both engines' transports send every request through the circuit: (method, url, ...).
    through_circuit = CircuitMixin.through_circuit

    def counted(transport, call, method, url, *args, **kwargs):
        calls.append(url)
        return through_circuit(transport, call, method, url, *args, **kwargs)

    def refused(*args, **kwargs):
        raise AssertionError("a browse on the engine listed or sorted the documents in Python")

    monkeypatch.setattr(CircuitMixin, "through_circuit", counted)
    monkeypatch.setattr(service, "_listed", refused)
    monkeypatch.setattr(service, "_sorted", refused)
    return calls


def method_bank_url(language, params):
    index = MethodBankIndexPage.objects.get(locale__language_code=language)
    return f"{index.url}?{params}" if params else index.url


def site_search_url(language, params):
    with translation.override(language):
        return f"{reverse('search')}?{params}"


def card_titles(html):
    return re.findall(r'class="result-card__title"><a [^>]*>([^<]*)</a>', html)


@pytest.mark.engine
@pytest.mark.parametrize(
    ("url", "language", "params", "items_only"),
    [
        (method_bank_url, "fi", "", True),
        (method_bank_url, "fi", "theme=A&theme=B&type=model&type=practice&region=fi-18", True),
        (method_bank_url, "sv", "sort=newest&page_size=2&page=2", True),
        (method_bank_url, "en", "only_lang=true", True),
        (site_search_url, "fi", "q=", False),
        (site_search_url, "en", "type=page&type=project&sort=title", False),
    ],
)
def test_browsing_is_one_engine_request_sorted_and_counted_by_the_engine(
    client, demo, engine_requests, url, language, params, items_only
):
    address = url(language, params)
    engine_requests.clear()
    response = client.get(address)
    assert response.status_code == 200
    assert engine_requests == ["/_msearch"]
    html = response.content.decode()
    engine = run(params, language=language, items_only=items_only)
    assert engine_requests == ["/_msearch", "/_msearch"]
    # The database path, to compare with, lists and sorts as it always does.
    with database_only(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(service, "_listed", DATABASE_LISTING)
        patch.setattr(service, "_sorted", DATABASE_SORTING)
        database = run(params, language=language, items_only=items_only)
    assert engine.count == database.count > 0
    assert titles(engine) == titles(database)
    assert engine.facets == database.facets
    # The page shows the same results in the same order (its own page size may be smaller; pages in other
    # languages may follow).
    shown, expected = card_titles(html), [escape(title) for title in titles(database)]
    listed = min(len(shown), len(expected))
    assert listed
    assert shown[:listed] == expected[:listed]
