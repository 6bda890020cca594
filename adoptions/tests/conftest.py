"""Fixtures the adoption tests share: an organisation that adopts and a moderator who decides."""

import pytest

from accounts.roles import MODERATORS
from accounts.tests.fixtures import make_user
from adoptions.tests.test_adoptions import item_locale
from demo.factories import OrganisationFactory


@pytest.fixture
def college(method_bank):
    return OrganisationFactory(name="Lakeside College", locale=item_locale("en"))


@pytest.fixture
def moderator(method_bank):
    return make_user("moderator", MODERATORS)
