"""Signing up, a moderator's decision, the e-mails that follow, and the limits on sign-ups."""

import re
import smtplib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from accounts import registration
from accounts.models import Registration
from accounts.roles import CONTRIBUTORS

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "first_name": "Aino",
    "last_name": "Applicant",
    "email": "Aino.Applicant@Example.fi",
    "organisation": "Keski-Uudenmaan koulutuskuntayhtymä Keuda",
    "project": "SOPU",
    "consent": "on",
}


class FailingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("The mail server went away")


class CountingHasher(MD5PasswordHasher):
    """The test suite's fast hasher, counting how many passwords it hashes."""

    algorithm = "counting_md5"
    hashed = 0

    def encode(self, password, salt):
        type(self).hashed += 1
        return super().encode(password, salt)


def shown(text, language="fi", **values):
    """``text`` as a page in ``language`` shows it: translated, filled in and HTML-escaped."""
    with translation.override(language):
        return escape(translation.gettext(text) % values if values else translation.gettext(text))


def register_url(language="fi"):
    with translation.override(language):
        return reverse("register")


def sign_up(client, language="fi", **changes):
    return client.post(register_url(language), {**SIGN_UP, **changes})


def inspect_url(request):
    return reverse(f"{registration.ADMIN_NAMESPACE}:inspect", args=[request.pk])


@pytest.fixture
def moderator(users):
    return users["moderator"]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_sign_up_page_is_public_in_every_language(client, homes, language):
    response = client.get(register_url(language))
    html = response.content.decode()
    assert response.status_code == 200
    assert register_url(language).startswith(f"/{language}/")
    assert f'<html lang="{language}">' in html
    assert shown("Sign up as a contributor", language) in html
    # The consent links to the privacy notice in the visitor's language.
    assert f'href="/{language}/tietosuojaseloste/"' in html


def test_sign_up_creates_an_inactive_account_and_tells_everyone(client, homes, moderator):
    response = sign_up(client, language="sv")

    assert response.status_code == 302
    assert response["Location"] == reverse("register_sent")
    request = Registration.objects.get()
    assert request.status == Registration.Status.PENDING
    assert request.language == "sv"
    assert request.consent_at is not None
    user = request.user
    assert user.email == user.username == "aino.applicant@example.fi"
    assert not user.is_active
    assert user.wagtail_userprofile.preferred_language == "sv"
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["aino.applicant@example.fi", moderator.email]
    to_moderator = next(message for message in mail.outbox if message.to == [moderator.email])
    assert "http://testserver" + inspect_url(request) in to_moderator.body
    assert ModelLogEntry.objects.filter(action="accounts.registration.request", object_id=str(request.pk)).exists()


def test_an_inactive_account_cannot_sign_in_before_approval(client, homes, moderator):
    sign_up(client)
    user = get_user_model().objects.get(email="aino.applicant@example.fi")
    user.set_password("a password they somehow know")
    user.save()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": "a password they somehow know"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_answer_does_not_reveal_whether_an_address_is_registered(client, homes, moderator):
    existing = get_user_model().objects.create_user("maija", email="maija@example.fi", password="x" * 12)
    new = sign_up(client, email="new.person@example.fi")
    again = sign_up(client, email="MAIJA@example.fi")

    assert (new.status_code, new["Location"]) == (again.status_code, again["Location"])
    assert get_user_model().objects.filter(email__iexact="maija@example.fi").count() == 1
    assert Registration.objects.filter(email="maija@example.fi").count() == 0
    to_owner = [message for message in mail.outbox if message.to == [existing.email]]
    assert len(to_owner) == 1
    assert "/admin/password_reset/" in to_owner[0].body
    # Moderators hear only about the new person.
    assert len([message for message in mail.outbox if message.to == [moderator.email]]) == 1
    sent_page = client.get(new["Location"])
    assert sent_page.status_code == 200
    assert shown("Check your e-mail") in sent_page.content.decode()


def test_an_existing_address_costs_the_same_hashing_and_one_e_mail_like_a_new_one(client, homes, settings):
    """Timing told existing addresses apart: only a new one paid for hashing a password (~0.6 s in production)."""
    get_user_model().objects.create_user("maija", email="maija@example.fi", password="x" * 12)
    settings.PASSWORD_HASHERS = ["accounts.tests.test_registration.CountingHasher"]

    hashed = {}
    for email in ("new.person@example.fi", "maija@example.fi"):
        CountingHasher.hashed = 0
        mail.outbox.clear()
        sign_up(client, email=email)
        hashed[email] = CountingHasher.hashed
        assert [message.to for message in mail.outbox if message.to == [email]] == [[email]]

    assert hashed == {"new.person@example.fi": 1, "maija@example.fi": 1}
    # The new account's password went through the same hashing and is a real, random one.
    new_account = get_user_model().objects.get(email="new.person@example.fi")
    assert new_account.password.startswith("counting_md5$")
    assert new_account.has_usable_password()


def test_bad_input_gets_clear_messages_and_keeps_what_was_typed(client, homes):
    response = sign_up(client, email="not an address", consent="")
    html = response.content.decode()
    assert response.status_code == 400
    assert shown("Enter an e-mail address such as name@example.fi.") in html
    assert shown("Your request can only be handled if you agree to the privacy notice.") in html
    assert 'value="Keski-Uudenmaan koulutuskuntayhtymä Keuda"' in html
    assert 'aria-invalid="true"' in html
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_a_mail_server_failure_still_gives_the_visitor_the_usual_answer(client, homes, settings):
    settings.EMAIL_BACKEND = "accounts.tests.test_registration.FailingEmailBackend"
    response = sign_up(client)
    assert response.status_code == 302
    assert Registration.objects.filter(status=Registration.Status.PENDING).exists()


