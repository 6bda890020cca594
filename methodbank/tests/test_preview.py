"""Editors and moderators can preview every page type and look at its earlier revisions.

A preview or a revision is an unsaved page: its many-to-many links live in memory
(modelcluster's FakeQuerySet), not in the database, so the templates must not
depend on database-only query methods.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Workflow, get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from accounts.roles import MODERATORS, WORKFLOW_NAME
from demo.content import demo_page
from home.models import ContentPage, HomePage
from methodbank.models import GoodPracticePage, MethodBankIndexPage, ModelPage, ProjectPage

pytestmark = pytest.mark.django_db


def page_in(model, slug, language="fi"):
    return demo_page(model, slug, language)


def common_fields(page, **fields):
    return {"title": page.title, "slug": page.slug, "seo_title": "", "search_description": "", **fields}


def method_bank_fields(page, **fields):
    return common_fields(
        page,
        summary=page.summary,
        body=streamfield([("goal", {"text": rich_text("<p>Previewed goal.</p>")})]),
        contacts=streamfield([]),
        original_url="",
        evaluation=page.evaluation,
        **fields,
    )


# What the edit form of each page type posts; choosers post one value per item, so lists stay outside
# nested_form_data. Each entry: (model, slug, form fields, chooser fields, text the preview must show).
PAGE_TYPES = {
    "home": (HomePage, "etusivu", lambda page: common_fields(page, body=streamfield([])), lambda page: {}),
    "content": (
        ContentPage,
        "tietoa",
        lambda page: common_fields(
            page, intro=page.intro, body=streamfield([("text", rich_text("<p>Previewed text.</p>"))])
        ),
        lambda page: {},
    ),
    "method-bank-index": (
        MethodBankIndexPage,
        "menetelmapankki",
        lambda page: common_fields(page, intro=page.intro),
        lambda page: {},
    ),
    "project": (
        ProjectPage,
        "sopu",
        lambda page: method_bank_fields(
            page, acronym=page.acronym, project_code=page.project_code, start_date="2019-01-01", end_date=""
        ),
        lambda page: {},
    ),
    "model": (
        ModelPage,
        "koulutukseen-tutustuminen",
        lambda page: method_bank_fields(page, period=""),
        lambda page: {"projects": [page_in(ProjectPage, "zoomi").pk]},
    ),
    "good-practice": (
        GoodPracticePage,
        "tutustujan-perehdytys",
        lambda page: method_bank_fields(page, project=page_in(ProjectPage, "zoomi").pk, model=page.model_id, period=""),
        lambda page: {},
    ),
}
# What each preview shows from the links it was given, besides the page's title.
LINKED_TITLE = {"model": "zoomi", "good-practice": "zoomi"}


@pytest.fixture
def editor(client, method_bank):
    """A moderator for method bank pages; the site's own pages are edited by administrators."""
    moderator = get_user_model().objects.create_user("moderator", "moderator@example.fi", "pw")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    administrator = get_user_model().objects.create_superuser("administrator", "administrator@example.fi", "pw")

    def log_in_for(page):
        is_method_bank = isinstance(page.specific, (ProjectPage, ModelPage, GoodPracticePage))
        client.force_login(moderator if is_method_bank else administrator)
        return client

    return log_in_for


def form_data(kind, page):
    _model, _slug, fields, choices = PAGE_TYPES[kind]
    return {**nested_form_data({**fields(page), "comments": inline_formset([])}), **choices(page)}


def assert_shows(response, page, kind):
    html = response.content.decode()
    assert response.status_code == 200, html[-3000:]
    assert page.title in html
    if kind in LINKED_TITLE:
        assert page_in(ProjectPage, LINKED_TITLE[kind]).title in html


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_preview_while_editing_shows_the_unsaved_form(editor, kind):
    model, slug, _fields, _choices = PAGE_TYPES[kind]
    page = page_in(model, slug)
    client = editor(page)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    # The admin posts the form, then loads the preview panel (or a new tab) from the same address.
    answer = client.post(url, form_data(kind, page))
    assert answer.json() == {"is_valid": True, "is_available": True}
    assert_shows(client.get(url), page, kind)


@pytest.mark.parametrize("kind", ["project", "model", "good-practice"])
def test_preview_of_a_new_page(editor, method_bank, kind):
    model, slug, _fields, _choices = PAGE_TYPES[kind]
    template = page_in(model, slug)
    page = model(title=f"Uusi {template.title}", slug=f"uusi-{slug}", summary=template.summary, evaluation="none")
    if kind == "good-practice":
        page.model_id = template.model_id
    client = editor(template)
    url = reverse("wagtailadmin_pages:preview_on_add", args=["methodbank", model._meta.model_name, method_bank.pk])
    answer = client.post(url, form_data(kind, page))
    assert answer.json() == {"is_valid": True, "is_available": True}
    assert_shows(client.get(url), page, kind)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_revision_can_be_viewed(editor, kind):
    model, slug, _fields, _choices = PAGE_TYPES[kind]
    page = page_in(model, slug)
    client = editor(page)
    revision = page.save_revision()
    response = client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]))
    assert response.status_code == 200
    assert page.title in response.content.decode()


@pytest.mark.parametrize("kind", ["project", "model", "good-practice"])
def test_moderator_previews_a_page_waiting_for_approval(editor, kind):
    model, slug, _fields, _choices = PAGE_TYPES[kind]
    page = page_in(model, slug)
    client = editor(page)
    page.save_revision()
    with TestCase.captureOnCommitCallbacks(execute=True):
        state = Workflow.objects.get(name=WORKFLOW_NAME).start(page, get_user_model().objects.get(username="moderator"))
    response = client.get(
        reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, state.current_task_state.task_id])
    )
    assert response.status_code == 200
    assert page.title in response.content.decode()


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_translation_preview(editor, kind):
    model, slug, _fields, _choices = PAGE_TYPES[kind]
    page = page_in(model, slug)
    swedish = page.get_translation(Locale.objects.get(language_code="sv"))
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=swedish.locale)
    client = editor(swedish)
    response = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    assert response.status_code == 200
    assert swedish.title in response.content.decode()


def test_every_page_type_is_covered():
    ours = {
        model for model in get_page_models() if model.is_creatable and model._meta.app_label in ("home", "methodbank")
    }
    assert ours == {model for model, *_rest in PAGE_TYPES.values()}
