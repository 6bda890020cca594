"""Pages behind a login or a password stay out of every list that other pages show to visitors.

A restricted page's title is not public, and the pages that list related items are
cached and shown to anyone. Each test restricts every language version of a page,
so that no public translation could stand in for it.
"""

import pytest
from wagtail.models import PageViewRestriction

from demo.content import demo_page
from methodbank.models import GoodPracticePage, ModelPage, ProjectPage

pytestmark = pytest.mark.django_db


def page_in(model, slug, language="fi"):
    return demo_page(model, slug, language)


def restrict(model, slug, restriction_type):
    """Put every language version of a page behind a login or a password; returns the versions."""
    versions = list(model.objects.filter(slug=slug))
    for page in versions:
        PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password="salasana")
    return versions


def assert_hidden(html, versions):
    for page in versions:
        assert page.title not in html
        assert page.url not in html


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_project_page_lists_only_public_outputs(client, method_bank, restriction_type):
    model = restrict(ModelPage, "koulutukseen-tutustuminen", restriction_type)
    practice = restrict(GoodPracticePage, "tutustujan-perehdytys", restriction_type)
    html = client.get(page_in(ProjectPage, "sopu").url).content.decode()
    assert_hidden(html, model + practice)
    assert page_in(ModelPage, "henkilokohtaistamisen-muistilistat").title in html
    assert page_in(GoodPracticePage, "palautekyselyt").title in html


def test_model_page_names_no_restricted_project_or_practice(client, method_bank):
    project = restrict(ProjectPage, "vamos-2-aste", PageViewRestriction.LOGIN)
    practice = restrict(GoodPracticePage, "yksilovalmennus", PageViewRestriction.PASSWORD)
    response = client.get(page_in(ModelPage, "opintoihin-kiinnittymisen-toimintamalli", "sv").url)
    assert response.status_code == 200
    # Neither the summary box, the related list nor the structured data (JSON-LD) names them.
    assert_hidden(response.content.decode(), project + practice)


def test_good_practice_page_names_no_restricted_project_or_model(client, method_bank):
    project = restrict(ProjectPage, "sopu", PageViewRestriction.PASSWORD)
    model = restrict(ModelPage, "henkilokohtaistamisen-muistilistat", PageViewRestriction.LOGIN)
    response = client.get(page_in(GoodPracticePage, "palautekyselyt", "en").url)
    assert response.status_code == 200
    assert_hidden(response.content.decode(), project + model)
