"""axe-core on every public page type in Finnish, Swedish and English: no WCAG 2.1 A or AA violations.

An exception would be documented, with its reason, in the accessibility statement (demo/data/site.yaml).
"""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.users.models import UserProfile

from adoptions.contacts import opt_out_token
from adoptions.models import Adoption
from demo.adoptions import ensure_adoptions
from demo.content import demo_page
from methodbank.models import GoodPracticePage, MethodBankIndexPage, ModelPage, Organisation, ProjectPage, Region
from reports.content import build_report
from reports.render import report_html
from reports.selection import Selection

from .conftest import new_page, sign_in

LANGUAGES = ("fi", "sv", "en")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SEARCH_WORDS = {"fi": "ohjaus", "sv": "modell", "en": "model"}


def in_language(model, language, **lookup):
    """The page's address in ``language``; ``slug`` is the Finnish one (each language has its own)."""
    if "slug" in lookup:
        return demo_page(model, lookup["slug"], language).url
    return model.objects.get(locale__language_code=language, **lookup).url


def page_types(language):
    """Path of each public page type in ``language``."""
    with translation.override(language):
        return {
            "home": Page.objects.get(locale__language_code=language, depth=2).url,
            "content page": in_language(Page, language, slug="tietoa"),
            "method bank with a filter": in_language(MethodBankIndexPage, language) + "?theme=C&q=",
            "project": in_language(ProjectPage, language, slug="sopu"),
            "model": in_language(ModelPage, language, slug="koulutukseen-tutustuminen"),
            "good practice": in_language(GoodPracticePage, language, slug="tutustujan-perehdytys"),
            "search results": f"{reverse('search')}?q={SEARCH_WORDS[language]}",
            "page not found": f"/{language}/ei-ole-olemassa/",
            "sign-up": reverse("register"),
            "sign-up with errors": reverse("register"),
        }


def report(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "page_type",
    [
        "home",
        "content page",
        "method bank with a filter",
        "project",
        "model",
        "good practice",
        "search results",
        "page not found",
        "sign-up",
        "sign-up with errors",
    ],
)
def test_no_wcag_21_aa_violations(page, portal, axe, language, page_type):
    path = page_types(language)[page_type]
    response = page.goto(path)
    assert response.status == (404 if page_type == "page not found" else 200)
    if page_type == "sign-up with errors":
        page.locator("form.form button[type=submit]").click()
        page.locator(".error-summary").wait_for()
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    violations = results.response["violations"]
    assert not violations, f"{page_type} in {language} ({path}):\n{report(violations)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways_at_320_px(browser, portal, language):
    """WCAG 1.4.10 reflow: at 320 CSS px every page type fits its width, the items with the demo's adoptions too
    (their table by region was 340 px wide); the adoptions are removed afterwards."""
    before = set(Adoption.objects.values_list("pk", flat=True))
    ensure_adoptions()
    tab = new_page(browser, portal, width=320, height=640)
    try:
        wide, tables = [], 0
        for page_type, path in page_types(language).items():
            tab.goto(path)
            tables += tab.locator(".adoptions__regions").count()
            if tab.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
                wide.append(page_type)
    finally:
        tab.context.close()
        Adoption.objects.exclude(pk__in=before).delete()
    assert tables
    assert wide == []


def violations_on(tab, axe):
    results = axe.run(tab, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    return results.response["violations"]


def report_with_adoptions(language):
    """The report's HTML with its appendices; the adoptions it shows are rolled back, so no other test sees them."""
    with transaction.atomic():
        model = ModelPage.objects.live().filter(locale__language_code="fi").first()
        for organisation, code in zip(Organisation.objects.order_by("pk")[:2], ("fi-01", "fi-10"), strict=True):
            Adoption.objects.create(
                translation_key=model.translation_key,
                organisation=organisation,
                region=Region.objects.filter(code=code).order_by("pk").first(),
                started_on=datetime.date(2025, 1, 1),
                language="fi",
                state=Adoption.State.APPROVED,
            )
        report = build_report(Selection.from_choices(language))
        transaction.set_rollback(True)
    assert report.adoptions and report.projects
    return report_html(report)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [375, 1280])
