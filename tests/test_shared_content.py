"""The shared content of the suite (conftest.SharedContent): each test sees its state, and nothing another test wrote."""

import pytest

from demo.factories import ContentPageFactory
from home.models import ContentPage, HomePage
from methodbank.models import MethodBankPage


@pytest.mark.parametrize("run", ["first", "second"])
def test_a_page_one_test_adds_to_the_shared_demo_is_gone_for_the_next(method_bank, run):
    assert not ContentPage.objects.filter(slug="leak-probe").exists()
    ContentPageFactory(parent=method_bank.get_parent(), slug="leak-probe", title="Leak probe")
    assert ContentPage.objects.filter(slug="leak-probe").exists()


def test_a_change_to_the_given_page_object_stays_in_the_test(method_bank):
    assert method_bank.title != "Changed in memory"
    method_bank.title = "Changed in memory"


def test_a_test_that_builds_its_own_content_starts_from_an_empty_site(db):
    assert not HomePage.objects.exists()
    assert not MethodBankPage.objects.exists()


def test_the_site_holds_its_home_pages_and_no_method_bank(site):
    assert {page.locale.language_code for page in HomePage.objects.all()} == {"fi", "sv", "en"}
    assert not MethodBankPage.objects.exists()
