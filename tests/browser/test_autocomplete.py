"""Suggestions while typing (static/js/combobox.js): the WAI-ARIA combobox pattern driven by the keyboard alone
in Finnish and Swedish, the mouse, a failing API, and the plain form without JavaScript."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .test_accessibility import WCAG_21_AA, report
from .test_visitor import tab_to

API = "/api/search/autocomplete/"


def autocomplete_requests(page):
    """The autocomplete requests ``page`` sends from now on, as a list that grows."""
    sent = []
    page.on("request", lambda request: sent.append(request.url) if API in request.url else None)
    return sent


def expect_closed(box, listbox):
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))


def test_finnish_keyboard_user_picks_a_title_from_the_method_bank_search_box(page, portal):
    page.goto(portal.index.url)
    sent = autocomplete_requests(page)
    tab_to(page, "#search-q")
    box = page.locator("#search-q")
    listbox = page.locator("#search-q-suggestions")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-autocomplete", "list")
    expect(box).to_have_attribute("aria-controls", "search-q-suggestions")
    expect(listbox).to_have_attribute("role", "listbox")
    expect(listbox).to_have_attribute("aria-label", "Hakuehdotukset")
    expect_closed(box, listbox)

    # One character asks nothing.
    page.keyboard.type("o")
    page.wait_for_timeout(600)
    assert sent == []
    # Typed faster than the debounce: one request for the three letters.
    page.keyboard.type("hj", delay=40)
    options = listbox.get_by_role("option")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(options.first).to_be_visible()
    count = options.count()
    assert count >= 2
    assert len(sent) == 1 and "lang=fi" in sent[0] and "q=ohj" in sent[0]
    expect(page.locator(".combobox [role=status]")).to_have_text(
        f"{count} hakuehdotusta. Voit valita niistä nuolinäppäimillä ylös ja alas."
    )
    # Titles first: the first two lead to pages; the vocabulary terms after them say which vocabulary.
    expect(options.nth(0)).to_have_text("Ohje: näin kuvaat mallin")
    expect(options.nth(2)).to_have_text("Sujuvien siirtymien ohjaus koulutuksen aikana (teema)")

    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "search-q-suggestions-0")
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "search-q-suggestions-1")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(options.nth(0)).to_have_attribute("aria-selected", "false")
    expect(box).to_be_focused()
    chosen = options.nth(1).inner_text()
    assert chosen.startswith("KOULUTUKSEEN TUTUSTUMINEN")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(chosen)
    expect(page).to_have_url(re.compile(r"/fi/menetelmapankki/koulutukseen-tutustuminen/$"))


def test_swedish_keyboard_user_picks_a_term_in_the_home_page_search_box(page):
    page.goto("/sv/")
    tab_to(page, "#hero-search-input")
    box = page.locator("#hero-search-input")
    listbox = page.locator("#hero-search-input-suggestions")
    page.keyboard.type("stu")
    options = listbox.get_by_role("option")
    expect(options.first).to_be_visible()
    count = options.count()
    expect(page.locator(".hero [role=status]")).to_have_text(
        f"{count} sökförslag. Du kan välja bland dem med piltangenterna upp och ned."
    )
    # Up from the input goes round to the last option, down from the last to the first.
    page.keyboard.press("ArrowUp")
    expect(box).to_have_attribute("aria-activedescendant", f"hero-search-input-suggestions-{count - 1}")
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "hero-search-input-suggestions-0")
    page.keyboard.press("ArrowDown")
    term = options.nth(1)
    expect(term).to_have_text("Individualisering, studiebesök och introduktion i ansökningsskedet (tema)")
    page.keyboard.press("Enter")

    # A term searches for its name in the site search, which finds the items tagged with it.
    expect(page).to_have_url(re.compile(r"/sv/sok/\?q=Individualisering"))
    expect(page.locator("#search-q")).to_have_value(
        "Individualisering, studiebesök och introduktion i ansökningsskedet"
    )
    expect(page.locator("ol.result-list > li").first).to_be_visible()


def test_escape_closes_then_clears_and_tab_leaves(page, portal):
    page.goto("/sv/sok/")
    box = page.locator("#search-q")
    listbox = page.locator("#search-q-suggestions")
    status = page.locator(".combobox [role=status]")
    tab_to(page, "#search-q")
    page.keyboard.type("yrkesstud")
    expect(listbox.get_by_role("option")).to_have_text(["Studerande i yrkesutbildning (målgrupp)"])
    expect(status).to_have_text("1 sökförslag. Du kan välja det med piltangenterna upp och ned.")
    page.keyboard.press("ArrowDown")

    page.keyboard.press("Escape")
    expect_closed(box, listbox)
    expect(box).to_have_value("yrkesstud")
    # Down opens the list again; a second Escape, with the list closed, empties the box.
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(box).to_have_value("")
    expect_closed(box, listbox)

    page.keyboard.type("zzqx")
    expect(status).to_have_text("Inga sökförslag")
    expect_closed(box, listbox)

    page.keyboard.press("Control+a")
    page.keyboard.type("yrkesstud")
    expect(listbox).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.locator(".search-box button[type=submit]")).to_be_focused()
    expect_closed(box, listbox)


def test_a_newer_request_aborts_the_one_still_waiting(page):
    page.goto("/fi/haku/")
    aborted = []
    page.on("requestfailed", lambda request: aborted.append(request.url) if API in request.url else None)
    # A slow network: each answer takes a second and a half to arrive.
    network = page.context.new_cdp_session(page)
    network.send("Network.enable")
    network.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 1500, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    box = page.locator("#search-q")
    box.press_sequentially("so")
    page.wait_for_timeout(500)
    box.press_sequentially("pu")
    expect(page.locator("#search-q-suggestions").get_by_role("option")).to_have_text(["SOPU - Sujuvat omat polut"])
    assert len(aborted) == 1 and "q=so&" in aborted[0] + "&"


def test_the_open_list_has_no_wcag_violations(page, portal):
    page.goto(portal.index.url)
    page.locator("#search-q").press_sequentially("ohj")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#search-q-suggestions")).to_be_visible()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    assert not results.response["violations"], report(results.response["violations"])


def test_a_click_on_a_suggestion_opens_it(page):
    page.goto("/fi/haku/")
    page.locator("#search-q").press_sequentially("sopu")
    page.get_by_role("option", name="SOPU - Sujuvat omat polut").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("SOPU - Sujuvat omat polut")


def test_when_the_api_fails_the_plain_search_still_works(page):
    page.route(f"**{API}**", lambda route: route.abort())
    page.goto("/fi/haku/")
    box = page.locator("#search-q")
    box.press_sequentially("ohjaus")
    page.wait_for_timeout(600)
    expect_closed(box, page.locator("#search-q-suggestions"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fi/haku/\?q=ohjaus$"))
    expect(page.locator("ol.result-list > li").first).to_be_visible()


def test_without_javascript_the_search_and_filter_forms_submit_to_their_page(browser, portal):
    context = browser.new_context(base_url=portal.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(portal.index.url)
        box = page.get_by_role("search").get_by_role("searchbox")
        expect(page.get_by_role("listbox")).to_have_count(0)
        box.fill("ohjaus")
        box.press("Enter")
        expect(page).to_have_url(re.compile(rf"{re.escape(portal.index.url)}\?q=ohjaus$"))
        expect(page.locator("ol.result-list > li").first).to_be_visible()
        # The filter panel's form (unfolded by the style sheet on a wide screen) keeps the search words and
        # stays on the method bank.
        page.locator('input[name="type"][value="model"]').check()
        page.locator(".facet-panel__actions button").click()
        expect(page).to_have_url(re.compile(rf"{re.escape(portal.index.url)}\?.*type=model"))
        expect(page.locator("#search-q")).to_have_value("ohjaus")
    finally:
        context.close()
