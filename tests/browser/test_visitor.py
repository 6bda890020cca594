"""Visitors: a Swedish speaker searching and filtering, someone using the filters with the keyboard alone,
the filter panel on wide and narrow screens under the Content-Security-Policy, and the main menu on a phone."""

import re

from playwright.sync_api import expect


def test_swedish_visitor_searches_filters_opens_a_model_and_follows_it_to_its_project(page):
    page.goto("/sv/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.get_by_role("search").get_by_role("combobox").fill("studerande")
    page.get_by_role("search").get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/sv/sok/\?q=studerande"))
    results = page.locator("ol.result-list > li")
    unfiltered = results.count()
    assert unfiltered > 2

    # Two facets: the type (a short list, shown open) and a main theme (a long list, folded away first).
    panel = page.get_by_role("form", name=re.compile(".+"))
    panel.locator('input[name="type"][value="model"]').check()
    panel.locator("details.facet-fold:has(input[name=theme]) > summary").click()
    panel.get_by_role("checkbox", name=re.compile(r"^Tidigt ingripande, stöd vid studieavbrott")).check()
    panel.locator(".facet-panel__actions button").click()

    expect(page).to_have_url(re.compile(r"type=model.*theme=C|theme=C.*type=model"))
    expect(results).to_have_count(1)
    expect(page.locator(".active-filters li")).to_have_count(2)
    # The card's title links to the model (the card also links to its project).
    model_link = results.first.get_by_role("heading").get_by_role("link")
    expect(model_link).to_have_text("Modell för att hålla fast vid studierna")
    model_link.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Modell för att hålla fast vid studierna")
    project_link = page.locator(".summary-box").get_by_role("link", name="Vamos andra stadiet")
    project_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vamos andra stadiet")
    expect(page).to_have_url(re.compile(r"/sv/metodbanken/vamos-andra-stadiet/$"))


FOCUSED = "document.activeElement"


def tab_to(page, selector, limit=150):
    """Press Tab until the element matching ``selector`` has focus; each stop must show a focus outline."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            f"getComputedStyle({FOCUSED}).outlineStyle + ' ' + getComputedStyle({FOCUSED}).outlineWidth"
        )
        described = page.evaluate(f"{FOCUSED}.outerHTML.slice(0, 120)")
        style, width = outline.split()
        assert style != "none" and float(width.removesuffix("px")) >= 2, f"no visible focus on {described}"
        if page.evaluate(f"(selector) => {FOCUSED}.matches(selector)", selector):
            return
    raise AssertionError(f"{selector} was not reached with {limit} presses of Tab")


def test_a_keyboard_alone_filters_the_method_bank_and_removes_a_filter(page, portal):
    page.goto(portal.index.url)
    # The skip link comes first and takes the focus to the main content.
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_class("skip-link")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    tab_to(page, "#facet-type-model")
    page.keyboard.press("Space")
    # Regions are folded: open them from their summary with Enter, then tick Uusimaa with Space.
    tab_to(page, "details.facet-fold:has(input[name=region]) > summary")
    page.keyboard.press("Enter")
    tab_to(page, "#facet-region-fi-18")
    page.keyboard.press("Space")
    tab_to(page, ".facet-panel__actions button")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"type=model.*region=fi-18|region=fi-18.*type=model"))
    expect(page.locator("#facet-region-fi-18")).to_be_checked()
    titles = page.locator("ol.result-list .result-card__title")
    expect(titles).to_have_count(1)
    expect(titles).to_have_text(
        [
            "Valtakunnallinen toimintamalli 2. asteen opintoihin kiinnittymiseksi, läpäisemiseksi ja "
            "pudokkuuden ehkäisemiseksi"
        ]
    )

    # A chosen filter is a link: Enter on it removes that filter and keeps the other.
    tab_to(page, ".active-filters li a[href*='type=model']:not([href*='region'])")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"type=model"))
    expect(page.locator("#facet-region-fi-18")).not_to_be_checked()
    expect(page.locator("#facet-type-model")).to_be_checked()


def test_filter_panel_is_open_on_a_wide_screen_and_folded_on_a_phone_without_policy_violations(page, phone, portal):
    violations = []

    def record_violation(message):
        # Chromium reports every script, style or frame that the Content-Security-Policy blocks on the console.
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    for tab in (page, phone):
        tab.on("console", record_violation)
        tab.goto(portal.index.url)

    # The panel's script (static/js/facet-panel.js) has run once the page has loaded.
    assert page.locator("details.facet-panel").evaluate("panel => panel.open") is True
    assert phone.locator("details.facet-panel").evaluate("panel => panel.open") is False
    phone.locator("details.facet-panel > summary").click()
    expect(phone.locator(".facet-panel__actions button")).to_be_visible()
    assert violations == []


def test_main_menu_folds_on_a_phone_and_opens_and_closes_by_keyboard(page, phone):
    page.goto("/en/")
    expect(page.locator(".site-nav__toggle")).to_be_hidden()
    expect(page.locator(".site-nav").get_by_role("link", name="Method bank")).to_be_visible()

    phone.goto("/en/")
    menu_link = phone.locator(".site-nav").get_by_role("link", name="Method bank")
    expect(menu_link).to_be_hidden()
    phone.locator(".site-nav__toggle").focus()
    phone.keyboard.press("Enter")
    expect(menu_link).to_be_visible()
    phone.keyboard.press("Tab")
    expect(menu_link).to_be_focused()
    phone.keyboard.press("Shift+Tab")
    phone.keyboard.press("Space")
    expect(menu_link).to_be_hidden()
