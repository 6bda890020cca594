"""What a visitor reads on the listing pages (site search and the method bank): sort names, languages, counts."""

import re

import pytest

SEARCH = {"fi": "/fi/haku/", "sv": "/sv/sok/", "en": "/en/search/"}


def sort_options(html):
    select = re.search(r'<select[^>]*name="sort".*?</select>', html, re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


@pytest.mark.parametrize(
    ("language", "title_order"), [("fi", "Otsikko A–Ö"), ("sv", "Rubrik A–Ö"), ("en", "Title A–Z")]
)
def test_the_title_order_names_the_languages_own_alphabet(client, demo, language, title_order):
    assert title_order in sort_options(client.get(SEARCH[language], {"q": "ohjaus"}).content.decode())


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fi", "Saatavilla myös ruotsiksi: 1 tulos"), ("en", "Also available in Swedish: 1 item")],
)
def test_results_in_other_languages_are_introduced_in_natural_words(client, demo, language, heading):
    # Stora Komet is written in Swedish only.
    html = client.get(SEARCH[language], {"only_lang": "true", "q": "Komet"}).content.decode()
    assert re.findall(r'<h3 id="also-sv">([^<]*)</h3>', html) == [heading]


def type_counts(response):
    return {entry["value"]: entry["count"] for entry in response.context["search"].facets["type"]}


@pytest.mark.backend
@pytest.mark.parametrize(("language", "query"), [("fi", "ohjaus"), ("sv", "metodbanken"), ("en", "guidance")])
def test_the_type_counts_of_the_site_search_add_up_to_the_results(client, demo, language, query):
    response = client.get(SEARCH[language], {"q": query})
    counts = type_counts(response)
    assert counts["page"] >= 1  # a content page is among the results
    assert sum(counts.values()) == response.context["search"].count
    other = {"fi": "Muu sivu", "sv": "Annan sida", "en": "Other page"}[language]
    assert f'for="facet-type-page">{other} <span class="facet__count">({counts["page"]})</span>' in (
        response.content.decode()
    )


@pytest.mark.backend
def test_other_pages_can_be_chosen_in_the_site_search(client, demo):
    response = client.get(SEARCH["en"], {"q": "guidance", "type": "page"})
    results = response.context["search"].results
    assert response.context["errors"] == {}
    assert results
    assert {item["type"] for item in results} == {"page"}
    assert type_counts(response)["page"] == len(results)


@pytest.mark.backend
def test_choosing_a_type_keeps_the_counts_of_the_others(client, demo):
    everything = client.get(SEARCH["en"], {"q": "guidance"})
    models = client.get(SEARCH["en"], {"q": "guidance", "type": "model"})
    assert type_counts(models) == type_counts(everything)
    assert sum(type_counts(models).values()) == everything.context["search"].count


def test_the_method_bank_offers_no_other_pages(client, demo):
    response = client.get(demo.url)
    assert "page" not in type_counts(response)
    assert 'value="page"' not in response.content.decode()
    assert client.get("/api/search/", {"type": "page"}).status_code == 400


def pagination_links(html):
    nav = re.search(r'<nav class="pagination".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a [^>]*href="([^"]*)"[^>]*>', nav), re.findall(r'aria-current="page">(\d+)<', nav)


def test_the_method_bank_numbers_its_pages_and_keeps_the_filters(client, demo):
    html = client.get(demo.url, {"type": ["model", "practice"], "page_size": "2", "page": "2"}).content.decode()
    hrefs, current = pagination_links(html)
    assert current == ["2"]
    assert hrefs[0] == "?type=model&amp;type=practice&amp;page_size=2&amp;page=1"  # the previous page
    assert hrefs[-1] == "?type=model&amp;type=practice&amp;page_size=2&amp;page=3"  # the next page
    assert 'aria-label="Sivu 3"' in html


def test_the_site_search_numbers_its_pages_in_the_url(client, demo):
    html = client.get(SEARCH["en"], {"q": "guidance", "page_size": "2", "page": "4"}).content.decode()
    hrefs, current = pagination_links(html)
    assert current == ["4"]
    assert "?q=guidance&amp;page_size=2&amp;page=1" in hrefs
    assert 'rel="next"' not in html  # 7 results, 2 a page: page 4 is the last