def test_moderator_approves_and_the_person_sets_a_password_and_signs_in(client, homes, moderator):
    sign_up(client, language="en")
    request = Registration.objects.get()
    mail.outbox.clear()

    client.force_login(moderator)
    page = client.get(inspect_url(request))
    assert page.status_code == 200
    assert "Aino.Applicant@Example.fi".lower() in page.content.decode()
    response = client.post(inspect_url(request), {"decision": "approve", "message": "Welcome aboard."})
    assert response.status_code == 302

    request.refresh_from_db()
    assert request.status == Registration.Status.APPROVED
    assert request.decided_by == moderator
    user = request.user
    assert user.is_active
    assert user.groups.filter(name=CONTRIBUTORS).exists()
    (message,) = mail.outbox
    assert message.to == ["aino.applicant@example.fi"]
    assert "Welcome aboard." in message.body
    assert ModelLogEntry.objects.filter(action="accounts.registration.approve", user=moderator).exists()

    # The link in the e-mail lets the person choose a password, then sign in.
    client.logout()
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a long and new passphrase", "new_password2": "a long and new passphrase"},
    )
    signed_in = client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": "a long and new passphrase"}
    )
    assert signed_in.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_moderator_rejects_with_a_reason_and_the_address_can_sign_up_again(client, homes, moderator):
    sign_up(client)
    request = Registration.objects.get()
    mail.outbox.clear()
    client.force_login(moderator)

    without_reason = client.post(inspect_url(request), {"decision": "reject", "message": " "})
    assert without_reason.status_code == 400
    assert shown("Tell the applicant why the request was rejected.") in without_reason.content.decode()

    client.post(inspect_url(request), {"decision": "reject", "message": "We could not find this project."})
    request.refresh_from_db()
    assert request.status == Registration.Status.REJECTED
    assert request.user is None
    assert not get_user_model().objects.filter(email="aino.applicant@example.fi").exists()
    (message,) = mail.outbox
    assert "We could not find this project." in message.body
    assert ModelLogEntry.objects.filter(action="accounts.registration.reject").exists()

    again = client.post(inspect_url(request), {"decision": "approve"})
    assert again.status_code == 302
    request.refresh_from_db()
    assert request.status == Registration.Status.REJECTED

    client.logout()
    sign_up(client)
    assert Registration.objects.filter(status=Registration.Status.PENDING).count() == 1


def test_sign_ups_are_limited_per_address_without_saying_so(client, homes, settings):
    settings.THROTTLE_SIGNUP_MAILS_PER_ADDRESS = (2, 3600)
    responses = [sign_up(client, **{"REMOTE_ADDR": f"10.0.0.{n}"}) for n in range(4)]
    assert {response.status_code for response in responses} == {302}
    assert len([message for message in mail.outbox if message.to == ["aino.applicant@example.fi"]]) == 2


@pytest.mark.parametrize(
    ("language", "window", "expected"),
    [
        ("fi", 3600, "Yritä uudelleen 60 minuutin kuluttua."),
        ("sv", 3600, "Försök igen om 60 minuter."),
        ("sv", 60, "Försök igen om 1 minut."),
        ("en", 60, "Please try again in 1 minute."),
    ],
)
def test_sign_ups_are_limited_per_connection(client, homes, settings, language, window, expected):
    settings.THROTTLE_SIGNUPS_PER_IP = (2, window)
    codes = [sign_up(client, language, email=f"person{n}@example.fi").status_code for n in range(3)]
    assert codes == [302, 302, 429]
    assert Registration.objects.count() == 2
    late = sign_up(client, language, email="late@example.fi").content.decode()
    assert expected in late


def test_only_roles_moderators_hand_out(client, users):
    """A moderator manages users but cannot create administrators or touch one."""
    client.force_login(users["moderator"])
    add_form = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="is_superuser"' not in add_form
    assert "Contributors" in add_form
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "sneaky",
            "email": "sneaky@example.fi",
            "first_name": "Sne",
            "last_name": "Aky",
            "password1": "a long and new passphrase",
            "password2": "a long and new passphrase",
            "is_superuser": "on",
        },
    )
    assert response.status_code == 302
    assert not get_user_model().objects.get(username="sneaky").is_superuser
    admin_edit = client.get(reverse("wagtailusers_users:edit", args=[users["admin"].pk]))
    assert admin_edit.status_code == 302
    contributor_edit = client.get(reverse("wagtailusers_users:edit", args=[users["contributor"].pk]))
    assert contributor_edit.status_code == 200


def test_moderators_find_requests_in_the_admin(client, homes, moderator, users):
    sign_up(client)
    sign_up(client, email="someone@example.fi", first_name="Björn", organisation="Yrkesakademin")
    client.force_login(moderator)
    index_url = reverse(f"{registration.ADMIN_NAMESPACE}:index")
    listing = client.get(index_url).content.decode()
    assert "Aino Applicant" in listing and "Björn Applicant" in listing
    found = client.get(index_url, {"q": "Yrkesakademin"}).content.decode()
    assert "Björn Applicant" in found and "Aino Applicant" not in found
    # Other roles do not see requests.
    client.force_login(users["contributor"])
    assert client.get(index_url).status_code == 302
