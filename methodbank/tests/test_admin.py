"""What an editor meets in the admin: forms that save, and clear messages when input is wrong."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from home.models import ContentPage
from methodbank.models import GoodPracticePage, ModelPage, ProjectPage, Region, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, method_bank):
    user = get_user_model().objects.create_superuser("moderator", "moderator@example.fi", "pw")
    client.force_login(in_english(user))
    return client


def in_english(user):
    """The admin speaks each user's preferred language; these tests read its English messages."""
    return speaking(user, "en")


def speaking(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def page_form(title, **fields):
    person = {"name": "Maija Meikäläinen", "title": "", "organisation": "", "email": "", "phone": ""}
    person.update(fields.pop("person", {}))
    data = {
        "title": title,
        "slug": slugify(title),
        "summary": "A short summary of what this is.",
        "body": streamfield([("goal", {"text": rich_text("<p>Fewer students drop out.</p>")})]),
        "contacts": streamfield([("person", person)]),
        "seo_title": "",
        "search_description": "",
        "evaluation": "none",
    }
    # Choosers post one value per item; nested_form_data would number them instead.
    choices = {name: fields.pop(name) for name in list(fields) if isinstance(fields[name], list)}
    data.update(fields)
    return {**nested_form_data(data), **choices}


def errors_of(response):
    """The form's errors in English; they are lazy and would otherwise follow the test's language."""
    with translation.override("en"):
        return {field: [str(error) for error in errors] for field, errors in response.context["form"].errors.items()}


def test_moderator_creates_and_publishes_a_project(admin_client, method_bank):
    data = page_form(
        "Uusi hanke",
        acronym="UH",
        project_code="S99999",
        start_date="2022-01-01",
        end_date="2023-12-31",
        regions=[Region.objects.get(code="fi-10", locale__language_code="fi").pk],
        themes=[Theme.objects.get(code="B1", locale__language_code="fi").pk],
        **{"action-publish": "publish"},
    )
    response = admin_client.post(add_url(ProjectPage, method_bank), data)
    assert response.status_code == 302, errors_of(response)
    project = ProjectPage.objects.get(project_code="S99999")
    assert project.live
    assert project.end_year == 2023
    assert [theme.code for theme in project.themes.all()] == ["B1"]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"start_date": "2022-05-01", "end_date": "2021-01-01"},
            "end_date",
            "The end date cannot be before the start date.",
        ),
        ({"project_code": "s21674"}, "project_code", "already has the code"),
        ({"regions": [999999]}, "regions", "Choose regions from the list of Finland's regions."),
        (
            {"start_date": "31.2.2022"},
            "start_date",
            "Check the date. Enter a date that exists, in the form 2021-12-31.",
        ),
    ],
)
def test_invalid_project_input_is_refused_with_a_clear_message(admin_client, method_bank, fields, field, message):
    response = admin_client.post(add_url(ProjectPage, method_bank), page_form("Virheellinen hanke", **fields))
    assert response.status_code == 200
    assert any(message in error for error in errors_of(response)[field])
    assert not ProjectPage.objects.filter(title="Virheellinen hanke").exists()
    # Nothing the editor typed is lost: the form comes back filled in.
    assert response.context["form"]["title"].value() == "Virheellinen hanke"


def test_practice_cannot_be_attached_to_a_project_instead_of_a_model(admin_client, method_bank):
    project = ProjectPage.objects.get(slug="sopu", locale__language_code="fi")
    response = admin_client.post(add_url(GoodPracticePage, method_bank), page_form("Käytäntö", model=project.pk))
    assert response.status_code == 200
    assert "a good practice can only be attached to a model page" in str(errors_of(response)["model"])


@pytest.mark.parametrize(
    ("person", "message"),
    [
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"phone": "call me maybe"}, "Enter a phone number, for example"),
    ],
)
def test_invalid_contact_details_are_refused(admin_client, method_bank, person, message):
    response = admin_client.post(add_url(ModelPage, method_bank), page_form("Malli", person=person))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ModelPage.objects.filter(title="Malli").exists()


@pytest.fixture
def editor_client(client, method_bank):
    """An editor who may edit method bank pages but not set their evaluation."""
    editors = Group.objects.create(name="Test editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=editors, page=method_bank, permission=Permission.objects.get(codename=permission)
        )
    user = get_user_model().objects.create_user("editor", "editor@example.fi", "pw")
    user.groups.add(editors)
    client.force_login(in_english(user))
    return client


def test_evaluation_is_read_only_for_editors_without_the_permission(editor_client, method_bank):
    model = ModelPage.objects.get(slug="opintoihin-kiinnittymisen-toimintamalli", locale__language_code="fi")
    edit_url = reverse("wagtailadmin_pages:edit", args=[model.pk])
    html = editor_client.get(edit_url).content.decode()
    assert 'name="evaluation"' not in html
    assert "Not evaluated" in html
    data = page_form(model.title, slug=model.slug, evaluation="expert", **{"action-publish": "publish"})
    response = editor_client.post(edit_url, data)
    assert response.status_code == 302
    model.refresh_from_db()
    assert model.evaluation == "none"


