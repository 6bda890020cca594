"""A signed-in person records that their organisation uses an item; a moderator decides; visitors see it.

Each answer is checked as the person sees it (status, message, the item's page) together with what
was stored: bad input and repeated submissions change nothing.
"""

import datetime
import html
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, PageViewRestriction
from wagtail.users.models import UserProfile

from accounts.roles import CONTRIBUTORS
from accounts.tests.fixtures import make_model, make_user
from adoptions.models import Adoption
from demo.content import demo_page
from demo.factories import OrganisationFactory
from methodbank.models import ModelPage, Organisation, ProjectPage, Region

pytestmark = pytest.mark.django_db


def form_url(page, language="en"):
    with translation.override(language):
        return reverse("adoptions:record", args=[page.pk])


def text(response):
    """The visible text of ``<main>``, with whitespace collapsed."""
    page = response.content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", main).split()))


def region(code, language="en"):
    return Region.objects.get(code=code, locale__language_code=language)


@pytest.fixture
def item(method_bank):
    return demo_page(ModelPage, "koulutukseen-tutustuminen", "en")


def item_locale(language):
    return Region.objects.filter(locale__language_code=language).first().locale


@pytest.fixture
def teacher(method_bank):
    return make_user("teacher", CONTRIBUTORS)


def data(chosen=None, **changes):
    values = {
        "organisation": chosen.pk if chosen else "",
        "new_organisation": "",
        "region": region("fi-18").pk,
        "started_on": "2025-08-15",
        "status": "in_use",
        "stop_reason": "",
        "experience": "Vi började med två grupper och nu använder alla det.",
        "language": "sv",
        "contact_name": "Kim Contact",
        "contact_email": "kim@example.fi",
    }
    return {**values, **changes}


def record(client, user, page, values, language="en"):
    client.force_login(user)
    return client.post(form_url(page, language), values)


def approve(client, moderator, adoption, decision="approve"):
    client.force_login(moderator)
    return client.post(
        reverse("adoption_moderation:inspect", args=[adoption.pk]), {"decision": decision, "message": ""}
    )


def test_a_visitor_without_an_account_is_invited_to_sign_in_or_sign_up(client, item):
    response = client.get(form_url(item))

    assert response.status_code == 200
    assert "Sign in to record that your organisation uses this item." in text(response)
    content = response.content.decode()
    assert reverse("wagtailadmin_login") + "?next=" in content
    with translation.override("en"):
        assert f'href="{reverse("register")}"' in content


def test_a_post_without_an_account_records_nothing(client, item, college):
    response = client.post(form_url(item), data(college))

    assert response.status_code == 403
    assert not Adoption.objects.exists()


def test_the_whole_story_teacher_records_moderator_approves_visitors_see_it(client, item, college, teacher, moderator):
    response = record(client, teacher, item, data(college))

    assert response.status_code == 200
    assert "We have recorded that your organisation uses this item." in text(response)
    adoption = Adoption.objects.get()
    assert (adoption.organisation, adoption.state, adoption.user) == (college, Adoption.State.PENDING, teacher)
    to_moderator = [message for message in mail.outbox if message.to == ["moderator@example.fi"]]
    assert len(to_moderator) == 1
    assert "Lakeside College" in to_moderator[0].subject
    assert f"http://testserver/admin/adoption_moderation/inspect/{adoption.pk}/" in to_moderator[0].body

    client.logout()
    before = text(client.get(item.url))
    assert "No organisation has recorded using it yet." in before
    assert "Lakeside College" not in before

    response = approve(client, moderator, adoption)
    assert response.status_code == 302
    client.logout()

    page = client.get(item.url)
    shown = text(page)
    assert "1 organisation uses it." in shown
    assert "Uusimaa Lakeside College 1" in shown  # the table of regions
    assert (
        '<blockquote lang="sv"><p>Vi började med två grupper och nu använder alla det.</p></blockquote>'
        in page.content.decode()
    )
    assert "Written in: Swedish" in shown
    assert "kim@example.fi" in shown

    # The map: all 19 regions, each focusable and named with its number, as in the table.
    regions = re.findall(
        r'<path class="adoption-map__region adoption-map__region--(\d)" data-region="([\w-]+)" '
        r'd="[^"]+" tabindex="0" role="img" aria-label="([^"]+)">',
        page.content.decode(),
    )
    assert len(regions) == 19
    shaded = {code: (level, label) for level, code, label in regions if level != "0"}
    assert shaded == {"fi-18": ("4", "Uusimaa: 1 organisation")}
    assert "Åland: 0 organisations" in {label for _level, _code, label in regions}


def test_the_item_page_counts_in_finnish_and_names_terms_in_finnish(client, item, college, teacher, moderator):
    record(client, teacher, item, data(college))
    approve(client, moderator, Adoption.objects.get())
    client.logout()
    finnish = demo_page(ModelPage, "koulutukseen-tutustuminen", "fi")

    shown = text(client.get(finnish.url))

    assert "1 organisaatio käyttää tätä." in shown
    assert "Uusimaa" in shown
    assert "Kirjoitettu kielellä: Ruotsi" in shown


