"""A Swedish reader asks for a Finnish-only model in Swedish; a translator finds it in the report and starts
the translation. axe-core checks every page they see on the way."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Locale

from accounts.tests.fixtures import make_model
from translation_requests.models import TranslationRequest

from .conftest import new_page, sign_in
from .test_accessibility import WCAG_21_AA, report

TITLE = "Ryhmäyttämisen vuosikello"


@pytest.fixture(scope="module")
def axe():
    return Axe()


def assert_accessible(axe, page, what):
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    violations = results.response["violations"]
    assert not violations, f"{what} ({page.url}):\n{report(violations)}"


def test_a_visitor_asks_for_a_translation_and_a_translator_starts_it(page, browser, portal, axe):
    model = make_model(portal.index, title=TITLE)
    swedish = Locale.objects.get(language_code="sv")

    visitor = new_page(browser, portal, width=375, height=740)
    try:
        # The Finnish page, read by someone who reads Swedish: the offer is in Swedish.
        visitor.goto(model.url)
        expect(visitor.locator("html")).to_have_attribute("lang", "fi")
        offer = visitor.get_by_role("complementary", name="Muut kielet")
        expect(offer.locator('li[lang="sv"]')).to_contain_text("Finns inte på svenska ännu.")
        assert_accessible(axe, visitor, "the Finnish item with its offers")
        offer.get_by_role("link", name="Be om en översättning").click()

        expect(visitor.locator("html")).to_have_attribute("lang", "sv")
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Be om en översättning")
        expect(visitor.get_by_role("radio", name="Svenska")).to_be_checked()
        assert_accessible(axe, visitor, "the request form")
        visitor.get_by_role("button", name="Skicka begäran").click()

        expect(visitor.get_by_role("status")).to_contain_text("Vi har registrerat din begäran.")
        assert_accessible(axe, visitor, "the confirmation")

        # Asking again from the same connection is answered, and not counted.
        visitor.go_back()
        visitor.get_by_role("button", name="Skicka begäran").click()
        expect(visitor.get_by_role("status")).to_contain_text("har redan registrerats från din anslutning")

        # Without a language the form says what is missing, in Swedish.
        visitor.go_back()
        visitor.evaluate("document.querySelectorAll('input[name=language]').forEach(input => input.checked = false)")
        visitor.get_by_role("button", name="Skicka begäran").click()
        expect(visitor.locator(".error-summary")).to_contain_text("Välj det språk du vill läsa det här innehållet på.")
        assert_accessible(axe, visitor, "the request form with an error")
    finally:
        visitor.context.close()
    assert TranslationRequest.objects.filter(translation_key=model.translation_key, locale=swedish).count() == 1

    sign_in(page, "translator")
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Translation requests").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Translation requests")
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row.get_by_role("cell")).to_have_text(
        [
            re.compile(rf"^\s*{TITLE}\s+Requested language: Swedish\s+Written in: Finnish\s+Translate"),
            "1",
            re.compile(r"\S"),
        ]
    )
    assert_accessible(axe, page, "the translation requests report")

    row.get_by_role("link", name=re.compile("^Translate")).click()
    # wagtail-localize's "Translate this page", Swedish ticked (it names languages as the site does).
    expect(page.get_by_label("Svenska")).to_be_checked()
    expect(page.get_by_label("English")).not_to_be_checked()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("successfully submitted for translation into Svenska")).to_be_visible()
    translation = model.get_translation(swedish)
    assert not translation.live

    # The report now leads back into the translation.
    page.goto("/admin/translation-requests/")
    row = page.get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("link", name=re.compile("^Continue translating")).click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{translation.pk}/edit/$"))
