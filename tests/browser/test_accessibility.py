"""axe-core on every public page type in Finnish, Swedish and English: no WCAG 2.1 A or AA violations.

An exception would be documented, with its reason, in the accessibility statement (demo/data/site.yaml).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from demo.content import demo_page
from methodbank.models import GoodPracticePage, MethodBankIndexPage, ModelPage, ProjectPage

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
