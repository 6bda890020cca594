import re

import pytest
from django.utils import translation

from demo.content import demo_page
from methodbank.models import GoodPracticePage, MethodBankIndexPage, ModelPage, ProjectPage

pytestmark = pytest.mark.django_db

PAGES = [
    (MethodBankIndexPage, "menetelmapankki"),
    (ProjectPage, "sopu"),
    (ModelPage, "koulutukseen-tutustuminen"),
    (GoodPracticePage, "tutustujan-perehdytys"),
]

# One phrase per language from each page's summary box, so the test sees the
# page really speaks the visitor's language, vocabulary included.
THEME_NAMES = {
    "fi": "Sujuva siirtyminen koulutukseen",
    "sv": "Smidig övergång till utbildning",
    "en": "Smooth transition into education",
}


def page_in(model, slug, language):
    return demo_page(model, slug, language)


def main_of(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize(("model", "slug"), PAGES)
def test_every_page_type_renders_in_every_language(client, method_bank, language, model, slug):
    page = page_in(model, slug, language)
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert f'<h1 class="page-title">{page.title}</h1>' in html
    if model is not MethodBankIndexPage:
        assert page.summary in html
        assert THEME_NAMES[language] in main_of(response)


def test_model_page_shows_its_sections_project_practices_and_badge(client, method_bank):
    model = page_in(ModelPage, "koulutukseen-tutustuminen", "sv")
    main = main_of(client.get(model.url))
    toc = re.search(r'<nav class="toc".*?</nav>', main, re.S).group(0)
    anchors = re.findall(r'href="#([\w-]+)"', toc)
    assert [anchor.split("-")[0] for anchor in anchors] == ["goal", "target_group", "implementation", "results"]
    for anchor in anchors:
        assert f'<section class="stream-section" id="{anchor}"' in main
    assert f'href="{page_in(ProjectPage, "sopu", "sv").url}"' in main
    assert f'href="{page_in(GoodPracticePage, "tutustujan-perehdytys", "sv").url}"' in main
    assert "badge--expert" in main


def test_relations_hold_across_translations(method_bank):
    with translation.override("en"):
        project = page_in(ProjectPage, "sopu", "en")
        outputs = project.outputs()
        assert {page.pk for page in outputs["models"]} == {
            page_in(ModelPage, "koulutukseen-tutustuminen", "en").pk,
            page_in(ModelPage, "henkilokohtaistamisen-muistilistat", "en").pk,
        }
        assert {page.locale.language_code for page in outputs["models"] + outputs["practices"]} == {"en"}
    with translation.override("sv"):
        model = page_in(ModelPage, "opintoihin-kiinnittymisen-toimintamalli", "sv")
        assert [page.title for page in model.good_practices()] == ["Individuell coachning"]
        practice = page_in(GoodPracticePage, "yksilovalmennus", "sv")
        assert practice.model.localized == model


def test_practice_links_to_its_model_and_project_in_the_visitors_language(client, method_bank):
    practice = page_in(GoodPracticePage, "palautekyselyt", "en")
    main = main_of(client.get(practice.url))
    assert f'href="{page_in(ModelPage, "henkilokohtaistamisen-muistilistat", "en").url}"' in main
    assert f'href="{page_in(ProjectPage, "sopu", "en").url}"' in main


def test_project_page_shows_facts_and_outputs(client, method_bank):
    project = page_in(ProjectPage, "zoomi", "fi")
    main = main_of(client.get(project.url))
    assert "S21674" in main
    assert "Opetushallitus" in main
    assert '<time datetime="2019-05-01">' in main


def test_swedish_project_exists_only_in_swedish(client, method_bank):
    komet = ProjectPage.objects.get(slug="stora-komet")
    assert komet.locale.language_code == "sv"
    assert komet.get_translations().count() == 0
    html = client.get(komet.url).content.decode()
    assert "Yrkeshögskolan Novia" in html
    assert "Smidig övergång till arbetslivet och fortsatta studier" in html


def test_index_lists_the_items_of_its_language(client, method_bank):
    index = page_in(MethodBankIndexPage, "menetelmapankki", "sv")
    main = main_of(client.get(index.url))
    assert "Stora Komet" in main
    assert "Bekanta dig med utbildningen" in main
    assert "KOULUTUKSEEN TUTUSTUMINEN" not in main


def test_pages_nest_only_where_they_belong(method_bank):
    home = method_bank.get_parent().specific
    assert MethodBankIndexPage.can_create_at(home) is False  # one per language tree
    for page_type in (ProjectPage, ModelPage, GoodPracticePage):
        assert page_type.can_create_at(method_bank)
        assert not page_type.can_create_at(home)
    model = page_in(ModelPage, "koulutukseen-tutustuminen", "fi")
    assert not GoodPracticePage.can_create_at(model)
    assert not ProjectPage.can_create_at(model)


# What HTML allows in <time datetime>: a date, or a date and time with at most three digits of seconds' fraction.
VALID_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?")


@pytest.mark.parametrize(("model", "slug"), PAGES[1:])
def test_time_elements_carry_datetimes_that_html_allows(client, method_bank, model, slug):
    html = client.get(page_in(model, slug, "en").url).content.decode()
    values = re.findall(r'<time datetime="([^"]*)"', html)
    assert values
    assert [value for value in values if not VALID_DATETIME.fullmatch(value)] == []
