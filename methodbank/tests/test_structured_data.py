"""Project, model and good practice pages describe themselves to search engines as schema.org JSON-LD."""

import json
import re

import pytest

from demo.content import demo_page
from demo.factories import GoodPracticePageFactory
from methodbank.models import GoodPracticePage, MethodBankIndexPage, ModelPage, ProjectPage

pytestmark = pytest.mark.django_db


def described(client, page):
    """The page's own JSON-LD object (not the breadcrumb list), parsed as JSON."""
    response = client.get(page.url)
    assert response.status_code == 200
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    objects = [json.loads(block) for block in blocks]
    own = [item for item in objects if item["@type"] != "BreadcrumbList"]
    assert len(own) == 1
    return own[0]


def path_of(url):
    return url.removeprefix("http://testserver")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_model_is_a_creative_work_in_its_language_and_part_of_its_project(client, method_bank, language):
    model = demo_page(ModelPage, "koulutukseen-tutustuminen", language)
    data = described(client, model)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CreativeWork"
    assert (data["name"], data["description"], data["inLanguage"]) == (model.title, model.summary, language)
    assert data["url"] == f"http://testserver{model.url}"
    [project] = data["isPartOf"]
    assert project["@type"] == "Project"
    assert project["name"] == demo_page(ProjectPage, "sopu", language).title
    assert client.get(path_of(project["url"])).status_code == 200


def test_practice_is_part_of_its_project_and_based_on_its_model(client, method_bank):
    practice = demo_page(GoodPracticePage, "tutustujan-perehdytys", "sv")
    data = described(client, practice)
    assert data["@type"] == "CreativeWork"
    assert data["isPartOf"]["name"] == practice.project.localized.title
    assert data["isBasedOn"]["name"] == practice.model.localized.title
    assert path_of(data["isBasedOn"]["url"]) == practice.model.localized.url
    assert data["dateModified"].startswith(str(practice.last_published_at.year))


def test_project_is_a_project_with_its_acronym(client, method_bank):
    project = demo_page(ProjectPage, "zoomi", "en")
    data = described(client, project)
    assert (data["@type"], data["name"], data["alternateName"]) == ("Project", project.title, "ZOOMI")


def test_quotes_and_markup_in_text_keep_the_json_valid(client, method_bank):
    index = MethodBankIndexPage.objects.get(locale__language_code="fi")
    practice = GoodPracticePageFactory(
        parent=index, title='"Lainaus" </script><b>', summary="Rivi\nvaihto \\ ja 'heittomerkki'"
    )
    data = described(client, practice)
    assert data["name"] == practice.title and data["description"] == practice.summary
    assert "isPartOf" not in data and "isBasedOn" not in data
