"""The two-phase evaluation: who records what and when, and how the page shows the result and its reasons."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale

from accounts.tests.fixtures import (
    evaluation_form_data,
    homes,
    index,
    make_evaluation,
    make_model,
    model_form_data,
    users,
)
from core.localization import publish_translation
from methodbank.models import EvaluationRecord, MethodBankPage, ModelPage
from methodbank.models.evaluation import Phase

pytestmark = pytest.mark.django_db
__all__ = ["homes", "index", "users"]  # fixtures used by these tests


def shown(text, language="fi", **values):
    with translation.override(language):
        return escape(translation.gettext(text) % values if values else translation.gettext(text))


def record(client, user, page, phase, **changes):
    client.force_login(user)
    return client.post(reverse("evaluations:add"), evaluation_form_data(page, phase, **changes))


@pytest.fixture
def model(index, users):
    return make_model(index, owner=users["contributor"], title="Peer mentoring")


def test_an_incompletely_documented_model_cannot_enter_evaluation(client, index, users):
    page = make_model(index, owner=users["contributor"], body_sections=("goal", "implementation"))
    response = record(client, users["peer_reviewer"], page, Phase.PEER)
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Target group", "Results and metrics"):
        assert shown(label) in html
    assert not EvaluationRecord.objects.exists()


def test_the_contributor_is_told_what_is_missing(client, index, users):
    contributor = users["contributor"]
    page = make_model(index, owner=contributor, body_sections=("goal",))
    client.force_login(contributor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), model_form_data(page, title="Peer mentoring"), follow=True
    )
    html = response.content.decode()
    missing = ", ".join(shown(label) for label in ("Target group", "Content and actions", "Results and metrics"))
    assert escape("Peer mentoring") in html
    assert missing in html
    # The editor's Evaluation tab says the same.
    assert shown("This item cannot enter evaluation yet. Add these sections to the description first:") in html


def test_expert_evaluation_waits_for_a_passed_peer_evaluation(client, model, users):
    too_early = record(client, users["expert"], model, Phase.EXPERT)
    assert too_early.status_code == 200
    assert (
        shown("An expert evaluation can be recorded only after the item has passed a completed peer evaluation.")
        in too_early.content.decode()
    )

    make_evaluation(model, Phase.PEER, outcome="revise")
    record(client, users["expert"], model, Phase.EXPERT)
    assert not EvaluationRecord.objects.filter(phase=Phase.EXPERT).exists()

    record(client, users["peer_reviewer"], model, Phase.PEER)
    record(client, users["expert"], model, Phase.EXPERT)
    assert EvaluationRecord.objects.filter(phase=Phase.EXPERT, created_by=users["expert"]).exists()


def test_each_reviewer_records_only_their_own_phase(client, model, users):
    refused = record(client, users["peer_reviewer"], model, Phase.EXPERT)
    assert shown("You may not record this kind of evaluation.") in refused.content.decode()
    record(client, users["expert"], model, Phase.PEER)
    assert not EvaluationRecord.objects.exists()


def test_a_completed_evaluation_needs_every_light_a_summary_and_an_evaluator(client, model, users):
    response = record(
        client,
        users["peer_reviewer"],
        model,
        Phase.PEER,
        results="",
        summary="",
        evaluators={"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"},
    )
    html = response.content.decode()
    assert shown("Choose a light for every criterion before completing the evaluation.") in html
    assert shown("Write a summary before completing the evaluation.") in html
    assert shown("Name at least one evaluator before completing the evaluation.") in html
    assert not EvaluationRecord.objects.exists()

    draft = record(client, users["peer_reviewer"], model, Phase.PEER, results="", summary="", status="draft")
    assert draft.status_code == 302
    assert EvaluationRecord.objects.get().status == "draft"


def test_reviewers_edit_their_own_records_and_moderators_only_remove(client, model, users):
    record(client, users["peer_reviewer"], model, Phase.PEER, status="draft")
    evaluation = EvaluationRecord.objects.get()
    edit_url = reverse("evaluations:edit", args=[evaluation.pk])
    changed = evaluation_form_data(model, Phase.PEER, summary="Rewritten after the workshop.")

    client.force_login(users["peer_reviewer"])
    assert client.post(edit_url, changed).status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.summary == "Rewritten after the workshop."

    other_reviewer = users["other_contributor"]
    other_reviewer.groups.set(users["peer_reviewer"].groups.all())
    for user in (other_reviewer, users["expert"], users["moderator"], users["contributor"]):
        client.force_login(user)
        client.post(edit_url, evaluation_form_data(model, Phase.PEER, summary=f"Changed by {user}"))
        evaluation.refresh_from_db()
        assert evaluation.summary == "Rewritten after the workshop.", user

    client.force_login(users["moderator"])
    client.post(reverse("evaluations:delete", args=[evaluation.pk]))
    assert not EvaluationRecord.objects.exists()


def test_the_badge_follows_the_highest_passed_phase_in_every_language(client, homes, model, users):
    english = publish_translation(model, Locale.objects.get(language_code="en"), {})
    assert model.evaluation == "none"

    record(client, users["peer_reviewer"], model, Phase.PEER)
    for page in (model, english):
        page.refresh_from_db()
        assert page.evaluation == "peer"
    assert set(MethodBankPage.objects.filter(evaluation="peer")) == {
        model.methodbankpage_ptr,
        english.methodbankpage_ptr,
    }

    record(client, users["expert"], model, Phase.EXPERT)
    assert set(ModelPage.objects.filter(evaluation="expert")) == {model, english}
    assert not MethodBankPage.objects.filter(evaluation="peer").exists()


def test_the_page_shows_the_badge_with_its_reasons(client, model, users):
    record(
        client,
        users["peer_reviewer"],
        model,
        Phase.PEER,
        spreadability="yellow",
        spreadability_note="Needs a coordinator in each region.",
        summary="A useful model, ready for a wider pilot.",
    )
    client.logout()
    html = client.get(model.url).content.decode()
    assert shown("Peer-reviewed") in html
    assert 'href="#evaluation"' in html
    assert shown("Spreadability to the whole country") in html
    assert shown("Yellow: partly meets the criterion") in html
    assert "Needs a coordinator in each region." in html
    assert "A useful model, ready for a wider pilot." in html
    assert "Maija Meikäläinen, Keuda" in html


def test_draft_evaluations_stay_off_the_page_and_out_of_the_facet(client, model, users):
    record(client, users["peer_reviewer"], model, Phase.PEER, status="draft", summary="Half-finished notes.")
    client.logout()
    html = client.get(model.url).content.decode()
    assert "Half-finished notes." not in html
    model.refresh_from_db()
    assert model.evaluation == "none"


def test_publishing_an_older_draft_keeps_the_evaluation(client, model, users):
    # The contributor's draft was saved before the evaluation and still says "none".
    draft = model.get_latest_revision_as_object()
    draft.summary = "Updated summary."
    revision = draft.save_revision(user=users["contributor"])
    make_evaluation(model, Phase.PEER)
    revision.publish()
    model.refresh_from_db()
    assert model.summary == "Updated summary."
    assert model.evaluation == "peer"


def test_removing_the_last_evaluation_removes_the_badge(model):
    evaluation = make_evaluation(model, Phase.PEER)
    model.refresh_from_db()
    assert model.evaluation == "peer"
    evaluation.delete()
    model.refresh_from_db()
    assert model.evaluation == "none"


def test_an_earlier_rating_without_records_stays_and_says_so(client, index, users):
    page = make_model(index, owner=users["contributor"])
    page.evaluation = "expert"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.evaluation == "expert"
    html = client.get(page.url).content.decode()
    assert (
        shown(
            "This item was evaluated before the method bank published evaluation records, so the details of that "
            "evaluation are not available here."
        )
        in html
    )


def evaluation_facet(client, language):
    """The evaluation values under which an anonymous visitor's search finds the item's version in ``language``."""
    client.logout()
    return {
        state
        for state in ("none", "peer", "expert")
        if client.get("/api/search/", {"lang": language, "evaluation": state, "only_lang": "true"}).json()["count"]
    }


@pytest.fixture
def translated_model(model):
    """The model in Finnish, Swedish and English."""
    for language, title in (("sv", "Kamratmentorskap"), ("en", "Peer mentoring")):
        publish_translation(model, Locale.objects.get(language_code=language), {"Peer mentoring": title})
    return model


@pytest.mark.backend
def test_search_finds_the_item_by_its_latest_evaluation_in_every_language(
    client, translated_model, users, search_backend
):
    record(client, users["peer_reviewer"], translated_model, Phase.PEER)
    search_backend.refresh_indexes()
    assert {language: evaluation_facet(client, language) for language in ("fi", "sv", "en")} == {
        "fi": {"peer"},
        "sv": {"peer"},
        "en": {"peer"},
    }

    record(client, users["expert"], translated_model, Phase.EXPERT)
    search_backend.refresh_indexes()
    assert {language: evaluation_facet(client, language) for language in ("fi", "sv", "en")} == {
        "fi": {"expert"},
        "sv": {"expert"},
        "en": {"expert"},
    }
    client.logout()
    assert "Kamratmentorskap" in client.get("/sv/sok/", {"evaluation": "expert"}).content.decode()
    assert "Kamratmentorskap" not in client.get("/sv/sok/", {"evaluation": "none"}).content.decode()


@pytest.mark.backend
def test_approving_editing_and_removing_evaluations_update_the_search_facet(
    client, translated_model, users, search_backend
):
    record(client, users["peer_reviewer"], translated_model, Phase.PEER)
    record(client, users["expert"], translated_model, Phase.EXPERT, status="draft")
    expert_record = EvaluationRecord.objects.get(phase=Phase.EXPERT)
    search_backend.refresh_indexes()
    assert evaluation_facet(client, "sv") == {"peer"}

    def edit_expert_record(**changes):
        client.force_login(users["expert"])
        response = client.post(
            reverse("evaluations:edit", args=[expert_record.pk]),
            evaluation_form_data(translated_model, Phase.EXPERT, **changes),
        )
        assert response.status_code == 302
        search_backend.refresh_indexes()

    edit_expert_record(status="completed")
    assert evaluation_facet(client, "en") == {"expert"}

    edit_expert_record(outcome="revise")
    assert evaluation_facet(client, "fi") == {"peer"}

    client.force_login(users["moderator"])
    client.post(reverse("evaluations:delete", args=[EvaluationRecord.objects.get(phase=Phase.PEER).pk]))
    search_backend.refresh_indexes()
    assert {language: evaluation_facet(client, language) for language in ("fi", "sv", "en")} == {
        "fi": {"none"},
        "sv": {"none"},
        "en": {"none"},
    }


@pytest.mark.backend
def test_deleting_an_evaluated_item_leaves_its_translations_unevaluated(
    client, translated_model, users, search_backend, django_capture_on_commit_callbacks
):
    record(client, users["peer_reviewer"], translated_model, Phase.PEER)
    client.force_login(users["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:delete", args=[translated_model.pk]))

    assert response.status_code == 302
    assert not EvaluationRecord.objects.exists()
    search_backend.refresh_indexes()
    assert (evaluation_facet(client, "fi"), evaluation_facet(client, "sv")) == (set(), {"none"})
