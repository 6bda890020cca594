"""The item's contact people hear by e-mail when an adoption of it first becomes public, and can opt out.

The mail goes out once the moderator's decision is saved (``on_commit``), so each approval here runs
inside ``django_capture_on_commit_callbacks(execute=True)``.
"""

import re
import smtplib

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.roles import CONTRIBUTORS
from accounts.tests.fixtures import make_user
from adoptions.contacts import opt_out_token
from adoptions.models import Adoption, ContactOptOut
from adoptions.tests.test_adoptions import approve, data, item_locale, record, text
from demo.content import demo_page
from demo.factories import OrganisationFactory
from methodbank.models import ModelPage

pytestmark = pytest.mark.django_db

CONTACT = "Maija.Yhteys@example.fi"


def person(name, email):
    return ("person", {"name": name, "title": "", "organisation": "", "email": email, "phone": ""})


@pytest.fixture
def finnish(method_bank):
    """The item as first written, in Finnish, naming two contact persons, one of them without an address."""
    page = demo_page(ModelPage, "koulutukseen-tutustuminen", "fi")
    page.contacts = [person("Maija Yhteys", CONTACT), person("Pekka Puhelin", "")]
    page.save()
    return page


@pytest.fixture
def english(finnish):
    return demo_page(ModelPage, "koulutukseen-tutustuminen", "en")


@pytest.fixture
def teacher(method_bank):
    return make_user("teacher", CONTRIBUTORS)


def to_contact():
    return [message for message in mail.outbox if message.to == [CONTACT]]


def approved_now(client, moderator, capture, decision="approve"):
    with capture(execute=True):
        response = approve(client, moderator, Adoption.objects.get(), decision)
    assert response.status_code == 302
    return response


def opt_out_link(message):
    return re.findall(r"http://testserver(/\S+)", message.body)[-1]


def test_the_first_approval_tells_the_contact_in_the_items_language_with_links(
    client, finnish, english, college, teacher, moderator, django_capture_on_commit_callbacks
):
    record(client, teacher, english, data(college))
    assert not to_contact()

    approved_now(client, moderator, django_capture_on_commit_callbacks)

    assert len(to_contact()) == 1
    message = to_contact()[0]
    assert len([m for m in mail.outbox if m.to != ["moderator@example.fi"]]) == 1  # not to the address-less one
    assert message.subject.endswith(f": Lakeside College käyttää kohdetta ”{finnish.title}”")
    assert message.body.startswith("Hei,")
    assert "Organisaatio: Lakeside College" in message.body
    assert "Maakunta: Uusimaa" in message.body
    assert "Tila: Käytössä" in message.body
    assert "Aloitettu: 15.8.2025" in message.body
    assert finnish.get_full_url() in message.body
    assert opt_out_link(message).startswith("/fi/")


def test_approving_again_after_a_change_or_a_withdrawal_sends_nothing_more(
    client, finnish, english, college, teacher, moderator, django_capture_on_commit_callbacks
):
    record(client, teacher, english, data(college))
    approved_now(client, moderator, django_capture_on_commit_callbacks)
    record(client, teacher, english, data(college, status="trying"))
    approved_now(client, moderator, django_capture_on_commit_callbacks)
    approved_now(client, moderator, django_capture_on_commit_callbacks, decision="withdraw")
    record(client, teacher, english, data(college, status="in_use"))
    approved_now(client, moderator, django_capture_on_commit_callbacks)

    assert Adoption.objects.get().state == Adoption.State.APPROVED
    assert len(to_contact()) == 1


def test_a_contact_who_opted_out_gets_no_mail(
    client, finnish, english, college, teacher, moderator, django_capture_on_commit_callbacks
):
    ContactOptOut.objects.create(email=CONTACT.lower())
    record(client, teacher, english, data(college))

    approved_now(client, moderator, django_capture_on_commit_callbacks)

    assert Adoption.objects.get().state == Adoption.State.APPROVED
    assert not to_contact()


def test_the_link_in_the_mail_asks_then_records_the_opt_out_and_no_more_mails_come(
    client, finnish, english, college, teacher, moderator, django_capture_on_commit_callbacks
):
    record(client, teacher, english, data(college))
    approved_now(client, moderator, django_capture_on_commit_callbacks)
    link = opt_out_link(to_contact()[0])
    client.logout()

    asked = client.get(link)
    assert asked.status_code == 200
    assert "Haluatko lopettaa nämä sähköpostit osoitteeseen maija.yhteys@example.fi?" in text(asked)
    assert not ContactOptOut.objects.exists()  # opening the link (a mail filter may) changes nothing

    done = client.post(link)
    assert done.status_code == 200
    assert "maija.yhteys@example.fi ei saa enää sähköpostia" in text(done)
    assert ContactOptOut.objects.get().email == "maija.yhteys@example.fi"
    assert client.post(link).status_code == 200  # twice: still one record
    assert ContactOptOut.objects.count() == 1

    other = OrganisationFactory(name="Harbour School", locale=item_locale("en"))
    record(client, teacher, english, data(other))
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, moderator, Adoption.objects.get(organisation=other))
    assert Adoption.objects.get(organisation=other).state == Adoption.State.APPROVED
    assert len(to_contact()) == 1


@pytest.mark.parametrize(
    ("language", "question", "button"),
    [
        ("sv", "Vill du sluta få dessa e-postmeddelanden till kim@example.fi?", "Sluta skicka e-post"),
        ("en", "Do you want to stop these e-mails to kim@example.fi?", "Stop the e-mails"),
    ],
)
def test_the_opt_out_page_speaks_swedish_and_english(client, method_bank, language, question, button):
    with translation.override(language):
        response = client.get(reverse("adoptions:opt_out", args=[opt_out_token("kim@example.fi")]))

    assert response.status_code == 200
    assert question in text(response)
    assert button in text(response)


@pytest.mark.parametrize(
    "token",
    [
        opt_out_token("kim@example.fi")[:-2] + "xx",  # the signature changed
        # Eve's address with the timestamp and signature made for Kim's:
        opt_out_token("eve@example.fi").split(":")[0] + ":" + opt_out_token("kim@example.fi").split(":", 1)[1],
        "kim@example.fi",
    ],
    ids=["tampered-signature", "other-address", "unsigned"],
)
def test_a_tampered_link_gets_a_clear_message_and_changes_nothing(client, method_bank, token):
    with translation.override("fi"):
        url = reverse("adoptions:opt_out", args=[token])

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert "Tämä linkki ei kelpaa" in text(response)
    assert not ContactOptOut.objects.exists()


def test_a_mail_server_failure_does_not_undo_the_approval(
    client, finnish, english, college, teacher, moderator, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    record(client, teacher, english, data(college))

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("accounts.emails.send_mail", refuse)
    approved_now(client, moderator, django_capture_on_commit_callbacks)

    assert Adoption.objects.get().state == Adoption.State.APPROVED
    assert "Could not send the adoption_to_contacts e-mail" in caplog.text
