"""The language switcher at a phone's width: one row, even when it links to home pages."""

from playwright.sync_api import expect

from .conftest import new_page


def test_the_switcher_keeps_to_one_row_at_375_px_and_explains_a_link_to_a_home_page(browser, portal):
    tab = new_page(browser, portal, width=375, height=740)
    try:
        # Stora Komet is written in Swedish only: Finnish and English lead to their home pages.
        tab.goto("/sv/metodbanken/stora-komet/")
        items = tab.locator(".language-switcher li")
        expect(items).to_have_count(3)
        tops = {round(items.nth(number).bounding_box()["y"]) for number in range(3)}
        assert len(tops) == 1, f"the switcher wraps onto {len(tops)} rows"
        english = tab.locator('.language-switcher a[hreflang="en"]')
        expect(english).to_have_accessible_name("English (not translated: home page)")
        expect(english).to_have_attribute(
            "title", "This page is not available in this language; the link goes to the home page."
        )
    finally:
        tab.context.close()
