"""The favicon and app icons: every page names them, each exists, and /favicon.ico answers."""

import json

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image

pytestmark = pytest.mark.django_db


def static_file(url):
    assert url.startswith(settings.STATIC_URL)
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, f"no static file for {url}"
    return path


def test_favicon_ico_redirects_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    with open(static_file(response["Location"]), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file


@pytest.mark.parametrize("path", ["/fi/", "/sv/tietoa/", "/en/search/?q=ohjaus", "/en/no-such-page/"])
def test_every_page_names_an_svg_favicon_a_png_fallback_a_touch_icon_and_a_manifest(client, site, path):
    head = BeautifulSoup(client.get(path).content.decode(), "html.parser").head
    links = {(tuple(link["rel"]), link.get("type", "")): link["href"] for link in head.find_all("link")}
    svg = static_file(links[("icon",), "image/svg+xml"])
    with open(svg, encoding="utf-8") as icon:
        assert icon.read().startswith("<svg")
    static_file(links[("icon",), ""])
    assert Image.open(static_file(links[("apple-touch-icon",), ""])).size == (180, 180)
    static_file(links[("manifest",), ""])


def test_the_manifest_names_icons_that_exist_in_their_sizes():
    manifest_path = finders.find("icons/manifest.webmanifest")
    with open(manifest_path, encoding="utf-8") as manifest:
        icons = json.load(manifest)["icons"]
    for icon in icons:
        path = finders.find(f"icons/{icon['src']}")
        assert path
        if icon["type"] == "image/png":
            width, height = (int(number) for number in icon["sizes"].split("x"))
            assert Image.open(path).size == (width, height)
