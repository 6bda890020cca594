"""Stewards and review dates: a deliberate review sets the date visitors see, edits never do, and reminders
reach each steward in their language."""

import datetime
from io import StringIO

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from accounts.tests.fixtures import homes, index, login, make_model, make_user, model_form_data, users
from methodbank.models import ItemReview, ModelPage, ReviewReminder

__all__ = ["homes", "index", "login", "users"]
pytestmark = pytest.mark.django_db

CHECKED = {"links_work": "on", "contacts_current": "on", "still_in_use": "on", "note": "Links and contacts fine."}


def review_url(page):
    return reverse("methodbank_review", args=[page.pk])


def in_language(language, text):
    with translation.override(language):
        return translation.gettext(text)


def speaking(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def reviewed(page, when, user=None):
    review = ItemReview.objects.create(page=page, reviewed_by=user)
    ItemReview.objects.filter(pk=review.pk).update(reviewed_at=when)


@pytest.fixture
def moderator(users):
    return speaking(users["moderator"], "en")


@pytest.fixture
def model(index, moderator):
    return make_model(index, owner=moderator, title="Opintopolku")


@pytest.fixture
def swedish(model, homes, index):
    swedish_locale = homes["locales"]["sv"]
    homes["fi"].copy_for_translation(swedish_locale).save_revision().publish()
    index.copy_for_translation(swedish_locale).save_revision().publish()
    translated = model.copy_for_translation(swedish_locale)
    translated.title = "Studiestigen"
    translated.save_revision().publish()
    return ModelPage.objects.get(pk=translated.pk)


def test_visitors_see_the_date_of_the_last_review_in_every_language(client, login, moderator, model, swedish):
    page = client.get(model.url).content.decode()
    assert in_language("fi", "Not reviewed yet") in page

    response = login(moderator).post(review_url(model), CHECKED)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[model.pk])

    client.logout()
    today = timezone.localdate()
    finnish = client.get(model.url).content.decode()
    swedish_page = client.get(swedish.url).content.decode()
    for html, language in ((finnish, "fi"), (swedish_page, "sv")):
        assert in_language(language, "Last reviewed") in html
        assert f'<time datetime="{today:%Y-%m-%d}">{today.day}.{today.month}.{today.year}</time>' in html
        assert in_language(language, "Not reviewed yet") not in html


