"""People who write the content: an editor publishing a good practice, a translator translating a page."""

import re

from playwright.sync_api import expect
from wagtail.models import Locale

from methodbank.models import GoodPracticePage, ProjectPage

from .conftest import new_page, sign_in


def publish(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()


def test_editor_creates_and_publishes_a_good_practice_and_finds_it_in_search(page, portal):
    sign_in(page, "moderator")
    page.goto(f"/admin/pages/{portal.index.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.get_by_role("link", name=re.compile("^Good practice")).click()

    page.locator("#id_title").fill("Kuunsilta-mentorointi")
    # Leaving the title fills in the slug.
    page.locator("#id_title").press("Tab")
    expect(page.locator("#id_slug")).to_have_value("kuunsilta-mentorointi")
    page.get_by_role("tab", name="Description").click()
    page.locator("#id_summary").fill("Vanhempi opiskelija kulkee uuden rinnalla ensimmäisen lukukauden ajan.")
    publish(page)
    expect(page.get_by_text("'Kuunsilta-mentorointi' created and published")).to_be_visible()
    assert GoodPracticePage.objects.live().filter(title="Kuunsilta-mentorointi").exists()

    page.goto("/fi/haku/?q=kuunsilta")
    # The title match comes first; pages with the compound's part (silta) may follow.
    results = page.locator("ol.result-list .result-card__title a")
    expect(results.first).to_have_text("Kuunsilta-mentorointi")
    # An inflected form of a word of its title finds it in the method bank, with the type filter.
    page.goto(f"{portal.index.url}?q=mentorointia&type=practice")
    expect(page.locator("ol.result-list .result-card__title a")).to_contain_text(["Kuunsilta-mentorointi"])
    page.get_by_role("link", name="Kuunsilta-mentorointi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kuunsilta-mentorointi")


def test_translator_translates_a_page_into_english_and_publishes_it(page, browser, portal):
    swedish = ProjectPage.objects.get(slug="stora-komet", locale__language_code="sv")
    english = Locale.objects.get(language_code="en")
    assert swedish.get_translation_or_none(english) is None

    sign_in(page, "translator")
    page.goto(f"/admin/pages/{swedish.pk}/edit/")
    # The Swedish original is not the translator's to publish: its changes go to moderation.
    expect(page.locator("button[name=action-publish]")).to_have_count(0)
    page.get_by_role("navigation", name="Actions", exact=True).get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_label("English").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("successfully submitted for translation into English")).to_be_visible()
    # Until it is translated, the English page is a draft: visitors do not get the Swedish text at an English address.
    translation = swedish.get_translation(english)
    assert not translation.live

    # wagtail-localize's editor: each source string gets its translation.
    page.get_by_role("button", name="Translate").first.click()
    page.locator("textarea").fill("Great Comet")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("tab", name="Description").click()
    page.get_by_role("button", name="Translate").first.click()
    page.locator("textarea").fill("Swedish-speaking schools in Ostrobothnia invite young people to try out studies.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("button", name="Translate")).not_to_have_count(0)
    assert translation.get_latest_revision().content["title"] != "Great Comet"

    # The translator publishes the translation.
    with page.expect_navigation():
        page.get_by_role("button", name="Publish in English").click()
    expect(page.locator(".messages")).to_contain_text("Great Comet")
    translation.refresh_from_db()
    assert translation.live
    assert translation.live_revision.user.username == "translator"

    # A visitor, signed in to nothing, reads it.
    visitor = new_page(browser, portal)
    try:
        visitor.goto(translation.url)
        expect(visitor.locator("html")).to_have_attribute("lang", "en")
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Great Comet")
        expect(visitor.locator(".lead")).to_have_text(
            "Swedish-speaking schools in Ostrobothnia invite young people to try out studies."
        )
        # The Swedish page now offers the English version in its language switcher.
        visitor.goto(swedish.url)
        expect(visitor.locator(".language-switcher").get_by_role("link", name="English")).to_have_attribute(
            "href", translation.url
        )
    finally:
        visitor.context.close()
    # Publishing the translation left the Swedish original as it was.
    swedish.refresh_from_db()
    assert swedish.live and swedish.title == "Stora Komet"
