"""A moderator merges two items: one remains, the other's address redirects to it, and its
evaluations, adoptions, link records and missing translations move over. Bad merges change nothing."""

import datetime

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageLogEntry

from accounts.tests.fixtures import homes, index, login, make_evaluation, make_model, swedish_index, users
from adoptions.models import Adoption
from demo.factories import GoodPracticePageFactory, OrganisationFactory
from methodbank.duplicates import similar_items
from methodbank.models import MethodBankPage, PageLink, Region
from methodbank.tests.test_stewardship import speaking
from search.models import SearchDocument

__all__ = ["homes", "index", "login", "swedish_index", "users"]
pytestmark = pytest.mark.django_db


def adoption(item, organisation, state=Adoption.State.APPROVED, experience=""):
    return Adoption.objects.create(
        translation_key=item.translation_key,
        organisation=organisation,
        region=Region.objects.filter(locale__language_code="fi").first(),
        started_on=datetime.date(2024, 1, 1),
        language="fi",
        experience=experience,
        state=state,
    )


def merge_url(page, remaining=None):
    url = reverse("methodbank_merge", args=[page.pk])
    return f"{url}?remaining={remaining.pk}" if remaining else url


def fresh(page):
    return MethodBankPage.objects.get(pk=page.pk)


@pytest.fixture
def moderator(users):
    return speaking(users["moderator"], "en")


@pytest.fixture
def pair(index, moderator):
    remaining = make_model(index, owner=moderator, title="Amisappi")
    removed = make_model(index, owner=moderator, title="AmisAppi 2.0")
    return remaining, removed


