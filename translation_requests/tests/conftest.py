import pytest
from wagtail.models import Locale

from accounts.tests.fixtures import login, make_model, users
from methodbank.models import ProjectPage

__all__ = ["login", "users"]


@pytest.fixture
def finnish_only(method_bank):
    """A published model that exists in Finnish only, as most imported items do."""
    return make_model(method_bank, title="Opintojen henkilökohtaistaminen")


@pytest.fixture
def in_finnish_and_swedish(method_bank):
    """A model published in Finnish and in Swedish, not in English."""
    finnish = make_model(method_bank, title="Ohjauksen vuosikello")
    swedish = finnish.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish.title = "Handledningens årshjul"
    swedish.save_revision().publish()
    return finnish, swedish


@pytest.fixture
def stora_komet(method_bank):
    """The demo's Swedish-only project."""
    return ProjectPage.objects.get(slug="stora-komet", locale__language_code="sv")
