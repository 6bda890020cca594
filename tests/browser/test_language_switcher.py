"""The language switcher at a phone's width: one row, even when it links to home pages."""

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect
from wagtail.models import Page

from .conftest import new_page


def item_missing_a_language():
    """An item and a language it has no version in, with that language's name in itself. Stora Komet (Swedish
    only) is one until an earlier browser test translates it (the tests share one database), so the pair is
    looked up when this test runs."""
    names = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
    for page in Page.objects.live().public().filter(depth__gt=3).order_by("pk"):
        present = set(page.get_translations(inclusive=True).live().values_list("locale__language_code", flat=True))
        for code in ("en", "sv", "fi"):
            if code not in present:
                return page.url, code, names[code]
    raise AssertionError("every item of the demo is in every language")


def test_the_switcher_keeps_to_one_row_at_375_px_and_explains_a_link_to_a_home_page(browser, portal):
    tab = new_page(browser, portal, width=375, height=740)
    try:
        # A page missing a language: that language's link leads to its home page.
        url, code, name = item_missing_a_language()
        tab.goto(url)
        items = tab.locator(".language-switcher li")
        expect(items).to_have_count(3)
        tops = {round(items.nth(number).bounding_box()["y"]) for number in range(3)}
        assert len(tops) == 1, f"the switcher wraps onto {len(tops)} rows"
        link = tab.locator(f'.language-switcher a[hreflang="{code}"]')
        # Written in the language the link leads to.
        with translation.override(code):
            note = gettext("not translated: home page")
            title = gettext("This page is not available in this language; the link goes to the home page.")
        expect(link).to_have_accessible_name(f"{name} ({note})")
        expect(link).to_have_attribute("title", title)
    finally:
        tab.context.close()
