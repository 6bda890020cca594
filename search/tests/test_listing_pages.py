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