def test_stopped_adoptions_are_shown_with_their_reasons_and_not_counted(client, item, college, teacher, moderator):
    record(client, teacher, item, data(college, status="stopped", stop_reason="Too few teachers to run it."))
    approve(client, moderator, Adoption.objects.get())
    client.logout()

    shown = text(client.get(item.url))

    assert "No organisation has recorded using it yet." in shown
    assert "1 organisation has stopped using it." in shown
    assert "Lakeside College (Uusimaa): Too few teachers to run it." in shown


def test_stopping_needs_a_reason(client, item, college, teacher):
    response = record(client, teacher, item, data(college, status="stopped"))

    assert response.status_code == 400
    assert "Tell others why you stopped: it helps them decide." in text(response)
    assert not Adoption.objects.exists()


def test_a_double_submission_changes_nothing(client, item, college, teacher):
    record(client, teacher, item, data(college))
    adoption = Adoption.objects.get()
    mails = len(mail.outbox)

    response = record(client, teacher, item, data(college))

    assert response.status_code == 200
    assert "We already have exactly this record" in text(response)
    assert Adoption.objects.get().updated_at == adoption.updated_at
    assert len(mail.outbox) == mails


def test_a_change_updates_the_one_record_and_goes_back_to_moderation(client, item, college, teacher, moderator):
    record(client, teacher, item, data(college))
    approve(client, moderator, Adoption.objects.get())

    response = record(client, teacher, item, data(college, status="trying"))

    assert "Your organisation's record of this item is updated." in text(response)
    adoption = Adoption.objects.get()
    assert (adoption.status, adoption.state) == ("trying", Adoption.State.PENDING)
    client.logout()
    assert "No organisation has recorded using it yet." in text(client.get(item.url))


def test_someone_elses_record_of_the_organisation_is_not_overwritten(client, item, college, teacher):
    record(client, teacher, item, data(college))
    other = make_user("other_teacher", CONTRIBUTORS)

    response = record(client, other, item, data(college, status="stopped", stop_reason="No."))

    assert response.status_code == 409
    assert "Someone else has already recorded your organisation's use of this item. Nothing was changed." in text(
        response
    )
    assert Adoption.objects.get().status == "in_use"


def test_the_same_organisation_chosen_in_another_language_is_the_same_adoption(client, item, teacher):
    english = OrganisationFactory(name="Harbour School", locale=item_locale("en"))
    finnish = Organisation.objects.create(
        name="Satamakoulu", locale=item_locale("fi"), translation_key=english.translation_key
    )
    record(client, teacher, item, data(english))

    response = record(
        client,
        teacher,
        demo_page(ModelPage, "koulutukseen-tutustuminen", "fi"),
        data(finnish, region=region("fi-18", "fi").pk),
        "fi",
    )

    assert response.status_code == 200
    assert Adoption.objects.count() == 1


def unpublished(method_bank):
    return make_model(method_bank, title="Luonnos", live=False)


def private(method_bank):
    page = make_model(method_bank, title="Vain kirjautuneille")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def project(method_bank):
    return ProjectPage.objects.live().first()


@pytest.mark.parametrize("make", [unpublished, private, project], ids=["draft", "private", "project"])
def test_an_item_nobody_may_adopt_is_not_found_and_nothing_is_recorded(client, method_bank, college, teacher, make):
    page = make(method_bank)

    response = record(client, teacher, page, data(college))

    assert response.status_code == 404
    assert "There is no published model or good practice at this address that could be adopted." in text(response)
    assert not Adoption.objects.exists()


def test_an_unknown_page_number_is_not_found(client, method_bank, teacher):
    client.force_login(teacher)
    assert client.get(form_url(Page(pk=2**40))).status_code == 404


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"organisation": "999999"}, "The method bank has no such organisation. Choose one from the list."),
        ({"organisation": ""}, "Choose your organisation, or write its name if it is not on the list."),
        ({"region": "999999"}, "There is no such region. Choose one of Finland's regions from the list."),
        ({"started_on": "2999-01-01"}, "The start date cannot be in the future."),
        ({"started_on": "15.8.2025x"}, "Enter the date as a calendar date, for example 2025-08-15."),
        ({"new_organisation": "Another School"}, "Choose an organisation from the list or write a new name, not both."),
    ],
    ids=["unknown-organisation", "no-organisation", "unknown-region", "future", "not-a-date", "both-names"],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(client, item, college, teacher, changes, message):
    response = record(client, teacher, item, data(college, **changes))

    assert response.status_code == 400
    assert message in text(response)
    assert not Adoption.objects.exists()
    assert not mail.outbox