def test_a_review_without_every_point_checked_changes_nothing(login, moderator, model):
    response = login(moderator).post(review_url(model), {"links_work": "on", "still_in_use": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "The item is not marked reviewed: check every point first." in html
    assert "Check this point before marking the item reviewed" in html
    assert not ItemReview.objects.exists()
    assert not PageLogEntry.objects.filter(action="methodbank.review").exists()


def test_a_review_is_logged_in_the_page_history_with_its_note(login, moderator, model):
    login(moderator).post(review_url(model), CHECKED)
    entry = PageLogEntry.objects.get(action="methodbank.review", page=model)
    assert entry.user == moderator
    assert entry.data == {"note": "Links and contacts fine."}
    history = login(moderator).get(reverse("wagtailadmin_pages:history", args=[model.pk])).content.decode()
    assert "Reviewed: links, contacts and use checked" in history


def test_edits_and_older_revisions_never_change_the_review_date(login, moderator, model):
    old_revision = model.latest_revision
    login(moderator).post(review_url(model), CHECKED)
    review = model.latest_review()

    page = ModelPage.objects.get(pk=model.pk)
    page.summary = "An edited summary."
    page.save_revision(user=moderator).publish()
    old_revision.publish()
    assert ModelPage.objects.get(pk=model.pk).latest_review() == review
    assert ItemReview.objects.count() == 1


def test_a_contributor_who_may_not_edit_the_item_cannot_review_it(login, users, model):
    response = login(users["other_contributor"]).post(review_url(model), CHECKED)
    assert response.status_code in (302, 403)
    assert not ItemReview.objects.exists()


def test_the_review_button_is_in_the_editor(login, moderator, model):
    html = login(moderator).get(reverse("wagtailadmin_pages:edit", args=[model.pk])).content.decode()
    assert review_url(model) in html
    assert "Not reviewed yet." in html


def test_the_report_lists_items_never_reviewed_or_not_within_the_period(login, moderator, index, model, swedish):
    now = timezone.now()
    stale = make_model(index, owner=moderator, title="Vanha malli")
    fresh = make_model(index, owner=moderator, title="Tuore malli")
    reviewed(stale, now - relativedelta(months=13))
    reviewed(fresh, now - datetime.timedelta(days=3))
    model.steward = moderator
    model.save()

    html = login(moderator).get(reverse("methodbank_reviews:due")).content.decode()
    assert "Opintopolku" in html
    assert "Studiestigen" not in html  # one row per item: a review covers every language
    assert "Vanha malli" in html
    assert "Tuore malli" not in html
    assert "Never" in html
    assert "moderator@example.fi" in html
    assert review_url(stale) in html


def test_the_report_names_a_steward_whose_account_was_closed(login, moderator, users, model):
    leaver = make_user("leaver")
    model.steward = leaver
    model.save()
    leaver.is_active = False
    leaver.save()
    html = login(moderator).get(reverse("methodbank_reviews:due")).content.decode()
    assert "(account closed): choose a new steward" in html


def test_a_steward_who_no_longer_exists_gets_a_clear_message_and_nothing_changes(login, moderator, model):
    gone = get_user_model().objects.order_by("-pk").first().pk + 100
    data = model_form_data(model, steward=str(gone), **{"action-publish": "publish"})
    response = login(moderator).post(reverse("wagtailadmin_pages:edit", args=[model.pk]), data)
    assert response.status_code == 200
    assert "Choose the steward from the list of active users; the one given no longer exists." in (
        response.content.decode()
    )
    assert ModelPage.objects.get(pk=model.pk).steward is None


def test_an_editor_chooses_a_steward_and_it_holds_for_the_translation(login, moderator, users, model, swedish):
    steward = users["contributor"]
    data = model_form_data(model, steward=str(steward.pk), steward_email="", **{"action-publish": "publish"})
    response = login(moderator).post(reverse("wagtailadmin_pages:edit", args=[model.pk]), data)
    assert response.status_code == 302
    assert ModelPage.objects.get(pk=model.pk).steward == steward
    assert ModelPage.objects.get(pk=model.pk).latest_review() is None  # an edit is no review


def test_reminders_reach_each_steward_once_in_their_language(settings, index, moderator, users, model, swedish):
    settings.WAGTAILADMIN_BASE_URL = "https://pankki.example.fi"
    swedish_steward = speaking(users["contributor"], "sv")
    model.steward = swedish_steward
    model.save()
    outside = make_model(index, owner=moderator, title="Ulkopuolinen malli")
    outside.steward_email = "ulla@example.org"
    outside.save()
    orphan = make_model(index, owner=moderator, title="Orpo malli")
    fresh = make_model(index, owner=moderator, title="Tuore malli")
    fresh.steward_email = "ulla@example.org"
    fresh.save()
    reviewed(fresh, timezone.now())

    call_command("send_review_reminders", stdout=(output := StringIO()))

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {swedish_steward.email, "ulla@example.org"}
    swedish_mail = by_address[swedish_steward.email]
    assert "Studiestigen" in swedish_mail.body  # the item's title in the steward's language
    assert "granskning" in swedish_mail.subject
    assert f"https://pankki.example.fi{review_url(swedish)}" in swedish_mail.body
    finnish_mail = by_address["ulla@example.org"]
    assert "Ulkopuolinen malli" in finnish_mail.body
    assert "Tuore malli" not in finnish_mail.body
    assert "tarkist" in finnish_mail.subject
    assert "/admin/" not in finnish_mail.body  # no account, no admin link
    assert f"“{orphan.title}”" in output.getvalue() and "no steward is set" in output.getvalue()

    mail.outbox.clear()
    call_command("send_review_reminders", stdout=StringIO())
    assert mail.outbox == []  # idempotent: nobody is reminded twice within REVIEW_REMINDER_DAYS

    ReviewReminder.objects.update(sent_at=timezone.now() - datetime.timedelta(days=31))
    call_command("send_review_reminders", stdout=StringIO())
    assert {message.to[0] for message in mail.outbox} == {swedish_steward.email, "ulla@example.org"}


def test_a_steward_whose_account_was_closed_is_named_and_gets_no_mail(index, moderator, model):
    leaver = make_user("leaver")
    model.steward = leaver
    model.save()
    leaver.is_active = False
    leaver.save()
    call_command("send_review_reminders", stdout=(output := StringIO()))
    assert mail.outbox == []
    assert "the steward leaver no longer has an active account; choose a new one." in output.getvalue()
