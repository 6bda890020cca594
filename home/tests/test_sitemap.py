"""sitemap.xml lists every language's pages, each with hreflang links to its translations."""

import xml.etree.ElementTree as ET

from wagtail.models import Page

from demo.content import demo_page

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


# The host the demo's dev server answers on; the demo's Site says localhost, port 80.
HOST = "127.0.0.1:8000"
BASE = f"http://{HOST}"


def sitemap(client):
    response = client.get("/sitemap.xml", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", NS)
            if link.get("rel") == "alternate"
        }
        for url in root.findall("s:url", NS)
    }


def test_every_live_page_in_every_language_is_listed(client, method_bank):
    urls = sitemap(client)
    live = Page.objects.live().public().filter(depth__gt=1).specific()
    assert sorted(urls) == sorted(BASE + page.url for page in live)
    paths = {url.removeprefix(BASE) for url in urls}
    for language in ("fi", "sv", "en"):
        assert f"/{language}/" in paths
    # Each language has its own addresses.
    assert {"/fi/menetelmapankki/zoomi/", "/sv/metodbanken/zoomi-for-smidiga-overgangar/"} <= paths
    assert "/en/method-bank/zoomi-promoting-smooth-transitions/" in paths


def test_translations_point_at_each_other_with_hreflang_and_x_default(client, method_bank):
    urls = sitemap(client)
    swedish = f"{BASE}/sv/metodbanken/zoomi-for-smidiga-overgangar/"
    expected = {
        "fi": f"{BASE}/fi/menetelmapankki/zoomi/",
        "sv": swedish,
        "en": f"{BASE}/en/method-bank/zoomi-promoting-smooth-transitions/",
        "x-default": f"{BASE}/fi/menetelmapankki/zoomi/",
    }
    assert urls[swedish] == expected
    assert urls[expected["en"]] == expected


def test_a_page_without_translations_has_no_alternates(client, method_bank):
    # Stora Komet is written in Swedish only.
    assert sitemap(client)[f"{BASE}/sv/metodbanken/stora-komet/"] == {}


def test_unpublished_translation_drops_out_of_the_page_and_its_alternates(client, method_bank):
    english = demo_page(Page, "zoomi", "en")
    english.unpublish()
    urls = sitemap(client)
    assert f"{BASE}/en/method-bank/zoomi-promoting-smooth-transitions/" not in urls
    assert set(urls[f"{BASE}/fi/menetelmapankki/zoomi/"]) == {"fi", "sv", "x-default"}


def test_sitemap_query_count_does_not_grow_with_pages(client, method_bank):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from demo.factories import ContentPageFactory

    def queries():
        with CaptureQueriesContext(connection) as context:
            sitemap(client)
        return len(context.captured_queries)

    before = queries()
    home = Page.objects.get(locale__language_code="fi", depth=2).specific
    for number in range(5):
        ContentPageFactory(parent=home, title=f"Extra {number}", slug=f"extra-{number}")
    assert queries() == before


def test_addresses_are_on_the_host_the_sitemap_was_asked_from(client, method_bank):
    # Not the Site's own hostname: the demo's Site is localhost, port 80, where nothing answers.
    response = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8104")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    locations = [element.text for element in root.iter(f"{{{NS['s']}}}loc")]
    hrefs = [link.get("href") for link in root.iter(f"{{{NS['x']}}}link")]
    assert locations
    assert hrefs
    assert all(url.startswith("http://127.0.0.1:8104/") for url in locations + hrefs)
