"""A teacher records that their college uses a model, a moderator approves it, and a visitor sees it on the
model's page: the count, the region and the experience. axe-core checks every public page on the way, on a
phone (375 px) and a desktop (1280 px)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accounts.roles import CONTRIBUTORS
from adoptions.models import Adoption
from demo.content import demo_page
from methodbank.models import ModelPage

from .conftest import make_user, new_page, sign_in
from .test_accessibility import WCAG_21_AA, report

ORGANISATION = "Oulun seudun koulutuskuntayhtymä"
EXPERIENCE = "Aloitimme kahdella ryhmällä, ja nyt koko oppilaitos käyttää mallia."


@pytest.fixture(scope="module")
def axe():
    return Axe()


def assert_accessible(axe, page, what):
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        results = axe.run(
            page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
        )
        violations = results.response["violations"]
        assert not violations, f"{what} at {width} px ({page.url}):\n{report(violations)}"


def test_a_teacher_records_an_adoption_a_moderator_approves_it_and_a_visitor_sees_it(browser, portal, axe):
    model = demo_page(ModelPage, "opintoihin-kiinnittymisen-toimintamalli", "fi")
    make_user("teacher", CONTRIBUTORS)

    teacher = new_page(browser, portal, width=375, height=800)
    try:
        # Not signed in: the form invites to sign in or to ask for an account.
        teacher.goto(model.url)
        teacher.get_by_role("link", name="Käytämme tätä: kerro muille").click()
        expect(teacher.get_by_role("link", name="Pyydä käyttäjätunnusta")).to_be_visible()
        assert_accessible(axe, teacher, "the invitation to sign in")

        sign_in(teacher, "teacher")
        teacher.goto(model.url)
        teacher.get_by_role("link", name="Käytämme tätä: kerro muille").click()
        expect(teacher.get_by_role("heading", level=1)).to_have_text("Käytämme tätä")
        assert_accessible(axe, teacher, "the adoption form")

        # A date in the future is refused, with the reason, and nothing is recorded.
        teacher.get_by_label("Organisaatio", exact=True).select_option(label=ORGANISATION)
        teacher.get_by_label("Maakunta", exact=True).select_option(label="Pohjois-Pohjanmaa")
        teacher.get_by_label("Aloitettu").fill("2999-01-01")
        teacher.get_by_role("radio", name="Käytössä").check()
        teacher.get_by_label("Kokemuksenne").fill(EXPERIENCE)
        teacher.get_by_role("button", name="Lähetä hyväksyttäväksi").click()
        expect(teacher.locator(".error-summary")).to_contain_text("Aloituspäivä ei voi olla tulevaisuudessa.")
        assert_accessible(axe, teacher, "the form with an error")
        assert not Adoption.objects.exists()

        teacher.get_by_label("Aloitettu").fill("2025-08-15")
        teacher.get_by_role("button", name="Lähetä hyväksyttäväksi").click()
        expect(teacher.get_by_role("status")).to_contain_text("Olemme kirjanneet, että organisaatiosi käyttää tätä.")
        assert_accessible(axe, teacher, "the confirmation")
    finally:
        teacher.context.close()

    adoption = Adoption.objects.get()
    assert adoption.state == Adoption.State.PENDING

    moderator = new_page(browser, portal)
    try:
        sign_in(moderator, "moderator")
        moderator.goto(f"/admin/adoption_moderation/inspect/{adoption.pk}/")
        moderator.get_by_role("radio", name="Approve: show it on the item's page").check()
        moderator.get_by_role("button", name="Save the decision").click()
        expect(moderator.locator(".messages")).to_contain_text("is public now")
    finally:
        moderator.context.close()

    visitor = new_page(browser, portal)
    try:
        visitor.goto(model.url)
        section = visitor.get_by_role("region", name="Käyttäjät")
        expect(section).to_contain_text("1 organisaatio käyttää tätä.")
        table = section.get_by_role("table", name="Käyttävät organisaatiot maakunnittain")
        expect(table.get_by_role("row", name=adoption.region.name)).to_contain_text(ORGANISATION)
        expect(section.locator('blockquote[lang="fi"]')).to_have_text(EXPERIENCE)
        # The region on the map, reached by keyboard and named with its number.
        region = section.locator(f'path[data-region="{adoption.region.code}"]')
        region.focus()
        expect(region).to_be_focused()
        expect(region).to_have_attribute("aria-label", f"{adoption.region.name}: 1 organisaatio")
        expect(region).to_have_class("adoption-map__region adoption-map__region--4")
        assert_accessible(axe, visitor, "the model with its adoption")
    finally:
        visitor.context.close()
