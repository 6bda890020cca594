"""The translators' report, by HTTP: the most requested items first, each with the way into its translation."""

import re
from html import unescape

import pytest
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from accounts.tests.fixtures import publish_in_translation_editor, start_translation
from translation_requests.models import TranslationRequest

pytestmark = pytest.mark.django_db

REPORT = "/admin/translation-requests/"


def set_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def ask(page, language, *addresses):
    """Visitors at ``addresses`` ask for ``page`` in ``language``, each through the public form."""
    visitor = Client()
    with translation.override(language):
        url = reverse("translation_requests:request", args=[page.pk])
    for address in addresses:
        assert visitor.post(url, {"language": language}, REMOTE_ADDR=address).status_code == 200


def plain(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def table_rows(html):
    """The report's rows as dicts: title, written in, action (its visible text and href), language, count, last."""
    table = html[html.index('<table class="listing"') :]
    body = table[table.index("<tbody") : table.index("</tbody>")]
    result = []
    for row in re.findall(r"<tr.*?</tr>", body, flags=re.S):
        item, count, last = re.findall(r"<td.*?</td>", row, re.S)
        action = re.search(r'<a class="button[^"]*" href="([^"]+)">([^<]*)<', item)
        result.append(
            {
                "title": plain(re.search(r"<a lang=.*?</a>", item, re.S).group()),
                "written_in": plain(re.search(r'<p class="w-help-text[^"]*">(.*?)</p>', item, re.S).group(1)),
                "action": (plain(action.group(2)), unescape(action.group(1))) if action else None,
                "language": plain(re.search(r"<strong>(.*?)</strong>", item).group(1)),
                "count": plain(count),
                "last": plain(last),
            }
        )
    return result


def rows(client, **params):
    """``[(item, written in, requested language, requests)]`` as the report lists them."""
    response = client.get(REPORT, params)
    assert response.status_code == 200
    return [
        (row["title"], row["written_in"].split(": ")[1], row["language"], row["count"])
        for row in table_rows(response.content.decode())
    ]


def action(client, title, language):
    """``(text, href)`` of the action in the row for ``title`` into ``language``."""
    for row in table_rows(client.get(REPORT).content.decode()):
        if row["title"] == title and row["language"] == language:
            return row["action"]
    raise AssertionError(f"no row for {title} into {language}")


@pytest.fixture(autouse=True)
def admin_in_english(users):
    """The admin speaks each user's chosen language (Finnish by default); these tests read it in English."""
    for user in users.values():
        set_admin_language(user, "en")


@pytest.fixture
def requested(finnish_only, stora_komet, in_finnish_and_swedish):
    """Visitors' requests: the Finnish-only model in Swedish three times, Stora Komet in English twice…"""
    finnish, _swedish = in_finnish_and_swedish
    ask(finnish, "en", "10.0.0.5")
    ask(finnish_only, "en", "10.0.0.1")
    ask(stora_komet, "fi", "10.0.0.1")
    ask(finnish_only, "sv", "10.0.0.1", "10.0.0.2", "10.0.0.3")
    ask(stora_komet, "en", "10.0.0.1", "10.0.0.4")


def test_translators_see_the_most_requested_items_first(client, users, requested):
    client.force_login(users["translator"])

    assert rows(client) == [
        ("Opintojen henkilökohtaistaminen", "Finnish", "Swedish", "3"),
        ("Stora Komet", "Swedish", "English", "2"),
        # Equal counts: the latest request first.
        ("Stora Komet", "Swedish", "Finnish", "1"),
        ("Opintojen henkilökohtaistaminen", "Finnish", "English", "1"),
        ("Ohjauksen vuosikello", "Finnish", "English", "1"),
    ]
    assert rows(client, language="en") == [
        ("Stora Komet", "Swedish", "English", "2"),
        ("Opintojen henkilökohtaistaminen", "Finnish", "English", "1"),
        ("Ohjauksen vuosikello", "Finnish", "English", "1"),
    ]


def test_the_report_shows_when_each_was_last_requested_and_speaks_the_users_language(client, users, requested):
    translator = users["translator"]
    set_admin_language(translator, "fi")
    client.force_login(translator)

    response = client.get(REPORT)

    html = response.content.decode()
    assert re.search(r"<h1[^>]*>.*Käännöspyynnöt", html, re.S)
    first = table_rows(html)[0]
    assert (first["title"], first["written_in"], first["language"], first["count"]) == (
        "Opintojen henkilökohtaistaminen",
        "Alkuperäinen kieli: Suomi",
        "Ruotsi",
        "3",
    )
    assert first["last"] == "Juuri nyt"  # Wagtail's "Just now"; the exact time is in its title
    assert first["action"][0] == "Käännä"
    assert "5 pyydettyä käännöstä" in plain(html)
    # The title is in Finnish whatever the admin's language, and leads to the page's editor.
    assert re.search(r'<a lang="fi" href="/admin/pages/\d+/edit/">\s*Opintojen henkilökohtaistaminen', html)


def test_translate_starts_wagtail_localizes_translation_into_that_language(client, users, finnish_only, requested):
    client.force_login(users["translator"])
    swedish = Locale.objects.get(language_code="sv")

    # The action opens "Translate this page" with Swedish ticked.
    text, link = action(client, "Opintojen henkilökohtaistaminen", "Swedish")
    assert text == "Translate"
    assert link == f"/admin/localize/submit/page/{finnish_only.pk}/?select_locale=sv"
    form = client.get(link).content.decode()
    (ticked,) = re.findall(r'<input type="checkbox" name="locales" value="(\d+)"[^>]*checked', form)
    assert ticked == str(swedish.pk)

    with TestCase.captureOnCommitCallbacks(execute=True):
        submitted = client.post(link, {"locales": [ticked]})
    translated = finnish_only.get_translation(swedish)
    assert submitted.status_code == 302
    assert submitted["Location"] == reverse("wagtailadmin_pages:edit", args=[translated.pk])
    assert not translated.live

    # Until it is published the row stays, and its action goes on with the translation.
    assert rows(client)[0] == ("Opintojen henkilökohtaistaminen", "Finnish", "Swedish", "3")
    assert action(client, "Opintojen henkilökohtaistaminen", "Swedish") == (
        "Continue translating",
        reverse("wagtailadmin_pages:edit", args=[translated.pk]),
    )


def test_a_published_translation_leaves_the_report(client, users, finnish_only, requested):
    translator = users["translator"]
    swedish = start_translation(finnish_only, "sv", {finnish_only.title: "Individuella studier"}, user=translator)
    client.force_login(translator)
    publish_in_translation_editor(client, swedish)
    swedish.refresh_from_db()
    assert swedish.live

    assert ("Opintojen henkilökohtaistaminen", "Finnish", "Swedish", "3") not in rows(client)
    assert ("Opintojen henkilökohtaistaminen", "Finnish", "English", "1") in rows(client)
    # Visitors are no longer offered Swedish, and asking for it anyway is not counted.
    visitor = Client()
    assert '<li lang="sv">' not in visitor.get(finnish_only.url).content.decode()
    ask(finnish_only, "sv", "10.0.0.9")
    assert ("Opintojen henkilökohtaistaminen", "Finnish", "Swedish", "3") not in rows(client)
    assert TranslationRequest.objects.filter(translation_key=finnish_only.translation_key).count() == 4


def test_an_unpublished_item_leaves_the_report(client, users, stora_komet, requested):
    stora_komet.unpublish()
    client.force_login(users["translator"])

    assert [row[0] for row in rows(client)] == [
        "Opintojen henkilökohtaistaminen",
        "Opintojen henkilökohtaistaminen",
        "Ohjauksen vuosikello",
    ]


def test_an_empty_report_says_so(client, users, method_bank):
    client.force_login(users["translator"])

    response = client.get(REPORT)

    assert response.status_code == 200
    assert "There are no requested translations to display." in response.content.decode()


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("translator", True),
        ("moderator", True),
        ("admin", True),
        ("contributor", False),
        ("peer_reviewer", False),
        ("expert", False),
    ],
)
def test_only_translators_moderators_and_admins_see_the_report(client, users, method_bank, requested, role, sees):
    client.force_login(users[role])

    response = client.get(REPORT)
    results = client.get(f"{REPORT}results/")
    menu = client.get("/admin/").content.decode()

    if sees:
        assert response.status_code == results.status_code == 200
        assert "Stora Komet" in response.content.decode()
        assert REPORT in menu
    else:
        # Wagtail answers a refused admin page by sending the user to the dashboard with a message.
        assert (response.status_code, response["Location"]) == (302, "/admin/")
        assert (results.status_code, results["Location"]) == (302, "/admin/")
        assert "Stora Komet" not in client.get(REPORT, follow=True).content.decode()
        assert REPORT not in menu


def test_visitors_are_sent_to_sign_in(client, requested):
    response = client.get(REPORT)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