def test_the_open_data_page_and_the_report_have_no_violations(browser, portal, axe, language, width):
    tab = new_page(browser, portal, width=width)
    try:
        with translation.override(language):
            path = reverse("open_data")
        assert tab.goto(path).status == 200
        violations = violations_on(tab, axe)
        assert not violations, f"open data in {language} at {width} px ({path}):\n{report(violations)}"
        # The report has no HTML page of its own: this is the HTML its tagged PDF is made from.
        tab.set_content(report_with_adoptions(language))
        violations = violations_on(tab, axe)
        assert not violations, f"the report in {language} at {width} px:\n{report(violations)}"
    finally:
        tab.context.close()


def assert_clean(tab, axe, what):
    violations = violations_on(tab, axe)
    assert not violations, f"{what} ({tab.url}):\n{report(violations)}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [375, 1280])
def test_the_contacts_opt_out_page_has_no_violations(browser, portal, axe, language, width):
    """The question, the confirmation after the button, and the answer to a tampered link."""
    tab = new_page(browser, portal, width=width)
    try:
        with translation.override(language):
            path = reverse("adoptions:opt_out", args=[opt_out_token(f"contact-{language}-{width}@example.fi")])
            tampered = reverse("adoptions:opt_out", args=["not-a-signed-address"])
        assert tab.goto(path).status == 200
        assert_clean(tab, axe, f"opt-out in {language} at {width} px")
        tab.locator("main form button[type=submit]").click()
        tab.locator("main [role=status]").wait_for()
        assert_clean(tab, axe, f"opted out in {language} at {width} px")
        assert tab.goto(tampered).status == 400
        assert_clean(tab, axe, f"bad link in {language} at {width} px")
    finally:
        tab.context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [375, 1280])
def test_the_adoptions_over_time_admin_page_has_no_violations(browser, portal, axe, language, width):
    """The coordinators' chart and tables, with a few adoptions that are removed afterwards."""
    model = ModelPage.objects.live().filter(locale__language_code="fi").first()
    adoptions = [
        Adoption.objects.create(
            translation_key=model.translation_key,
            organisation=organisation,
            region=Region.objects.filter(code=code).order_by("pk").first(),
            started_on=started,
            language="fi",
            state=Adoption.State.APPROVED,
        )
        for organisation, code, started in zip(
            Organisation.objects.order_by("pk")[:3],
            ("fi-01", "fi-10", "fi-18"),
            (datetime.date(2024, 2, 1), datetime.date(2024, 9, 1), datetime.date(2025, 1, 1)),
            strict=True,
        )
    ]
    profile = UserProfile.objects.get(user__username="moderator")
    profile.preferred_language = language
    profile.save()
    tab = new_page(browser, portal, width=width)
    try:
        sign_in(tab, "moderator")
        assert tab.goto(reverse("adoption_report:picture")).status == 200
        assert tab.locator("main svg rect").count() == 5  # a bar per quarter, the empty ones too
        assert_clean(tab, axe, f"adoptions over time in {language} at {width} px")
    finally:
        tab.context.close()
        profile.preferred_language = "en"
        profile.save()
        Adoption.objects.filter(pk__in=[adoption.pk for adoption in adoptions]).delete()


def test_the_check_catches_what_it_should(page, axe):
    """The same axe run on a page with known faults reports them, so a clean result above means something."""
    page.set_content(
        '<html lang="fi"><head><title>Virheitä</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
        '<p style="color:#aaa;background:#fff">Liian vaalea teksti</p></main></body></html>'
    )
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    found = {violation["id"] for violation in results.response["violations"]}
    assert {"image-alt", "label", "color-contrast"} <= found, report(results.response["violations"])
