"""Adoptions in search and the API: the regions an item is used in (a filter), the sort "most adopted", and how
many organisations use each result, on result cards and in the API.

The tests marked ``backend`` run on every search backend (SQLite, PostgreSQL, OpenSearch, Elasticsearch: see
conftest.py); the rest read the database path only.
"""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from accounts.roles import MODERATORS
from accounts.tests.fixtures import make_user
from adoptions import records
from adoptions.models import Adoption
from conftest import engine_configured
from demo.content import demo_page
from demo.factories import OrganisationFactory
from methodbank.merging import merge_items
from methodbank.models import GoodPracticePage, ModelPage, Region
from search import browse
from search.models import FacetValue, SearchDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(method_bank, request):
    """The demo method bank; on the engine its documents are sent again (``search_backend`` emptied the indexes)."""
    if engine_configured():
        backend = request.getfixturevalue("search_backend")
        backend.add_bulk(SearchDocument, list(SearchDocument.objects.all()))
        backend.refresh_indexes()
    return method_bank


@pytest.fixture
def model(demo):
    # "Trying out vocational education": late in English titles' order, so a sort that puts it first shows.
    return demo_page(ModelPage, "koulutukseen-tutustuminen", "en")


@pytest.fixture
def practice(demo):
    return demo_page(GoodPracticePage, "yksilovalmennus", "en")


@pytest.fixture
def moderator(demo):
    return make_user("moderator", MODERATORS)


def pending(item, organisation, code, status=Adoption.Status.IN_USE):
    return Adoption.objects.create(
        translation_key=item.translation_key,
        organisation=OrganisationFactory(name=organisation, locale=item.locale),
        region=Region.objects.get(code=code, locale__language_code="en"),
        started_on=datetime.date(2024, 1, 1),
        status=status,
        stop_reason="Too expensive." if status == Adoption.Status.STOPPED else "",
        language="en",
    )


def adopted(item, organisation, code, moderator, status=Adoption.Status.IN_USE):
    adoption = pending(item, organisation, code, status)
    records.approve(adoption, moderator)
    return adoption


def title_in(item, language):
    return Page.objects.get(translation_key=item.translation_key, locale__language_code=language).title


def api(client, **params):
    response = client.get("/api/search/", {"lang": "en", "page_size": "100", **params})
    assert response.status_code == 200, response.content
    return response.json()


def titles(answer):
    return [item["title"] for item in answer["results"]]


def facet(answer, name="used_in_region"):
    return {entry["value"]: (entry["label"], entry["count"]) for entry in answer["facets"][name] if entry["count"]}


@pytest.mark.backend
def test_approving_lists_the_item_under_its_region_and_first_by_adoptions_withdrawing_undoes_it(
    client, model, moderator, search_backend
):
    adoption = pending(model, "Lakeside College", "fi-18")
    search_backend.refresh_indexes()
    assert api(client, used_in_region="fi-18")["count"] == 0, "a pending adoption is not public"

    records.approve(adoption, moderator)
    search_backend.refresh_indexes()

    found = api(client, used_in_region="fi-18")
    assert titles(found) == [model.title]
    assert found["results"][0]["adoptions"] == 1
    assert facet(found) == {"fi-18": ("Uusimaa", 1)}
    by_title = titles(api(client))
    assert titles(api(client, sort="most_adopted")) == [model.title, *(t for t in by_title if t != model.title)]

    records.withdraw(adoption, moderator)
    search_backend.refresh_indexes()

    assert api(client, used_in_region="fi-18")["count"] == 0
    assert facet(api(client)) == {}
    assert titles(api(client, sort="most_adopted")) == by_title


@pytest.mark.backend
@pytest.mark.parametrize(("language", "query"), [("en", "education"), ("fi", "koulutukseen")])
def test_most_adopted_orders_by_organisations_and_ties_as_by_relevance(
    client, model, practice, moderator, search_backend, language, query
):
    adopted(model, "Lakeside College", "fi-18", moderator)
    for name, code in (("Hill School", "fi-19"), ("River School", "fi-18")):
        adopted(practice, name, code, moderator)
    # A stopped adoption is public but no use: it counts neither in the number nor in the regions.
    adopted(model, "Old School", "fi-10", moderator, status=Adoption.Status.STOPPED)
    search_backend.refresh_indexes()

    everything = api(client, lang=language, sort="most_adopted")
    assert titles(everything)[:2] == [title_in(practice, language), title_in(model, language)]
    assert [item["adoptions"] for item in everything["results"]][:3] == [2, 1, 0]
    assert {code: count for code, (_label, count) in facet(everything).items()} == {"fi-18": 2, "fi-19": 1}

    relevant = titles(api(client, lang=language, q=query))
    assert len(relevant) > 1
    ordered = api(client, lang=language, q=query, sort="most_adopted")
    first = [item["title"] for item in ordered["results"] if item["adoptions"]]
    assert titles(ordered) == [*first, *(title for title in relevant if title not in first)]
    assert first, "the adopted item matches the words"


def method_bank_url(method_bank, language):
    return Page.objects.get(translation_key=method_bank.translation_key, locale__language_code=language).url


def card_notes(html):
    return re.findall(r'<p class="result-card__adoptions">([^<]*)</p>', html)


