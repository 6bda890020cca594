"""Typos: "Did you mean …?" from the index's vocabulary, applied when the query as typed finds nothing."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from demo.factories import GoodPracticePageFactory
from methodbank.models import MethodBankIndexPage
from search import service, suggestions
from search.models import SearchWord
from search.tests.helpers import run, titles

pytestmark = [pytest.mark.backend]

MODEL_OF_VAMOS = (
    "Valtakunnallinen toimintamalli 2. asteen opintoihin kiinnittymiseksi, läpäisemiseksi ja pudokkuuden ehkäisemiseksi"
)


@pytest.mark.parametrize(
    ("typed", "corrected"),
    [
        ("yksilövalmenus", "yksilövalmennus"),  # one letter missing
        ("kiinittymiseksi", "kiinnittymiseksi"),
        ("toimintamelli opintoihin", "toimintamalli opintoihin"),  # only the unknown word changes
    ],
)
def test_a_misspelt_query_is_corrected_and_the_visitor_told(demo, typed, corrected):
    result = run(f"q={typed}")
    assert result.suggestion == {"query": corrected, "applied": True}
    assert result.count
    assert {"Yksilövalmennus", MODEL_OF_VAMOS} & set(titles(result))
    # Finnish quotes both ends with ”.
    assert f"”{typed}”" in result.notices[0]
    assert f"”{corrected}”" in result.notices[0]


def test_the_api_and_the_search_page_show_the_correction(client, demo):
    body = client.get("/api/search/", {"lang": "fi", "q": "yksilövalmenus"}).json()
    assert body["suggestion"] == {"query": "yksilövalmennus", "applied": True}
    assert "Yksilövalmennus" in [item["title"] for item in body["results"]]
    page = client.get("/fi/haku/", {"q": "yksilövalmenus"}).content.decode()
    assert "Haulla ”yksilövalmenus” ei löytynyt mitään" in page
    assert "Yksilövalmennus" in page


def test_a_query_that_finds_something_is_left_as_typed(client, demo):
    result = run("q=yksilövalmennus")
    assert result.suggestion is None
    assert client.get("/api/search/", {"lang": "fi", "q": "yksilövalmennus"}).json()["suggestion"] is None


def test_short_words_and_far_misses_get_no_correction(demo):
    assert run("q=zom").suggestion is None  # three letters: too short to guess
    far = run("q=yksivalmnnusx")  # more than two edits from any word
    assert far.suggestion is None
    assert far.count == 0


def test_a_word_found_in_another_language_is_not_corrected(demo):
    result = run("q=övergångar")
    assert result.suggestion is None
    assert {item["locale"] for item in result.results} == {"sv"}
    only_finnish = run("q=övergångar&only_lang=true")
    assert only_finnish.suggestion is None
    assert [group["language"] for group in only_finnish.also_available] == ["sv"]


def test_words_of_private_pages_are_never_suggested(demo, search_backend):
    parent = MethodBankIndexPage.objects.get(locale__language_code="fi")
    secret = GoodPracticePageFactory(parent=parent, title="Kvanttiohjauskokeilu", summary="Salainen kokeilu.")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    search_backend.refresh_indexes()
    assert SearchWord.objects.filter(language="fi", word="kvanttiohjauskokeilu").exists()
    result = run("q=kvanttiohjauskokeilo")
    assert result.suggestion is None
    assert result.count == 0


def test_words_of_new_pages_become_suggestions_and_a_rebuild_forgets_removed_ones(demo, search_backend):
    parent = MethodBankIndexPage.objects.get(locale__language_code="fi")
    page = GoodPracticePageFactory(parent=parent, title="Metsäpedagogiikka", summary="Opetusta metsässä.")
    search_backend.refresh_indexes()
    assert run("q=metsäpedagokiikka").suggestion == {"query": "metsäpedagogiikka", "applied": True}
    page.unpublish()
    call_command("rebuild_search_documents", verbosity=0)
    assert not SearchWord.objects.filter(word="metsäpedagogiikka").exists()
    assert SearchWord.objects.filter(language="fi", word="yksilövalmennus").exists()


@pytest.mark.engine
def test_the_engine_matches_fuzzily_as_a_last_try(demo):
    """Without the vocabulary's help: a typo in an inflected form still finds the page on the engine."""
    SearchWord.objects.all().delete()
    request = service.SearchRequest.from_params(QueryDict("q=yksilövalmenuksen"), language="fi")
    assert service.search(request).suggestion is None
    assert "Yksilövalmennus" in titles(service.search(request))
    strict = service._engine_result(request, request.vocabulary, partial_allowed=False)
    assert strict.count == 0


@pytest.mark.postgres
def test_postgresql_takes_candidates_from_its_trigram_index(demo):
    assert connection.vendor == "postgresql"
    with CaptureQueriesContext(connection) as queries:
        assert suggestions.nearest("yksilövalmenus", "fi") == "yksilövalmennus"
    assert any('"word" %' in query["sql"] for query in queries.captured_queries)
