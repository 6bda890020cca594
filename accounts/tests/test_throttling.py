"""Limits on guessing passwords and on e-mail floods, through every form that checks a password or sends mail.

Wrong passwords share one count (django-axes, accounts.lockout) across the admin's
sign-in, Wagtail's public sign-in for private pages and the page and document
password forms: five for one user name from one address lock that pair out,
and slower limits hold per user name and per address.
"""

from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
RIGHT = "correct horse battery staple"  # every fixture user's password
WAIT = {
    "fi": "Odota enintään 15 minuuttia ja yritä uudelleen.",
    "sv": "Vänta högst 15 minuter och försök igen.",
    "en": "Wait up to 15 minutes and try again.",
}


def login_url(where):
    """``admin`` for /admin/login/, or a language code for Wagtail's public sign-in under that prefix."""
    if where == "admin":
        return reverse("wagtailadmin_login")
    with translation.override(where):
        return reverse("wagtailcore_login")


def sign_in(client, where, username, password, address="10.0.0.1", **headers):
    return client.post(login_url(where), {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


def fail(client, where, username, times, address="10.0.0.1", **headers):
    return [sign_in(client, where, username, "wrong", address, **headers).status_code for _ in range(times)]


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize(
    ("locked_on", "tried_on", "language"),
    [("admin", "fi", "fi"), ("fi", "admin", "fi"), ("sv", "en", "en"), ("en", "sv", "sv")],
)
def test_a_lockout_on_one_sign_in_form_holds_on_every_other(client, homes, users, locked_on, tried_on, language):
    assert fail(client, locked_on, "admin", 5) == [200, 200, 200, 200, 429]

    response = sign_in(client, tried_on, "admin", RIGHT)

    assert response.status_code == 429
    assert not signed_in(client)
    assert f'<html lang="{language}">' in response.content.decode()
    assert WAIT[language] in response.content.decode()


def test_thirty_wrong_passwords_on_the_public_sign_in_are_refused_and_the_right_one_then_too(client, homes, users):
    codes = fail(client, "fi", "admin", 30)
    assert codes[:4] == [200] * 4
    assert set(codes[4:]) == {429}

    assert sign_in(client, "fi", "admin", RIGHT).status_code == 429
    assert not signed_in(client)
    # The admin does not let the session in either.
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_a_lockout_holds_the_user_name_and_address_together(client, homes, users):
    fail(client, "admin", "moderator", 5, address="10.0.0.1")

    # The same person from another address, and someone else from the same one, still get in.
    assert sign_in(client, "admin", "moderator", RIGHT, address="10.0.0.2").status_code == 302
    client.logout()
    assert sign_in(client, "fi", "contributor", RIGHT, address="10.0.0.1").status_code == 302
    client.logout()
    assert sign_in(client, "admin", "moderator", RIGHT, address="10.0.0.1").status_code == 429


def test_one_user_name_tried_from_many_addresses_is_locked_everywhere(client, homes, users, settings):
    settings.LOGIN_FAILURES_PER_USERNAME = 30
    for n in range(5):
        fail(client, "admin" if n % 2 else "fi", "expert", 5, address=f"10.0.1.{n}")
    # 25 failures: below the global limit, a fresh address still signs in.
    assert sign_in(client, "admin", "expert", RIGHT, address="10.0.2.1").status_code == 302
    client.logout()

    fail(client, "sv", "expert", 5, address="10.0.1.9")

    assert sign_in(client, "admin", "expert", RIGHT, address="10.0.2.2").status_code == 429
    assert not signed_in(client)
    assert sign_in(client, "admin", "moderator", RIGHT, address="10.0.2.2").status_code == 302


def test_one_address_trying_many_user_names_is_locked_for_all_of_them(client, homes, users, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 20
    for username in ("anna", "bertil", "cecilia", "david"):
        fail(client, "admin", username, 5, address="10.0.3.1")

    assert sign_in(client, "fi", "translator", RIGHT, address="10.0.3.1").status_code == 429
    assert not signed_in(client)
    assert sign_in(client, "fi", "translator", RIGHT, address="10.0.3.2").status_code == 302


def test_a_forged_forwarded_for_header_does_not_reset_the_count(client, homes, users):
    """No proxy is configured by default, so the header is the visitor's own word and counts for nothing."""
    for n in range(5):
        sign_in(client, "fi", "admin", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")

    response = sign_in(client, "fi", "admin", RIGHT, HTTP_X_FORWARDED_FOR="192.0.2.200")

    assert response.status_code == 429
    assert not signed_in(client)


def test_behind_a_configured_proxy_each_client_has_its_own_count(client, homes, users, settings):
    settings.THROTTLE_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    proxy = "10.0.9.1"
    # The proxy appends the address it saw to whatever the client sent.
    fail(client, "admin", "admin", 5, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert sign_in(client, "admin", "admin", RIGHT, proxy, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429

    other = sign_in(client, "admin", "admin", RIGHT, proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.8")
    assert other.status_code == 302


def test_env_example_trusts_no_proxy_header():
    """compose.yml exposes gunicorn directly, so a default that trusted X-Forwarded-For let anyone pick an address."""
    lines = (ROOT / ".env.example").read_text().splitlines()
    (setting,) = [line for line in lines if line.startswith("THROTTLE_CLIENT_IP_HEADER=")]
    assert setting == "THROTTLE_CLIENT_IP_HEADER="


@pytest.fixture
def private_page(homes):
    PageViewRestriction.objects.create(
        page=homes["fi"], restriction_type=PageViewRestriction.PASSWORD, password="page secret"
    )
    return homes["fi"]


def test_wrong_page_passwords_are_limited_like_logins(client, private_page):
    restriction = private_page.get_view_restrictions().get()
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, private_page.pk])
    assert url.startswith("/fi/_util/")

    codes = [client.post(url, {"password": "guess", "return_url": "/fi/"}).status_code for _ in range(6)]
    right = client.post(url, {"password": "page secret", "return_url": "/fi/"})

    assert codes == [200, 200, 200, 200, 429, 429]
    assert right.status_code == 429
    assert WAIT["fi"] in right.content.decode()
    # Still not let in: the page asks for its password again.
    assert 'name="password"' in client.get("/fi/").content.decode()


def test_wrong_document_passwords_are_limited_like_logins(client, homes):
    collection = Collection.get_first_root_node().add_child(name="Private")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="document secret"
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])

    codes = [client.post(url, {"password": "guess", "return_url": "/"}).status_code for _ in range(5)]
    right = client.post(url, {"password": "document secret", "return_url": "/"})

    assert codes == [200, 200, 200, 200, 429]
    assert right.status_code == 429
    assert restriction.id not in client.session.get(restriction.passed_view_restrictions_session_key, [])


def test_page_password_guesses_count_towards_the_address_limit_for_logins(client, private_page, users, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 8
    restriction = private_page.get_view_restrictions().get()
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, private_page.pk])
    for _ in range(5):
        client.post(url, {"password": "guess", "return_url": "/fi/"}, REMOTE_ADDR="10.0.0.1")
    fail(client, "admin", "someone", 3, address="10.0.0.1")

    assert sign_in(client, "admin", "admin", RIGHT, address="10.0.0.1").status_code == 429


def reset_password(client, email, address="10.0.0.1"):
    return client.post(reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_a_password_reset_flood_sends_only_a_few_e_mails(client, users):
    responses = [reset_password(client, "admin@example.fi", address=f"10.0.4.{n}") for n in range(13)]

    assert {response.status_code for response in responses} == {302}
    assert {response["Location"] for response in responses} == {reverse("wagtailadmin_password_reset_done")}
    assert len(mail.outbox) == 3
    assert {message.to[0] for message in mail.outbox} == {"admin@example.fi"}


def test_password_resets_are_limited_per_connection(client, users):
    addresses = [f"{role}@example.fi" for role in ("admin", "moderator", "expert", "translator", "contributor")]
    responses = [reset_password(client, email) for email in [*addresses, "peer_reviewer@example.fi"]]

    assert {response.status_code for response in responses} == {302}
    assert sorted(message.to[0] for message in mail.outbox) == sorted(addresses)
    # Another connection is not affected.
    reset_password(client, "peer_reviewer@example.fi", address="10.0.0.2")
    assert mail.outbox[-1].to == ["peer_reviewer@example.fi"]


def test_a_password_reset_answers_the_same_for_an_unknown_address(client, users):
    known = reset_password(client, "admin@example.fi")
    unknown = reset_password(client, "nobody@example.fi")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [message.to for message in mail.outbox] == [["admin@example.fi"]]