@pytest.mark.parametrize(
    ("language", "sort_label", "facet_label", "notes"),
    [
        (
            "fi",
            "Eniten käyttöönotettu",
            "Käytössä maakunnassa",
            ["Käytössä 2 organisaatiossa", "Käytössä 1 organisaatiossa"],
        ),
        ("sv", "Mest använda", "Används i landskapet", ["Används i 2 organisationer", "Används i 1 organisation"]),
        ("en", "Most adopted", "Used in region", ["Used in 2 organisations", "Used in 1 organisation"]),
    ],
)
def test_result_cards_say_how_many_organisations_use_each_item(
    client, demo, model, practice, moderator, language, sort_label, facet_label, notes
):
    adopted(model, "Lakeside College", "fi-18", moderator)
    adopted(practice, "Hill School", "fi-19", moderator)
    adopted(practice, "River School", "fi-18", moderator)

    html = client.get(method_bank_url(demo, language), {"sort": "most_adopted"}).content.decode()

    # Items no organisation uses say nothing of it.
    assert card_notes(html) == notes
    assert f'<option value="most_adopted" selected>{sort_label}</option>' in html
    assert facet_label in html


def test_the_count_costs_no_query_per_result(client, demo, practice, moderator, django_assert_max_num_queries):
    adopted(practice, "Hill School", "fi-19", moderator)
    adopted(demo_page(GoodPracticePage, "palautekyselyt", "en"), "River School", "fi-18", moderator)
    # Practices only: pages of one type, as loading pages costs a query per type.
    with CaptureQueriesContext(connection) as one:
        assert len(api(client, type="practice", page_size="1", sort="most_adopted")["results"]) == 1

    with django_assert_max_num_queries(len(one)):
        answer = api(client, type="practice", sort="most_adopted")
    assert [item["adoptions"] for item in answer["results"]] == [1, 1, 0, 0]


def test_a_deleted_adoption_leaves_the_item_and_its_region(client, model, moderator):
    adoption = adopted(model, "Lakeside College", "fi-18", moderator)
    assert api(client, used_in_region="fi-18")["count"] == 1

    adoption.delete()

    assert api(client, used_in_region="fi-18")["count"] == 0
    assert set(
        SearchDocument.objects.filter(page__translation_key=model.translation_key).values_list("item_number", flat=True)
    ) == {0}


def test_a_rejection_after_approval_takes_the_adoption_out_of_search(client, model, moderator):
    adoption = adopted(model, "Lakeside College", "fi-18", moderator)

    records.reject(adoption, moderator)

    assert api(client, used_in_region="fi-18")["count"] == 0


def test_every_language_version_carries_the_adoptions(client, model, moderator):
    adopted(model, "Lakeside College", "fi-18", moderator)

    for language in ("fi", "sv", "en"):
        answer = api(client, lang=language, used_in_region="fi-18", only_lang="true")
        assert answer["count"] == 1
        assert answer["results"][0]["locale"] == language
        assert answer["results"][0]["adoptions"] == 1


def test_adoptions_that_move_in_a_merge_count_on_the_remaining_item(client, practice, moderator):
    # Practices without evaluation records: nothing else of the merge rebuilds the remaining item's documents.
    other = demo_page(GoodPracticePage, "palautekyselyt", "en")
    adopted(other, "Lakeside College", "fi-18", moderator)
    adopted(other, "Hill School", "fi-19", moderator)

    merge_items(other, practice, moderator)

    answer = api(client, used_in_region="fi-19")
    assert titles(answer) == [practice.title]
    assert answer["results"][0]["adoptions"] == 2


def test_rebuilding_every_document_keeps_the_adoptions(client, model, practice, moderator):
    adopted(model, "Lakeside College", "fi-18", moderator)
    adopted(practice, "Hill School", "fi-19", moderator)
    # Documents as a deploy finds them: built before the adoptions counted.
    SearchDocument.objects.update(item_number=0)
    FacetValue.objects.filter(facet="used_in_region").delete()
    browse.rebuild()
    assert api(client, used_in_region="fi-19")["count"] == 0

    call_command("rebuild_search_documents", verbosity=0)

    assert titles(api(client, used_in_region="fi-19")) == [practice.title]
    assert [item["adoptions"] for item in api(client, sort="most_adopted")["results"]][:3] == [1, 1, 0]


def test_the_api_document_describes_the_sort_the_filter_and_the_count(client, demo):
    document = client.get("/api/search/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert schemas["Item"]["properties"]["adoptions"]["type"] == "integer"
    assert "most_adopted" in schemas["Results"]["properties"]["sort"]["enum"]
    parameters = {parameter["name"]: parameter for parameter in document["paths"]["/api/search/"]["get"]["parameters"]}
    assert "most_adopted" in parameters["sort"]["schema"]["enum"]
    assert "fi-18" in parameters["used_in_region"]["schema"]["items"]["enum"]


def test_an_unknown_sort_is_refused_with_the_sorts_there_are(client, demo):
    response = client.get("/api/search/", {"lang": "en", "sort": "most_loved"})
    assert response.status_code == 400
    # In the site's language, as the API's other messages.
    assert response.json()["errors"]["sort"] == "Valitse lajittelu näistä: relevance, newest, title, most_adopted."