def test_vocabulary_listings_can_be_filtered_and_searched(admin_client):
    url = reverse("wagtailsnippets_methodbank_region:list")
    response = admin_client.get(url, {"locale": "sv", "q": "Lapp"})
    assert response.status_code == 200
    assert "Lappland" in response.content.decode()
    assert "Uusimaa" not in response.content.decode()


def test_vocabularies_are_offered_once_in_the_pages_language(admin_client, method_bank):
    html = admin_client.get(add_url(ModelPage, method_bank)).content.decode()
    assert html.count('name="themes"') == Theme.objects.filter(locale__language_code="fi").count() == 28
    assert "Sujuva siirtyminen koulutukseen" in html
    assert "Smidig övergång till utbildning" not in html


def project_edit_form(project, **changes):
    fields = {
        "acronym": project.acronym,
        "project_code": project.project_code,
        "start_date": "",
        "end_date": "",
        "slug": project.slug,
        **changes,
    }
    return page_form(project.title, **fields)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_dates_are_written_day_month_year_in_finnish_and_swedish(admin_client, method_bank, language):
    speaking(get_user_model().objects.get(username="moderator"), language)
    project = ProjectPage.objects.get(slug="zoomi", locale__language_code="fi")
    edit_url = reverse("wagtailadmin_pages:edit", args=[project.pk])
    data = project_edit_form(project, start_date="1.2.2021", end_date="31.12.2021", **{"action-publish": "publish"})
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, errors_of(response)
    project.refresh_from_db()
    assert (project.start_date, project.end_date) == (datetime.date(2021, 2, 1), datetime.date(2021, 12, 31))
    # The form shows them back the same way, and the date picker reads and writes that format.
    html = admin_client.get(edit_url).content.decode()
    assert 'value="31.12.2021"' in html
    assert '"format": "d.m.Y"' in html


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Tarkista päivämäärä. Anna olemassa oleva päivämäärä muodossa 31.12.2021."),
        ("sv", "Kontrollera datumet. Ange ett befintligt datum i formatet 31.12.2021."),
        ("en", "Check the date. Enter a date that exists, in the form 2021-12-31."),
    ],
)
@pytest.mark.parametrize("impossible", ["31.2.2021", "2021-13-45", "31.12.21"])
def test_impossible_dates_are_refused_and_nothing_typed_is_lost(
    admin_client, method_bank, language, message, impossible
):
    speaking(get_user_model().objects.get(username="moderator"), language)
    project = ProjectPage.objects.get(slug="zoomi", locale__language_code="fi")
    saved = (project.start_date, project.title)
    edit_url = reverse("wagtailadmin_pages:edit", args=[project.pk])
    response = admin_client.post(edit_url, project_edit_form(project, start_date=impossible, acronym="ZOOMI 2"))
    assert response.status_code == 200
    assert message in response.content.decode()
    project.refresh_from_db()
    assert (project.start_date, project.title) == saved
    assert project.get_latest_revision_as_object().start_date == saved[0]
    # The editor gets back what they typed, the wrong date included, to correct it.
    assert response.context["form"]["start_date"].value() == impossible
    assert response.context["form"]["acronym"].value() == "ZOOMI 2"


def autosaves(html):
    """Whether the admin's page form saves by itself while the editor types (Wagtail's w-autosave controller)."""
    controllers = re.search(r'<form\s+id="page-edit-form"[^>]*?data-controller="([^"]*)"', html).group(1)
    return "w-autosave" in controllers.split()


def test_an_abandoned_new_page_leaves_no_draft_that_blocks_the_next_attempt(admin_client, method_bank):
    url = add_url(ModelPage, method_bank)
    # An autosave of the new-page form creates no page.
    data = page_form("Keskeytetty malli")
    response = admin_client.post(url, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert not ModelPage.objects.filter(slug="keskeytetty-malli").exists()
    # The editor starts again, and saving the same page works.
    response = admin_client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    page = ModelPage.objects.get(slug="keskeytetty-malli")
    assert not page.live
    # The new-page form does not try to autosave at all; from then on the page's edit form autosaves,
    # so nothing typed is lost.
    assert not autosaves(admin_client.get(url).content.decode())
    assert autosaves(admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode())


def test_no_new_page_form_autosaves(admin_client, method_bank):
    home = method_bank.get_parent().specific
    for model, parent in ((ContentPage, home), (ProjectPage, method_bank), (GoodPracticePage, method_bank)):
        assert not autosaves(admin_client.get(add_url(model, parent)).content.decode()), model
