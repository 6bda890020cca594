"""Who may do what, tried through the admin as each role would, by HTTP.

Each action reports whether it took effect (a page created, a title published,
a record saved…), so a test fails both when a role is refused something it may
do and when it manages something it may not.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.test.utils.form_data import rich_text as editor_html

from accounts import registration
from accounts.models import Registration
from accounts.roles import CONTRIBUTORS
from accounts.tests.fixtures import (
    evaluation_form_data,
    make_evaluation,
    make_model,
    model_form_data,
    publish_in_translation_editor,
    start_translation,
)
from methodbank.models import EvaluationRecord, Keyword, ModelPage
from methodbank.models.evaluation import Phase

pytestmark = pytest.mark.django_db

ACTIONS = [
    "create",
    "edit_own",
    "edit_others",
    "publish",
    "translate",
    "publish_translation",
    "evaluate_peer",
    "evaluate_expert",
    "approve_registration",
    "manage_taxonomies",
    "manage_users",
]
Y, N = True, False
# "publish" publishes a page in its source language (Finnish); "publish_translation" publishes the
# English translation of a published Finnish page.
MATRIX = {
    #               create own others publish translate publish_tr peer expert approve taxonomies users
    "contributor": (Y, Y, N, N, N, N, N, N, N, N, N),
    "moderator": (Y, Y, Y, Y, Y, Y, N, N, Y, Y, Y),
    "peer_reviewer": (N, N, N, N, N, N, Y, N, N, N, N),
    "expert": (N, N, N, N, N, N, N, Y, N, N, N),
    "translator": (N, Y, Y, N, Y, Y, N, N, N, N, N),
    "anonymous": (N, N, N, N, N, N, N, N, N, N, N),
}


def new_model_data(title):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "summary": "A model written in the admin.",
            "body": streamfield([("goal", {"text": editor_html("<p>A goal.</p>")})]),
            "contacts": streamfield([]),
            "comments": inline_formset([]),
        }
    )


def edit(client, page, **changes):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), model_form_data(page, **changes))


def latest_title(page):
    return ModelPage.objects.get(pk=page.pk).get_latest_revision_as_object().title


def create(client, user, world):
    title = f"Created by {user}"
    url = reverse("wagtailadmin_pages:add", args=["methodbank", "modelpage", world["index"].pk])
    client.post(url, new_model_data(title))
    return ModelPage.objects.filter(title=title).exists()


def edit_own(client, user, world):
    page = make_model(world["index"], owner=user if user.is_authenticated else None)
    edit(client, page, title="Edited by its owner")
    return latest_title(page) == "Edited by its owner"


def edit_others(client, user, world):
    page = world["others_page"]
    edit(client, page, title="Edited by someone else")
    return latest_title(page) == "Edited by someone else"


def publish(client, user, world):
    page = make_model(world["index"], owner=user if user.is_authenticated else None)
    edit(client, page, title="Published change", **{"action-publish": "1"})
    page.refresh_from_db()
    return page.title == "Published change" and page.live


def translate(client, user, world):
    """Send the page to wagtail-localize for English, then open the translation editor."""
    page = world["others_page"]
    english = Locale.objects.get(language_code="en")
    client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [english.pk]})
    translated = page.get_translation_or_none(english)
    if translated is None:
        return False
    response = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    return response.status_code == 200 and "wagtail_localize/admin/edit_translation.html" in [
        template.name for template in response.templates
    ]


def publish_translation(client, user, world):
    """Publish, in wagtail-localize's editor, the English translation of a published Finnish page."""
    source = make_model(world["index"], owner=world["other_contributor"], title="Vertaismentorointi")
    translated = start_translation(source, "en", {"Vertaismentorointi": "Peer mentoring"})
    publish_in_translation_editor(client, translated)
    translated = ModelPage.objects.get(pk=translated.pk)
    return translated.live and translated.title == "Peer mentoring"


def evaluate(phase, page_key):
    def action(client, user, world):
        page = world[page_key]
        client.post(reverse("evaluations:add"), evaluation_form_data(page, phase))
        return EvaluationRecord.objects.filter(page=page, phase=phase, created_by__username=str(user)).exists()

    return action


def approve_registration(client, user, world):
    request = world["registration"]
    client.post(
        reverse(f"{registration.ADMIN_NAMESPACE}:inspect", args=[request.pk]), {"decision": "approve", "message": ""}
    )
    request.refresh_from_db()
    return request.status == Registration.Status.APPROVED


def manage_taxonomies(client, user, world):
    client.post(
        reverse("wagtailsnippets_methodbank_keyword:add") + "?locale=fi",
        {"name": "Job shadowing", "code": "job-shadowing"},
    )
    return Keyword.objects.filter(code="job-shadowing").exists()


def manage_users(client, user, world):
    client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "new_contributor",
            "email": "new.contributor@example.fi",
            "first_name": "New",
            "last_name": "Contributor",
            "password1": "a long and new passphrase",
            "password2": "a long and new passphrase",
            "groups": [Group.objects.get(name=CONTRIBUTORS).pk],
        },
    )
    return get_user_model().objects.filter(username="new_contributor", groups__name=CONTRIBUTORS).exists()


PERFORM = {
    "create": create,
    "edit_own": edit_own,
    "edit_others": edit_others,
    "publish": publish,
    "translate": translate,
    "publish_translation": publish_translation,
    "evaluate_peer": evaluate(Phase.PEER, "others_page"),
    "evaluate_expert": evaluate(Phase.EXPERT, "peer_reviewed_model"),
    "approve_registration": approve_registration,
    "manage_taxonomies": manage_taxonomies,
    "manage_users": manage_users,
}


@pytest.fixture
def world(homes, index, users):
    # Each test does one action, so one fully documented page serves as someone else's page and as
    # the model to evaluate.
    others = make_model(index, owner=users["other_contributor"], title="Someone else's model")
    peer_reviewed = make_model(index, owner=users["other_contributor"], title="Peer-reviewed model")
    make_evaluation(peer_reviewed, Phase.PEER)
    request = registration.submit(
        {
            "first_name": "Aino",
            "last_name": "Applicant",
            "email": "aino@example.fi",
            "organisation": "Keuda",
            "project": "SOPU",
        },
        "fi",
    )
    return {
        "index": index,
        "others_page": others,
        "other_contributor": users["other_contributor"],
        "peer_reviewed_model": peer_reviewed,
        "registration": request,
    }


@pytest.mark.parametrize("role", list(MATRIX))
@pytest.mark.parametrize("action", ACTIONS)
def test_permission_matrix(client, users, world, role, action):
    from django.contrib.auth.models import AnonymousUser

    user = AnonymousUser() if role == "anonymous" else users[role]
    if role != "anonymous":
        client.force_login(user)
    expected = MATRIX[role][ACTIONS.index(action)]
    assert PERFORM[action](client, user, world) is expected


def test_pages_outside_the_method_bank_stay_out_of_reach(client, users, homes, index):
    """The roles reach the method bank only: nobody but an administrator edits the home page."""
    home = homes["fi"]
    for role in ("contributor", "moderator", "translator"):
        client.force_login(users[role])
        response = client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))
        assert response.status_code == 302, role
        assert not home.permissions_for_user(users[role]).can_edit()
    assert Page.objects.get(pk=home.pk).permissions_for_user(users["admin"]).can_edit()
