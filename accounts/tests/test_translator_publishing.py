"""A translator publishes translations of published pages, and nothing in the source language.

Each test works through the admin by HTTP, as the translator would, and looks at
what went live.
"""

import json

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from accounts.tests.fixtures import make_model, model_form_data, publish_in_translation_editor, start_translation
from methodbank.models import Keyword, ModelPage

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def refused(response):
    """Wagtail answers a refused admin action by sending the user to the dashboard."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def live(page):
    return ModelPage.objects.get(pk=page.pk)


def editor_permissions(client, translated):
    """What wagtail-localize's editor offers the signed-in user for ``translated``."""
    response = client.get(edit_url(translated))
    assert response.status_code == 200
    return json.loads(response.context["props"])["perms"]


def sync(client, page, publish):
    """wagtail-localize's "Sync translated pages" for the source ``page``."""
    source = TranslationSource.objects.get(object_id=page.translation_key, locale_id=page.locale_id)
    data = {"publish_translations": "on"} if publish else {}
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)


@pytest.fixture
def stora_komet(swedish_index, users):
    """A Swedish original, published, with a Finnish and an English translation waiting as drafts."""
    original = make_model(swedish_index, owner=users["contributor"], title="Stora Komet")
    finnish = start_translation(original, "fi", {"Stora Komet": "Suuri komeetta"}, user=users["translator"])
    english = start_translation(original, "en", {"Stora Komet": "Great Comet"}, user=users["translator"])
    return original, finnish, english


def test_a_translator_publishes_the_translations_of_a_swedish_original(client, users, stora_komet):
    original, finnish, english = stora_komet
    assert not finnish.live and not english.live
    client.force_login(users["translator"])

    perms = editor_permissions(client, finnish)
    assert perms["canPublish"]
    assert not perms["canUnpublish"]

    for translated, title in ((finnish, "Suuri komeetta"), (english, "Great Comet")):
        response = publish_in_translation_editor(client, translated)
        assert response.status_code == 302
        assert live(translated).live
        assert live(translated).title == title
    # The Finnish translation is under the Finnish method bank, for every visitor to see.
    assert client.get(live(finnish).url).status_code == 200


def test_a_translator_cannot_publish_the_swedish_original(client, users, stora_komet):
    original, _finnish, _english = stora_komet
    translator = users["translator"]
    client.force_login(translator)

    response = client.get(edit_url(original))
    assert b'name="action-publish"' not in response.content
    assert b'name="action-submit"' in response.content

    client.post(edit_url(original), model_form_data(original, title="Stora Kometen", **{"action-publish": "1"}))
    original = live(original)
    assert original.title == "Stora Komet"
    assert original.get_latest_revision_as_object().title == "Stora Kometen"

    # Nor through the page listing's bulk publish, which publishes the latest draft.
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={original.pk}"
    client.post(url, {})
    assert live(original).title == "Stora Komet"

    # Submitting the change sends it to the moderators, as for any editor.
    client.post(edit_url(original), model_form_data(original, title="Stora Kometen", **{"action-submit": "1"}))
    original = live(original)
    assert original.workflow_in_progress
    assert original.title == "Stora Komet"


def test_bulk_publishing_reaches_the_translation_only(client, users, stora_komet):
    original, finnish, _english = stora_komet
    client.force_login(users["translator"])
    client.post(edit_url(original), model_form_data(original, title="Stora Kometen"))

    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={original.pk}&id={finnish.pk}", {})
    assert live(finnish).live and live(finnish).title == "Suuri komeetta"
    assert live(original).title == "Stora Komet"


