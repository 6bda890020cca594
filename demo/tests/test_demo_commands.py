from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from adoptions.models import Adoption
from demo.adoptions import ADOPTIONS

pytestmark = pytest.mark.django_db


def test_load_demo_twice_duplicates_nothing():
    call_command("load_demo", stdout=StringIO())
    counts = {
        locale: Page.objects.filter(locale__language_code=locale, depth__gt=1).count() for locale in ("fi", "sv", "en")
    }
    call_command("load_demo", stdout=StringIO())
    assert counts == {
        locale: Page.objects.filter(locale__language_code=locale, depth__gt=1).count() for locale in counts
    }
    # Every Finnish page has Swedish and English versions; Stora Komet is written in Swedish only.
    assert counts["fi"] == counts["en"] >= 15
    assert counts["sv"] == counts["fi"] + 1
    assert Adoption.objects.filter(state=Adoption.State.APPROVED).count() == len(ADOPTIONS)


def test_ensure_admin_prints_a_generated_password_once():
    first, second = StringIO(), StringIO()
    call_command("ensure_admin", stdout=first)
    call_command("ensure_admin", stdout=second)
    password = first.getvalue().split("password:")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    assert user.check_password(password)
    assert len(password) >= 12
    assert "password:" not in second.getvalue()
    assert "already exists" in second.getvalue()
