"""The three front ends: JSON API, site search pages and the method bank's index page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from methodbank.models import MethodBankIndexPage, MethodBankPage
from search.models import FacetValue

pytestmark = [pytest.mark.backend]
# Every facet the method bank and the adoptions register, in the API's answers and its parameters.
FACETS = ("type", "theme", "target_group", "region", "funding", "scope", "evaluation", "year", "used_in_region")


def api(client, params=""):
    return client.get(f"/api/search/?{params}")


def test_api_answers_with_results_and_facets_in_the_requested_language(client, demo):
    response = api(client, "lang=sv&q=övergångar&type=project")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] >= 1 and body["page"] == 1
    first = body["results"][0]
    assert first["title"] == "ZOOMI – för smidiga övergångar"
    assert first["type"] == "project" and first["locale"] == "sv"
    assert first["url"].startswith("http://testserver/sv/")
    assert {"value": "A", "label": "Smidig övergång till utbildning"} in first["themes"]
    assert set(body["facets"]) == set(FACETS)
    project = next(entry for entry in body["facets"]["type"] if entry["value"] == "project")
    assert project == {"value": "project", "label": project["label"], "count": 3, "selected": True}
    lapland = next(entry for entry in body["facets"]["region"] if entry["value"] == "fi-10")
    assert lapland == {"value": "fi-10", "label": "Lappland", "count": 0, "selected": False}
    assert body["facets"]["theme"][0]["children"][0]["value"] == "A1"


def test_api_repeated_facet_parameters_and_the_example_visitor_question(client, demo):
    body = api(client, "lang=en&target_group=at-risk-students&type=model&type=practice").json()
    assert sorted(item["title"] for item in body["results"]) == [
        "A model for staying engaged in studies",
        "One-to-one coaching",
    ]
    expert_in_lapland = api(client, "lang=en&q=guidance&type=model&region=fi-10&evaluation=expert").json()
    assert expert_in_lapland["count"] == 0
    assert any(entry["count"] for entry in expert_in_lapland["facets"]["region"])


def test_api_query_count_does_not_grow_with_results(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(45):
        api(client, "lang=fi&page_size=100&theme=A&theme=B&region=fi-18")
    with django_assert_max_num_queries(45):
        api(client, "lang=fi&q=opiskelija&page_size=100")


@pytest.mark.parametrize(
    "params",
    [
        "q=" + "siirtymä " * 1250,
        "q=" + "a" * 10_000,
        'q=AND OR ( " * ~ ^ : \\ /',
        "q=%22unclosed",
        "q=siirtym%C3%A4*~2^3",
        "q=%00%01%1b%7f",
        "q=NOT",
        "page=1000000000",
        "sort=title&page=999999999999",
    ],
)
def test_api_odd_but_usable_input_gets_200(client, demo, params):
    response = api(client, "lang=fi&" + params)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["errors"]
    else:
        assert isinstance(response.json()["results"], list)


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ("theme=Z9", "theme"),
        ("region=mars", "region"),
        ("type=blog", "type"),
        ("evaluation=great", "evaluation"),
        ("year=20x1", "year"),
        ("page=-1", "page"),
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page=", "page"),
        ("page_size=101", "page_size"),
        ("page_size=", "page_size"),
        ("only_lang=yes", "only_lang"),
        ("page_size=0", "page_size"),
        ("sort=random", "sort"),
        ("sort=", "sort"),
        ("lang=de", "lang"),
        ("q=" + "a" * 10_000, "q"),
    ],
)
def test_api_unusable_input_gets_400_with_a_clear_message(client, demo, params, parameter):
    response = api(client, params)
    assert response.status_code == 400
    body = response.json()
    assert parameter in body["errors"]
    assert len(body["errors"][parameter]) > 10


def test_api_page_beyond_the_last_is_empty(client, demo):
    body = api(client, "lang=fi&page=1000000000").json()
    assert body["results"] == [] and body["count"] == 12 and body["page"] == 1000000000


def test_openapi_description_lists_every_parameter(client):
    document = client.get("/api/search/openapi.json").json()
    parameters = {parameter["name"] for parameter in document["paths"]["/api/search/"]["get"]["parameters"]}
    assert parameters == {
        "lang",
        "q",
        *FACETS,
        "only_lang",
        "sort",
        "page",
        "page_size",
    }
    assert document["openapi"].startswith("3.")


def test_autocomplete_suggests_titles_from_two_characters(client, demo):
    assert client.get("/api/search/autocomplete/?lang=fi&q=s").json() == {"suggestions": [], "terms": [], "notices": []}
    suggestions = client.get("/api/search/autocomplete/?lang=fi&q=su").json()["suggestions"]
    titles = [suggestion["title"] for suggestion in suggestions]
    assert "SOPU - Sujuvat omat polut" in titles
    assert all(suggestion["url"].startswith("http://testserver/fi/") for suggestion in suggestions)
    swedish = client.get("/api/search/autocomplete/?lang=sv&q=stora").json()["suggestions"]
    assert [suggestion["title"] for suggestion in swedish] == ["Stora Komet"]
    assert client.get("/api/search/autocomplete/?lang=xx&q=su").status_code == 400


def completed_terms(client, language, typed):
    return client.get("/api/search/autocomplete/", {"lang": language, "q": typed}).json()["terms"]


def test_autocomplete_suggests_vocabulary_terms_by_their_names_and_word_forms(client, demo):
    # "ohj" starts a word of two themes' names and of a target group's name ("Opinto-ohjaajat"), and a
    # word form of another target group ("hakeutumisen ohjaus"): names first.
    finnish = completed_terms(client, "fi", "ohj")
    assert [(term["vocabulary"], term["code"]) for term in finnish] == [
        ("theme", "B"),
        ("theme", "C1"),
        ("target_group", "guidance-staff"),
        ("target_group", "applicants"),
    ]
    assert finnish[2] == {
        "name": "Opinto-ohjaajat ja opettajat",
        "vocabulary": "target_group",
        "vocabulary_label": "kohderyhmä",
        "code": "guidance-staff",
    }
    # A Swedish word form ("yrkesstuderande") suggests its term by the term's name.
    swedish = completed_terms(client, "sv", "yrkesstud")
    assert swedish == [
        {
            "name": "Studerande i yrkesutbildning",
            "vocabulary": "target_group",
            "vocabulary_label": "målgrupp",
            "code": "vocational-students",
        }
    ]
    # Searching for the suggested name finds the items tagged with the term.
    assert api(client, "lang=sv&q=Studerande i yrkesutbildning").json()["count"] > 0
    # Every typed word must start a word of the term.
    assert completed_terms(client, "fi", "opinto opet") == [finnish[2]]
    assert completed_terms(client, "fi", "o") == []


def test_autocomplete_offers_no_term_without_a_live_page(client, demo):
    # No item is in Lapland: the region would lead to nothing.
    assert completed_terms(client, "fi", "lapp") == []
    assert completed_terms(client, "sv", "yrkesstud") != []
    for page in MethodBankPage.objects.live().filter(target_groups__code="vocational-students"):
        page.unpublish()
    assert completed_terms(client, "sv", "yrkesstud") == []


def test_autocomplete_checks_its_terms_against_the_stored_counts_not_every_page(client, demo):
    """Which terms some visible page carries comes from the browsing index's counts: reading every page's terms at
    each keystroke took 260 ms at 100,000 pages (bench/README.md)."""
    table = FacetValue._meta.db_table
    with CaptureQueriesContext(connection) as queries:
        assert completed_terms(client, "fi", "ohj")
    assert not [query["sql"] for query in queries if table in query["sql"]]


@pytest.mark.parametrize(("path", "language"), [("/fi/haku/", "fi"), ("/sv/sok/", "sv"), ("/en/search/", "en")])
def test_site_search_page_in_each_language(client, demo, path, language):
    response = client.get(path, {"q": "WCAG"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="status"' in html
    titles = [item["title"] for item in response.context["search"].results]
    assert len(titles) == 1 and all(item["locale"] == language for item in response.context["search"].results)


@pytest.mark.parametrize(
    ("language", "search_path", "announcement"),
    [
        ("fi", "/fi/haku/", "{count} hakuehdotusta. Voit valita niistä nuolinäppäimillä ylös ja alas."),
        ("sv", "/sv/sok/", "{count} sökförslag. Du kan välja bland dem med piltangenterna upp och ned."),
        ("en", "/en/search/", "{count} suggestions available. Use the up and down arrow keys to choose."),
    ],
)
def test_search_and_filter_forms_submit_to_their_page_and_offer_suggestions(
    client, demo, language, search_path, announcement
):
    method_bank = MethodBankIndexPage.objects.get(locale__language_code=language).url
    for path in (search_path, method_bank):
        html = client.get(path, {"q": "ohjaus"}).content.decode()
        # The Nu Html Checker refuses an empty action; without one, a form submits to its page.
        assert 'action=""' not in html
        assert '<form class="search-box" role="search" method="get">' in html
        assert '<form class="facet-panel__body" method="get" aria-labelledby="facet-panel-title">' in html
        # The suggestions' live region with their address and announcements, in the page's language, for
        # static/js/combobox.js; the script adds the list, so there is no empty one without it.
        assert f'data-url="/api/search/autocomplete/" data-lang="{language}"' in html
        assert f'data-many="{announcement}"' in html
        assert 'role="status" aria-live="polite"' in html
        assert 'role="listbox"' not in html


def test_index_page_lists_filters_with_counts_and_nested_sub_themes(client, demo):
    response = client.get(demo.url, {"theme": "C"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<fieldset") == 10 and html.count("<legend") == 10  # the language and the nine facets
    assert 'name="theme" value="C" checked' in html
    assert 'class="facet__options facet__options--nested"' in html
    assert 'for="facet-region-fi-10">Lappi <span class="facet__count">(0)</span>' in html
    assert "6 tulosta" in html or "6 results" in html


def test_zero_results_offer_links_that_drop_each_filter(client, demo):
    response = client.get(demo.url, {"q": "ohjaus", "region": "fi-10", "evaluation": "expert"})
    html = response.content.decode()
    assert response.context["search"].count == 0
    links = [active["remove_url"] for active in response.context["active_filters"]]
    assert sorted(links) == ["?q=ohjaus&evaluation=expert", "?q=ohjaus&region=fi-10"]
    for link in links:
        assert f'href="{link.replace("&", "&amp;")}"' in html


def test_bad_input_on_the_pages_is_explained_and_the_rest_still_works(client, demo):
    response = client.get(demo.url, {"theme": ["C", "nope"], "page": "abc", "q": "a" * 10_000})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert set(response.context["errors"]) == {"theme", "page", "q"}
    assert response.context["search_request"].filters == {"theme": ("C",)}
    for params in ({"page": "-1"}, {"page": str(10**9)}, {"q": '" AND ( * ~'}, {"q": "\x00\x1b"}, {"region": "x"}):
        assert client.get("/fi/haku/", params).status_code == 200
        assert client.get(demo.url, params).status_code == 200


def test_editors_picks_per_language_and_popular_queries(client, demo):
    finnish_page = Page.objects.get(locale__language_code="fi", slug="tietoa")
    swedish_page = finnish_page.get_translation(Page.objects.filter(locale__language_code="sv").first().locale)
    query = Query.get("ohjaus")
    SearchPromotion.objects.create(query=query, page=finnish_page, sort_order=0, description="Aloita tästä.")
    SearchPromotion.objects.create(query=query, page=swedish_page, sort_order=1)
    finnish = client.get("/fi/haku/", {"q": "Ohjaus"})
    assert [pick.page.pk for pick in finnish.context["promotions"]] == [finnish_page.pk]
    assert "Aloita tästä." in finnish.content.decode()
    swedish = client.get("/sv/sok/", {"q": "ohjaus"})
    assert [pick.page.pk for pick in swedish.context["promotions"]] == [swedish_page.pk]
    assert Query.get("ohjaus").hits == 2
    client.get("/fi/haku/", {"q": "ohjaus", "page": "2"})
    assert Query.get("ohjaus").hits == 2


def test_method_bank_items_are_the_index_pages_children(demo):
    assert MethodBankPage.objects.child_of(demo).live().count() == 11