def test_publishing_a_translation_gives_no_other_rights(client, users, stora_komet):
    _original, finnish, _english = stora_komet
    translator = users["translator"]
    client.force_login(translator)
    publish_in_translation_editor(client, finnish)
    finnish = live(finnish)
    assert finnish.live

    client.post(reverse("wagtailadmin_pages:unpublish", args=[finnish.pk]))
    client.post(reverse("wagtailadmin_pages:delete", args=[finnish.pk]))
    assert live(finnish).live

    perms = finnish.permissions_for_user(translator)
    assert perms.can_publish()
    assert not perms.can_unpublish()
    assert not perms.can_delete()
    assert not perms.can_move()
    assert not perms.can_set_view_restrictions()
    assert not perms.can_lock()
    assert not Page.objects.get(pk=finnish.get_parent().pk).permissions_for_user(translator).can_publish_subpage()


def test_a_page_sent_for_translation_starts_as_a_draft(client, users, index):
    """wagtail-localize would make the copy live at once, still in Finnish, when its source is live."""
    source = make_model(index, owner=users["contributor"], title="Opintopolku")
    client.force_login(users["translator"])
    english = Locale.objects.get(language_code="en")
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("wagtail_localize:submit_page_translation", args=[source.pk]), {"locales": [english.pk]})
    translated = source.get_translation(english)
    assert not translated.live
    assert client.get(translated.url).status_code == 404


def test_translations_of_unmoderated_text_wait_for_a_moderator(client, users, index):
    """The translator publishes a translation only of text that a moderator has published."""
    translator, moderator = users["translator"], users["moderator"]
    draft = make_model(index, owner=users["contributor"], title="Luonnos", live=False)
    english = start_translation(draft, "en", {"Luonnos": "Draft"}, user=translator)

    client.force_login(translator)
    assert not editor_permissions(client, english)["canPublish"]
    assert refused(publish_in_translation_editor(client, english))
    assert not live(english).live

    # The source goes live after the translation was made from its draft: that text was never moderated.
    client.force_login(moderator)
    client.post(edit_url(draft), model_form_data(draft, title="Valmis", **{"action-publish": "1"}))
    assert live(draft).live
    client.force_login(translator)
    assert refused(publish_in_translation_editor(client, english))
    assert not live(english).live

    # Synced with the published text, the translation is the translator's to publish.
    sync(client, draft, publish=False)
    assert editor_permissions(client, english)["canPublish"]
    publish_in_translation_editor(client, english)
    assert live(english).live


def test_syncing_publishes_translations_only_for_those_who_may_publish_them(client, users, index):
    translator = users["translator"]
    draft = make_model(index, owner=users["contributor"], title="Keskeneräinen", live=False)
    english = start_translation(draft, "en", {"Keskeneräinen": "Unfinished"}, user=translator)
    client.force_login(translator)

    response = sync(client, draft, publish=True)
    assert response.status_code == 200
    assert "Et voi julkaista käännöksiä näille kielille: English." in response.content.decode()
    assert not live(english).live

    published = make_model(index, owner=users["contributor"], title="Valmis malli")
    english = start_translation(published, "en", {"Valmis malli": "Finished model"}, user=translator)
    assert sync(client, published, publish=True).status_code == 302
    assert live(english).live and live(english).title == "Finished model"


def test_translations_outside_the_method_bank_stay_out_of_reach(client, users, homes):
    english = start_translation(homes["fi"], "en", {"Etusivu": "Home"}, user=users["moderator"])
    client.force_login(users["translator"])
    assert not english.permissions_for_user(users["translator"]).can_publish()
    assert refused(publish_in_translation_editor(client, english))
    assert not Page.objects.get(pk=english.pk).live


@pytest.mark.parametrize(("role", "created"), [("translator", False), ("moderator", True)])
def test_only_those_who_manage_keywords_create_an_untranslated_copy(client, users, homes, role, created):
    """A keyword has no drafts: its copy in a new language is what English visitors filter by at once."""
    keyword = Keyword.objects.create(name="Tutortoiminta", code="tutoring", locale=homes["locales"]["fi"])
    client.force_login(users[role])
    english = Locale.objects.get(language_code="en")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["methodbank", "keyword", keyword.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(url, {"locales": [english.pk]})
    assert Keyword.objects.filter(code="tutoring", locale=english).exists() is created
