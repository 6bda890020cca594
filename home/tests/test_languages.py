import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


@pytest.mark.parametrize(
    ("language", "title"),
    [("fi", "Löydä toimintamallit"), ("sv", "Hitta modeller"), ("en", "Find models")],
)
def test_home_page_renders_in_each_language(client, site, language, title):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert title in html
    assert set(hreflangs(html)) == {"fi", "sv", "en", "x-default"}
    assert hreflangs(html)["x-default"] == "http://testserver/fi/"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("sv-FI,sv;q=0.9,en;q=0.5", "/sv/"), ("en-GB,en;q=0.8", "/en/"), ("de-DE,de", "/fi/"), ("", "/fi/")],
)
def test_root_redirects_to_best_language(client, site, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_switcher_links_to_the_same_page_in_other_languages(client, site):
    html = client.get("/sv/tillganglighetsutlatande/").content.decode()
    assert 'href="/fi/saavutettavuusseloste/" hreflang="fi"' in html
    assert 'href="/en/accessibility-statement/" hreflang="en"' in html
    assert "Tillgänglighetsutlåtande" in html


def test_switcher_falls_back_to_home_page_and_says_so(client, site):
    from demo.factories import ContentPageFactory

    only_finnish = ContentPageFactory(parent=site, title="Vain suomeksi", slug="vain-suomeksi")
    html = client.get(only_finnish.url).content.decode()
    assert 'href="/sv/" hreflang="sv"' in html
    # Said to screen readers in the link's language; a small house and the link's title show it.
    assert '<span class="visually-hidden"> (inte översatt: startsida)</span>' in html
    assert '<span class="visually-hidden"> (not translated: home page)</span>' in html
    assert 'title="This page is not available in this language; the link goes to the home page."' in html
    assert set(hreflangs(html)) == {"fi", "x-default"}


def test_unknown_url_gets_localized_404(client, site):
    response = client.get("/sv/finns-inte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Sidan hittades inte" in html


def test_server_error_template_exists_and_stands_alone():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Palvelussa on tilapäinen häiriö" in html
    assert 'lang="sv"' in html


def test_search_url_is_translated_per_language(site):
    for language, path in [("fi", "/fi/haku/"), ("sv", "/sv/sok/"), ("en", "/en/search/")]:
        with translation.override(language):
            assert reverse("search") == path


def test_admin_login_page_loads_outside_language_prefix(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b"password" in response.content


def test_anonymous_visitor_is_sent_from_admin_to_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def switcher_links(html):
    switcher = html[html.index('<nav class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    return {code: href for href, code in re.findall(r'href="([^"]*)" hreflang="(\w+)"', switcher)}


def test_switching_language_keeps_the_method_banks_filters_and_sort_but_not_the_result_page(client, method_bank):
    html = client.get("/fi/menetelmapankki/", {"theme": "C", "type": "model", "sort": "title", "page": "2"})
    links = switcher_links(html.content.decode())
    assert links["sv"] == "/sv/metodbanken/?theme=C&amp;type=model&amp;sort=title"
    assert links["en"] == "/en/method-bank/?theme=C&amp;type=model&amp;sort=title"
    # The alternates stay the canonical addresses.
    assert hreflangs(html.content.decode())["sv"] == "http://testserver/sv/metodbanken/"


def test_switching_language_keeps_the_search(client, site):
    html = client.get("/fi/haku/", {"q": "ohjaus", "theme": ["A", "B"], "page": "3"}).content.decode()
    links = switcher_links(html)
    assert links["sv"] == "/sv/sok/?q=ohjaus&amp;theme=A&amp;theme=B"
    assert links["en"] == "/en/search/?q=ohjaus&amp;theme=A&amp;theme=B"
    assert hreflangs(html)["en"] == "http://testserver/en/search/"


def test_a_page_without_a_query_switches_to_a_plain_address(client, site):
    links = switcher_links(client.get("/fi/tietoa/").content.decode())
    assert links == {"sv": "/sv/om-tjansten/", "en": "/en/about-the-service/"}