def test_tomorrow_is_in_the_future(client, item, college, teacher):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = record(client, teacher, item, data(college, started_on=tomorrow.isoformat()))

    assert "The start date cannot be in the future." in text(response)


def test_a_new_organisation_joins_the_bank_when_the_adoption_is_approved(client, item, teacher, moderator):
    record(client, teacher, item, data(new_organisation="  Northern   Folk High School "))
    adoption = Adoption.objects.get()
    assert (adoption.organisation, adoption.proposed_organisation) == (None, "Northern Folk High School")
    assert not Organisation.objects.filter(name="Northern Folk High School").exists()

    approve(client, moderator, adoption)

    adoption.refresh_from_db()
    assert adoption.organisation.name == "Northern Folk High School"
    client.logout()
    assert "Northern Folk High School" in text(client.get(item.url))


def test_the_region_defaults_to_the_region_of_the_organisations_project(client, item, teacher):
    project = ProjectPage.objects.filter(
        locale__language_code="fi", lead_organisation__isnull=False, regions__is_national=False
    ).first()
    lead, project_region = project.lead_organisation, project.regions.filter(is_national=False).first()

    response = record(client, teacher, item, data(lead, region=""), "fi")

    assert response.status_code == 200

    assert Adoption.objects.get().region.code == project_region.code


def test_without_a_known_region_the_region_must_be_chosen(client, item, college, teacher):
    response = record(client, teacher, item, data(college, region=""))

    assert response.status_code == 400
    assert "Choose the region: the method bank does not know the organisation's yet." in text(response)


def test_a_withdrawn_adoption_leaves_the_page(client, item, college, teacher, moderator):
    record(client, teacher, item, data(college))
    adoption = Adoption.objects.get()
    approve(client, moderator, adoption)

    approve(client, moderator, adoption, decision="withdraw")

    client.logout()
    assert "No organisation has recorded using it yet." in text(client.get(item.url))
    assert Adoption.objects.get().state == Adoption.State.WITHDRAWN


def test_contributors_cannot_decide(client, item, college, teacher):
    record(client, teacher, item, data(college))

    response = approve(client, teacher, Adoption.objects.get())

    assert response.status_code in (302, 403)
    assert Adoption.objects.get().state == Adoption.State.PENDING


def test_the_adoption_section_asks_the_same_number_of_queries_for_many_adoptions(client, item, teacher, moderator):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(item.url).status_code == 200
        return len(captured)

    client.logout()
    counts = []
    for number in range(6):
        organisation = OrganisationFactory(name=f"School {number}", locale=item_locale("en"))
        Adoption.objects.create(
            translation_key=item.translation_key,
            organisation=organisation,
            region=region(f"fi-{number + 1:02d}"),
            started_on=datetime.date(2024, 1, 1),
            language="en",
            experience=f"Experience {number}",
            state=Adoption.State.APPROVED,
        )
        counts.append(queries())

    assert counts == [counts[0]] * 6
    assert "6 organisations use it." in text(client.get(item.url))


def approved(item, name, code, started, status="in_use"):
    return Adoption.objects.create(
        translation_key=item.translation_key,
        organisation=OrganisationFactory(name=name, locale=item_locale("en")),
        region=region(code),
        started_on=started,
        status=status,
        stop_reason="Too expensive." if status == "stopped" else "",
        language="en",
        state=Adoption.State.APPROVED,
    )


def test_the_report_counts_approved_adoptions_per_item_and_region_and_exports_them(client, item, moderator):
    approved(item, "School A", "fi-18", datetime.date(2024, 1, 10))
    approved(item, "School B", "fi-18", datetime.date(2025, 3, 1), status="stopped")
    approved(item, "School C", "fi-14", datetime.date(2025, 5, 1))
    Adoption.objects.create(
        translation_key=item.translation_key,
        proposed_organisation="Pending School",
        region=region("fi-18"),
        started_on=datetime.date(2025, 1, 1),
        language="en",
    )
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "en"  # the admin in English, like the item's title
    profile.save()
    client.force_login(moderator)
    url = reverse("adoption_report:report")

    shown = text(client.get(url))
    assert f"{item.title} Uusimaa 2 1 1" in shown
    assert f"{item.title} North Ostrobothnia 1 1 0" in shown

    in_2025 = text(client.get(url, {"started_from": "2025-01-01", "started_to": "2025-12-31", "region": "fi-18"}))
    assert f"{item.title} Uusimaa 1 0 1" in in_2025
    assert "North Ostrobothnia" not in in_2025.split("Last started")[-1]

    export = client.get(url, {"export": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert lines[0] == "Item,Region,Adoptions,In use or trying,Stopped,First started,Last started"
    assert f"{item.title},Uusimaa,2,1,1,2024-01-10,2025-03-01" in lines


def test_contributors_do_not_see_the_report(client, method_bank, teacher):
    client.force_login(teacher)

    response = client.get(reverse("adoption_report:report"))

    assert response.status_code in (302, 403)
