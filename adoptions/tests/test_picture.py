"""The coordinators' picture: approved adoptions per quarter as a bar chart and a table, and the items used most."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from accounts.roles import CONTRIBUTORS, MODERATORS
from accounts.tests.fixtures import make_model, make_user
from adoptions import picture
from adoptions.models import Adoption
from adoptions.tests.test_adoptions import approved, text
from demo.content import demo_page
from methodbank.models import GoodPracticePage, ModelPage

pytestmark = pytest.mark.django_db
URL = "adoption_report:picture"


@pytest.fixture
def model(method_bank):
    return demo_page(ModelPage, "koulutukseen-tutustuminen", "en")


@pytest.fixture
def practice(method_bank):
    return demo_page(GoodPracticePage, "tutustujan-perehdytys", "en")


@pytest.fixture
def moderator(method_bank):
    user = make_user("moderator", MODERATORS)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def adoptions(model, practice):
    approved(model, "School A", "fi-18", datetime.date(2024, 1, 10))
    approved(model, "School B", "fi-02", datetime.date(2024, 3, 31))
    approved(model, "School C", "fi-14", datetime.date(2025, 2, 1), status="stopped")
    approved(practice, "School D", "fi-18", datetime.date(2024, 8, 1))
    waiting = approved(practice, "School E", "fi-18", datetime.date(2024, 5, 1))
    waiting.state = Adoption.State.PENDING
    waiting.save()


def test_the_table_and_the_chart_count_approved_adoptions_per_quarter(client, model, practice, moderator, adoptions):
    client.force_login(moderator)

    response = client.get(reverse(URL))

    assert response.status_code == 200
    shown = text(response)
    assert "<title>Adoptions over time - " in response.content.decode()
    assert "Home Adoptions over time 4 approved" in shown  # the breadcrumbs end in the page's name
    assert "4 approved adoptions, counted by the quarter in which the organisation started." in shown
    assert "Quarter Adoptions Q1 2024 2 Q2 2024 0 Q3 2024 1 Q4 2024 0 Q1 2025 1" in shown
    bars = re.findall(
        r'<rect class="adoption-chart__bar" x="[\d.]+" y="([\d.]+)" width="28" height="([\d.]+)" [^>]*>'
        r"<title>([^<]+)</title></rect>",
        response.content.decode(),
    )
    assert [title for _y, _height, title in bars] == [
        "Q1 2024: 2 adoptions",
        "Q2 2024: 0 adoptions",
        "Q3 2024: 1 adoption",
        "Q4 2024: 0 adoptions",
        "Q1 2025: 1 adoption",
    ]
    assert [float(height) for _y, height, _title in bars] == [160, 0, 80, 0, 80]
    assert all(float(y) + float(height) == 180 for y, height, _title in bars)  # all stand on the axis


def test_the_items_most_organisations_use_come_first(client, model, practice, moderator, adoptions):
    client.force_login(moderator)

    shown = text(client.get(reverse(URL)))

    table = shown.split("items most organisations use")[1]
    assert f"Item Organisations using it Stopped {model.title} 2 1 {practice.title} 1 0" in table


def test_only_the_ten_items_used_most_are_listed(method_bank):
    pages = [make_model(method_bank, title=f"Model {number}") for number in range(12)]
    for number, page in enumerate(pages):
        for school in range(number + 1):
            approved(page, f"School {number}-{school}", "fi-18", datetime.date(2024, 1, 1))

    items = picture.build().items

    assert [row.organisations for row in items] == [12, 11, 10, 9, 8, 7, 6, 5, 4, 3]
    assert items[0].title == pages[-1].title


def test_the_picture_is_four_queries_however_many_adoptions(model, practice, django_assert_max_num_queries):
    for number in range(30):
        approved(
            model if number % 2 else practice,
            f"School {number}",
            f"fi-{number % 19 + 1:02d}",
            datetime.date(2020 + number % 5, number % 12 + 1, 1),
        )

    with django_assert_max_num_queries(4):
        built = picture.build()

    assert built.total == 30
    assert [row.organisations for row in built.items] == [15, 15]


def test_the_page_asks_as_many_queries_for_many_adoptions_as_for_one(
    client, model, practice, moderator, django_assert_max_num_queries
):
    client.force_login(moderator)
    approved(model, "School 0", "fi-18", datetime.date(2024, 1, 1))
    client.get(reverse(URL))  # the session and the menus, once
    with CaptureQueriesContext(connection) as one:
        client.get(reverse(URL))
    for number in range(1, 20):
        approved(practice, f"School {number}", "fi-01", datetime.date(2020 + number % 5, 1, 1))

    with django_assert_max_num_queries(len(one)):
        assert client.get(reverse(URL)).status_code == 200


def test_an_empty_bank_says_so(client, moderator):
    client.force_login(moderator)

    shown = text(client.get(reverse(URL)))

    assert "No adoption has been approved yet." in shown
    assert "No organisation uses an item yet." in shown


def test_contributors_do_not_see_the_picture_nor_its_menu_item(client, method_bank, moderator):
    teacher = make_user("teacher", CONTRIBUTORS)
    client.force_login(teacher)
    assert client.get(reverse(URL)).status_code in (302, 403)
    assert reverse(URL) not in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(moderator)
    assert reverse(URL) in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_finnish_coordinator_reads_it_in_finnish(client, model, practice, moderator, adoptions):
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "fi"
    profile.save()
    client.force_login(moderator)

    response = client.get(reverse(URL))

    shown = text(response)
    assert "Hyväksytyt käyttöönotot vuosineljänneksittäin" in shown
    assert "Vuosineljännes Käyttöönotot Q1/2024 2 Q2/2024 0" in shown
    assert "<title>Q3/2024: 1 käyttöönotto</title>" in response.content.decode()
