"""Duplicate warnings: the editor names existing items that look like the one being added or renamed."""

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.tests.fixtures import homes, index, login, make_model, model_form_data, users
from demo.factories import GoodPracticePageFactory, ModelPageFactory
from methodbank.duplicates import duplicate_pairs, similar_items
from methodbank.models import MethodBankPage
from methodbank.tests.test_stewardship import speaking

__all__ = ["homes", "index", "login", "users"]
pytestmark = pytest.mark.django_db


def item(index, title, slug, owner=None):
    """A published model with its own slug: titles alike must not collide on the address."""
    page = ModelPageFactory(parent=index, title=title, slug=slug, owner=owner)
    page.save_revision(user=owner).publish()
    return MethodBankPage.objects.get(pk=page.pk).specific


def titles(found):
    return {page.title for page, _why in found}


def test_the_same_title_in_other_word_forms_is_found(index):
    make_model(index, title="Opiskelijan hyvinvointimalli")
    other = make_model(index, title="Opiskelijoiden hyvinvointimallit")
    make_model(index, title="Työpaikkaohjaajan koulutus")
    found = similar_items(other)
    assert titles(found) == {"Opiskelijan hyvinvointimalli"}


def test_a_close_title_is_found_and_an_unrelated_one_is_not(index):
    make_model(index, title="Amisappi")
    other = make_model(index, title="AmisAppi 2.0")
    make_model(index, title="Digitaalinen työkirja")
    assert titles(similar_items(other)) == {"Amisappi"}


def test_pairs_are_listed_once(index):
    item(index, "Amisappi", "amisappi")
    item(index, "Amisappi", "amisappi-2")
    item(index, "Jotain muuta kokonaan", "muuta")
    with translation.override("en"):
        pairs = duplicate_pairs(MethodBankPage.objects.all())
    assert [(first.title, second.title) for first, second, _why in pairs] == [("Amisappi", "Amisappi")]
    assert "the same title" in pairs[0][2]


def test_the_editor_warns_after_a_rename_and_shows_the_panel(login, users, index):
    moderator = speaking(users["moderator"], "en")
    make_model(index, owner=moderator, title="Amisappi")
    page = make_model(index, owner=moderator, title="Uusi sovellus")
    client = login(moderator)
    data = model_form_data(page, title="Amisappi", slug="amisappi-2", **{"action-publish": "publish"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)
    html = response.content.decode()
    assert "Similar items already exist: “Amisappi” (the same title)." in html
    assert MethodBankPage.objects.get(pk=page.pk).live  # a warning, never a block

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Similar items already exist. Check that this is not the same item before you publish it:" in html


def test_an_edit_that_keeps_the_title_gives_no_warning(login, users, index):
    moderator = speaking(users["moderator"], "en")
    make_model(index, owner=moderator, title="Amisappi")
    page = item(index, "Amisappi", "amisappi-2", owner=moderator)
    data = model_form_data(page, summary="A new summary.", **{"action-publish": "publish"})
    response = login(moderator).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)
    assert "Similar items already exist:" not in response.content.decode()


def test_items_of_another_kind_are_never_compared(index):
    ModelPageFactory(parent=index, title="Amisappi", slug="amisappi")
    practice = GoodPracticePageFactory(parent=index, title="Amisappi", slug="amisappi-2")
    assert similar_items(practice) == []


def test_pairs_involving_some_pages_leave_out_the_others(index):
    imported = item(index, "Amisappi", "amisappi")
    MethodBankPage.objects.filter(pk=imported.pk).update(import_key="zoomi-1")
    item(index, "AmisAppi 2.0", "amisappi-2")
    item(index, "Työpaikkaohjaajan koulutus", "koulutus-1")
    item(index, "Työpaikkaohjaajien koulutus", "koulutus-2")
    pages = MethodBankPage.objects.all()
    pairs = duplicate_pairs(pages, involving=pages.exclude(import_key=""))
    assert [(first.title, second.title) for first, second, _why in pairs] == [("Amisappi", "AmisAppi 2.0")]
    assert len(duplicate_pairs(pages)) == 2


def test_a_nearly_identical_summary_is_found_whatever_the_title(index):
    summary = "Opiskelija suunnittelee työpaikalla oppimisen jaksonsa yhdessä ohjaajan kanssa ja arvioi sen lopuksi."
    for title, slug in (("Ohjauksen polku", "polku"), ("Täysin toinen nimi", "toinen")):
        page = item(index, title, slug)
        MethodBankPage.objects.filter(pk=page.pk).update(summary=summary)
    item(index, "Kolmas malli", "kolmas")
    with translation.override("en"):
        pairs = duplicate_pairs(MethodBankPage.objects.all())
    assert [(first.title, second.title, why) for first, second, why in pairs] == [
        ("Ohjauksen polku", "Täysin toinen nimi", ["a nearly identical summary"])
    ]


def test_the_number_of_queries_does_not_grow_with_the_items(index, django_assert_max_num_queries):
    """Each item's projects used to cost a query: 20,000 items in a bank took minutes to compare."""
    for number in range(12):
        item(index, f"Malli numero {number}", f"malli-{number}")
    page = item(index, "Malli numero 1", "malli-1-b")
    with django_assert_max_num_queries(8):
        assert len(duplicate_pairs(MethodBankPage.objects.all())) >= 1
    with django_assert_max_num_queries(8):
        assert titles(similar_items(page)) >= {"Malli numero 1"}


def test_an_item_alike_in_title_and_summary_is_listed_once_with_both_reasons(index):
    summary = "Opiskelija suunnittelee työpaikalla oppimisen jaksonsa yhdessä ohjaajan kanssa ja arvioi sen lopuksi."
    for slug in ("polku", "polku-2"):
        page = item(index, "Ohjauksen polku", slug)
        MethodBankPage.objects.filter(pk=page.pk).update(summary=summary)
    with translation.override("en"):
        found = similar_items(MethodBankPage.objects.get(pk=page.pk).specific)
    assert [(other.title, why) for other, why in found] == [
        ("Ohjauksen polku", ["the same title", "a nearly identical summary"])
    ]