def test_a_merge_shows_what_moves_then_moves_it_and_redirects(client, login, moderator, pair):
    remaining, removed = pair
    old_url = removed.url
    evaluation = make_evaluation(removed, "peer")
    adoption(removed, OrganisationFactory(name="Koulu A"))
    PageLink.objects.create(page=removed, url="https://example.org/amisappi")
    login(moderator)

    form = client.get(merge_url(removed, remaining)).content.decode()
    assert f'<option value="{remaining.pk}" selected>Amisappi (Model, fi)</option>' in form
    summary = client.post(merge_url(removed), {"remaining": remaining.pk}).content.decode()
    assert "Merge “AmisAppi 2.0” into “Amisappi”?" in summary
    assert "1 evaluation moves over." in summary
    assert "1 link record moves over." in summary
    assert "1 adoption moves over" in summary
    assert fresh(removed).live, "the summary changes nothing"

    response = client.post(merge_url(removed), {"remaining": remaining.pk, "confirm": "True"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[remaining.pk])
    assert "“AmisAppi 2.0” is merged into “Amisappi”" in response.content.decode()

    assert not fresh(removed).live
    evaluation.refresh_from_db()
    assert evaluation.page_id == remaining.pk
    assert Adoption.objects.get().translation_key == remaining.translation_key
    assert PageLink.objects.get().page_id == remaining.pk
    client.logout()
    visit = client.get(old_url)
    assert visit.status_code == 301
    assert visit["Location"].endswith(remaining.url)

    removed_log = PageLogEntry.objects.get(page=removed, action="methodbank.merged_into")
    assert removed_log.user_id == moderator.pk
    assert PageLogEntry.objects.filter(page=remaining, action="methodbank.merged_from").exists()
    login(moderator)
    history = client.get(reverse("wagtailadmin_pages:history", args=[remaining.pk])).content.decode()
    assert "“AmisAppi 2.0” was merged into this item." in history
    assert "Adoptions moved over: 1." in history


def test_one_adoption_per_organisation_remains(client, login, moderator, pair):
    remaining, removed = pair
    school = OrganisationFactory(name="Koulu A")
    adoption(remaining, school, state=Adoption.State.PENDING, experience="Waiting")
    adoption(removed, school, experience="Approved and public")
    adoption(removed, OrganisationFactory(name="Koulu B"))
    login(moderator).post(merge_url(removed), {"remaining": remaining.pk, "confirm": "True"})

    kept = Adoption.objects.filter(translation_key=remaining.translation_key)
    assert sorted(a.organisation.name for a in kept) == ["Koulu A", "Koulu B"]
    assert kept.get(organisation=school).experience == "Approved and public"
    assert not Adoption.objects.filter(translation_key=removed.translation_key).exists()
    log = PageLogEntry.objects.get(page=remaining, action="methodbank.merged_from")
    assert "Kept one adoption each for: Koulu A." in log.data["others"][0]


def test_a_translation_the_remaining_item_lacks_moves_over(client, login, moderator, pair, swedish_index):
    remaining, removed = pair
    swedish = removed.copy_for_translation(swedish_index.locale)
    swedish.save_revision().publish()
    login(moderator).post(merge_url(removed), {"remaining": remaining.pk, "confirm": "True"})

    swedish = fresh(swedish)
    assert swedish.live
    assert swedish.translation_key == remaining.translation_key
    assert remaining.get_translation(swedish_index.locale).pk == swedish.pk
    assert SearchDocument.objects.get(page_id=swedish.pk).translation_key == remaining.translation_key
    assert PageLogEntry.objects.filter(page=swedish, action="methodbank.merged_from").exists()


def expect_refusal(client, page, remaining, message, nothing="Nothing was merged.", check_live=True):
    response = client.post(merge_url(page), {"remaining": remaining.pk, "confirm": "True"})
    html = response.content.decode()
    assert response.status_code == 200
    assert nothing in html
    assert message in html
    assert fresh(page).live
    assert fresh(remaining).live or not check_live
    assert not Redirect.objects.exists()
    assert not PageLogEntry.objects.filter(action__startswith="methodbank.merged").exists()


def test_an_item_is_not_merged_into_itself(client, login, moderator, pair):
    _remaining, removed = pair
    login(moderator)
    expect_refusal(client, removed, removed, "An item cannot be merged into itself.")


def test_an_item_is_not_merged_into_its_own_translation(client, login, moderator, pair, swedish_index):
    _remaining, removed = pair
    swedish = removed.copy_for_translation(swedish_index.locale)
    swedish.save_revision().publish()
    login(moderator)
    expect_refusal(client, removed, swedish, "is a language version of the same item.")


def test_items_of_different_kinds_are_not_merged(client, login, moderator, pair, index):
    _remaining, removed = pair
    practice = GoodPracticePageFactory(parent=index, title="Amisappi-käytäntö", slug="kaytanto")
    practice.save_revision().publish()
    login(moderator)
    expect_refusal(client, removed, practice, "Only items of the same kind can be merged")


def test_an_item_is_not_merged_into_an_unpublished_one(client, login, moderator, pair, index):
    _remaining, removed = pair
    draft = make_model(index, owner=moderator, title="Amisappi-luonnos", live=False)
    login(moderator)
    expect_refusal(client, removed, draft, "is not published. Publish it first", check_live=False)


def test_only_moderators_merge(client, login, users, pair):
    remaining, removed = pair
    contributor = speaking(users["contributor"], "en")
    login(contributor)
    response = client.post(merge_url(removed), {"remaining": remaining.pk, "confirm": "True"}, follow=True)
    assert "Sorry, you do not have permission to access this area." in response.content.decode()
    assert fresh(removed).live
    assert not Redirect.objects.exists()
    assert "Merge into…" not in client.get(reverse("wagtailadmin_pages:edit", args=[removed.pk])).content.decode()


def test_the_duplicate_warning_offers_the_merge_to_moderators(client, login, moderator, pair):
    remaining, removed = pair
    html = login(moderator).get(reverse("wagtailadmin_pages:edit", args=[removed.pk])).content.decode()
    assert f"{merge_url(removed, remaining)}" in html
    assert "Merge into…" in html

    client.post(merge_url(removed), {"remaining": remaining.pk, "confirm": "True"})
    assert similar_items(fresh(remaining).specific) == [], "a merged item warns no more"


@pytest.mark.parametrize(
    ("language", "nothing", "message"),
    [
        ("fi", "Mitään ei yhdistetty.", "Kohdetta ei voi yhdistää itseensä."),
        ("sv", "Ingenting slogs samman.", "Ett objekt kan inte slås samman med sig självt."),
    ],
)
def test_the_refusal_speaks_the_moderators_language(client, login, users, pair, language, nothing, message):
    _remaining, removed = pair
    login(speaking(users["moderator"], language))
    expect_refusal(client, removed, removed, message, nothing)


def test_each_language_version_redirects_to_the_same_language(client, login, moderator, pair, swedish_index):
    remaining, removed = pair
    versions = {}
    for page in (remaining, removed):
        swedish = page.copy_for_translation(swedish_index.locale)
        swedish.save_revision().publish()
        versions[page.pk] = fresh(swedish)
    old_swedish_url = versions[removed.pk].url
    login(moderator).post(merge_url(removed), {"remaining": remaining.pk, "confirm": "True"})
    client.logout()

    visit = client.get(old_swedish_url)
    assert visit.status_code == 301
    assert visit["Location"].endswith(versions[remaining.pk].url)
    assert not fresh(versions[removed.pk]).live
