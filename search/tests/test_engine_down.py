"""When the search engine cannot be reached, search answers from the database and no edit is lost."""

import socket

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from demo.factories import GoodPracticePageFactory
from methodbank.models import MethodBankIndexPage
from portal.settings.base import search_backends
from search.engine_query import Hidden
from search.models import PendingIndexUpdate, SearchDocument


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Wagtail's OpenSearch backend, and the portal's Elasticsearch one with its own client and circuit transport.
@pytest.fixture(params=["wagtail.search.backends.opensearch2", "search.backends.elasticsearch"])
def engine_down(request):
    backends = {
        "default": {
            "BACKEND": request.param,
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "INDEX_PREFIX": "unreachable_",
            "TIMEOUT": 1,
        },
        # The fallback this database gets in production (search.backends.postgres on PostgreSQL).
        "database": search_backends("http://search:9200")["database"],
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield


def test_api_falls_back_to_the_database_with_a_notice(client, demo, engine_down):
    response = client.get("/api/search/", {"lang": "fi", "q": "siirtymien", "theme": "A"})
    assert response.status_code == 200
    body = response.json()
    assert "ZOOMI - sujuvia siirtymiä edistämässä" in [item["title"] for item in body["results"]]
    assert body["notices"]


def test_pages_and_autocomplete_fall_back_too(client, demo, engine_down):
    response = client.get("/fi/haku/", {"q": "siirtymävaiheessa"})
    assert response.status_code == 200
    assert response.context["search"].notices
    assert 'class="notice notice--info"' in response.content.decode()
    assert client.get(demo.url, {"q": "ohjaus"}).status_code == 200
    suggestions = client.get("/api/search/autocomplete/", {"lang": "fi", "q": "sopu"}).json()["suggestions"]
    assert [suggestion["title"] for suggestion in suggestions] == ["SOPU - Sujuvat omat polut"]


def test_edits_while_the_engine_is_down_are_kept_for_reindex_pending(client, demo, engine_down, capsys):
    parent = MethodBankIndexPage.objects.get(locale__language_code="fi")
    page = GoodPracticePageFactory(parent=parent, title="Etäohjaus", summary="Ohjausta verkossa.")
    assert PendingIndexUpdate.objects.filter(page_id=page.pk, backend="default").exists()
    # The database still has it, so the fallback search finds it at once.
    titles = [item["title"] for item in client.get("/api/search/", {"q": "etäohjaus"}).json()["results"]]
    assert titles[0] == "Etäohjaus"
    page.unpublish()
    assert PendingIndexUpdate.objects.filter(page_id=page.pk, backend="default").count() == 1
    with pytest.raises(SystemExit):
        call_command("reindex_pending")
    assert "still pending" in capsys.readouterr().out
    assert PendingIndexUpdate.objects.filter(page_id=page.pk).exists()


def test_a_removal_the_engine_missed_is_hidden_at_once_with_the_kept_state(demo, engine_down, settings):
    """The pages the engine's answers leave out are kept between searches; a removal the engine missed must reach
    them even when nothing else changed (here: the record alone, as when a deferred removal fails)."""
    settings.PUBLISHED_CACHE_SECONDS = 600
    cache.clear()
    page = MethodBankIndexPage.objects.get(locale__language_code="fi").get_children().live().first()
    assert page.pk not in Hidden.load().ids
    SearchDocument.objects.filter(pk=page.pk).delete()
    assert page.pk in Hidden.load().ids
    cache.clear()


@pytest.mark.backend
def test_reindex_pending_with_nothing_missed_succeeds(demo, capsys):
    call_command("reindex_pending")
    assert PendingIndexUpdate.objects.count() == 0


# ---- A hung engine: the circuit breaker (search.engine_circuit) ----


@pytest.fixture(params=["search.backends.opensearch", "search.backends.elasticsearch"])
def engine_hangs(request, hung_engine):
    """Each of the portal's engine backends at an address that never answers, given up on after half a second."""
    backends = search_backends(hung_engine.url)
    backends["default"].update(BACKEND=request.param, TIMEOUT=0.5, INDEX_PREFIX="hung_")
    with override_settings(WAGTAILSEARCH_BACKENDS=backends, SEARCH_RETRY_SECONDS=3600):
        yield hung_engine


NOTICE = "The search service is not answering right now, so these results come from a simpler search."


def test_a_hung_engine_costs_one_timeout_then_everything_answers_from_the_database(client, demo, engine_hangs):
    body = client.get("/api/search/", {"lang": "en", "q": "transitions"}).json()
    assert body["notices"] == [NOTICE]
    assert body["count"] > 0
    # The one search waited for the engine once, not once for each of its engine requests.
    assert engine_hangs.connections() == 1

    page = client.get("/fi/haku/", {"q": "siirtymävaiheessa"})
    assert page.context["search"].notices
    assert 'class="notice notice--info"' in page.content.decode()
    index = client.get(demo.url, {"q": "ohjaus"})
    assert index.context["search"].notices
    completion = client.get("/api/search/autocomplete/", {"lang": "fi", "q": "sopu"}).json()
    assert [suggestion["title"] for suggestion in completion["suggestions"]] == ["SOPU - Sujuvat omat polut"]
    assert completion["notices"] == [
        "Hakupalvelu ei vastaa juuri nyt, joten nämä tulokset on haettu yksinkertaisemmalla haulla."
    ]
    for _ in range(5):
        assert client.get("/api/search/", {"q": "ohjaus", "theme": "C"}).json()["notices"]
    assert engine_hangs.connections() == 1


def test_after_the_window_one_request_tries_the_engine_again(client, demo, engine_hangs):
    client.get("/api/search/autocomplete/", {"lang": "fi", "q": "sopu"})
    assert engine_hangs.connections() == 1
    with override_settings(SEARCH_RETRY_SECONDS=0):
        # The window has passed: the next request tries the engine, and its failure opens a new window.
        completion = client.get("/api/search/autocomplete/", {"lang": "fi", "q": "sopu"}).json()
        assert engine_hangs.connections() == 2
    assert completion["notices"]
    client.get("/api/search/autocomplete/", {"lang": "fi", "q": "sopu"})
    assert engine_hangs.connections() == 2


def test_publishing_waits_for_a_hung_engine_once_and_loses_nothing(client, demo, engine_hangs, capsys):
    parent = MethodBankIndexPage.objects.get(locale__language_code="fi")
    pages = [
        GoodPracticePageFactory(parent=parent, title=title, summary="Ohjausta verkossa.")
        for title in ("Etäohjaus", "Etäopetus", "Etätuki")
    ]
    assert engine_hangs.connections() == 1
    for page in pages:
        assert PendingIndexUpdate.objects.filter(page_id=page.pk, backend="default").exists()
    titles = [item["title"] for item in client.get("/api/search/", {"q": "etäohjaus"}).json()["results"]]
    assert titles[0] == "Etäohjaus"
    # Asked to resend, the command tries the engine at once, window or not.
    with pytest.raises(SystemExit):
        call_command("reindex_pending")
    assert "still pending" in capsys.readouterr().out
    assert engine_hangs.connections() == 2
    assert PendingIndexUpdate.objects.filter(page_id__in=[page.pk for page in pages]).count() == 3
