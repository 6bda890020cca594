"""The Moderation workflow, its e-mails and audit log, and drafts that survive the end of a session."""

import json

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, PageLogEntry, WorkflowPage

from accounts.roles import TRANSLATORS, WORKFLOW_NAME, attach_to_index
from accounts.tests.fixtures import make_model, model_form_data
from demo.factories import MethodBankIndexPageFactory
from methodbank.models import ModelPage

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit(client, page, **changes):
    return client.post(edit_url(page), model_form_data(page, **{"action-submit": "1", **changes}))


def workflow_action(client, page, action, comment=""):
    page = ModelPage.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def test_every_method_bank_index_is_moderated_in_every_language(homes, index, users):
    swedish = Locale.objects.get(language_code="sv")
    swedish_home = homes["fi"].copy_for_translation(swedish)
    swedish_index = MethodBankIndexPageFactory(parent=swedish_home, locale=swedish, slug="metodbanken")

    for page in (index, swedish_index):
        assert WorkflowPage.objects.get(page=page).workflow.name == WORKFLOW_NAME
        assert GroupPagePermission.objects.filter(page=page, group__name=TRANSLATORS).exists()
    model = make_model(swedish_index, owner=users["contributor"])
    assert model.get_workflow().name == WORKFLOW_NAME


def test_attaching_the_roles_to_an_index_again_changes_nothing(index):
    counts = (GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    attach_to_index(apps, index.pk)
    assert (GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == counts


def test_rejected_submission_returns_to_the_contributor_with_the_comment(client, index, users):
    contributor, moderator = users["contributor"], users["moderator"]
    page = make_model(index, owner=contributor, title="Checklists", live=False)

    client.force_login(contributor)
    submit(client, page, title="Checklists for study plans")
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert not page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.start", user=contributor).exists()
    assert moderator.email in [message.to[0] for message in mail.outbox]
    mail.outbox.clear()

    client.force_login(moderator)
    workflow_action(client, page, "reject", comment="Add the results of the second pilot, please.")
    page.refresh_from_db()
    assert not page.live
    assert not page.workflow_in_progress
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.reject", user=moderator).exists()
    (message,) = [message for message in mail.outbox if message.to == [contributor.email]]
    assert "Add the results of the second pilot, please." in message.body

    # The contributor finds the comment on their draft, changes it and resubmits.
    client.force_login(contributor)
    draft = client.get(edit_url(page)).content.decode()
    assert "Add the results of the second pilot, please." in draft
    assert "Checklists for study plans" in draft
    submit(client, page, title="Checklists for study plans, revised")

    client.force_login(moderator)
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    assert page.title == "Checklists for study plans, revised"
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


def test_a_contributor_cannot_approve_their_own_submission(client, index, users):
    contributor = users["contributor"]
    page = make_model(index, owner=contributor, live=False)
    client.force_login(contributor)
    submit(client, page)
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress


def test_a_draft_survives_the_end_of_the_session(client, index, users):
    contributor = users["contributor"]
    page = make_model(index, owner=contributor, title="Peer mentoring")
    client.force_login(contributor)

    # The editor autosaves: a JSON post that stores a draft revision even before required fields are filled in.
    response = client.post(
        edit_url(page),
        model_form_data(page, title="Peer mentoring, half written", summary=""),
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert json.loads(response.content)["success"] is True

    client.logout()
    assert client.get(edit_url(page)).status_code == 302  # signed out: the admin asks to sign in

    client.force_login(contributor)
    editor = client.get(edit_url(page)).content.decode()
    assert "Peer mentoring, half written" in editor
    assert "w-autosave" in editor
    page.refresh_from_db()
    assert page.title == "Peer mentoring"  # the live page is untouched until the draft is published
