"""The site's menus, footer, link lists and language switcher name no page behind a login or a password."""

import re

import pytest
from wagtail.models import Locale, PageViewRestriction

from home.models import ContentPage, HomePage
from methodbank.models import ModelPage

pytestmark = pytest.mark.django_db


def restrict(page, restriction_type=PageViewRestriction.LOGIN):
    PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password="salasana")
    return page


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_home_page_lists_only_public_pages(client, site, restriction_type):
    privacy = restrict(ContentPage.objects.get(slug="tietosuojaseloste", locale__language_code="fi"), restriction_type)
    about = restrict(ContentPage.objects.get(slug="tietoa", locale__language_code="fi"), restriction_type)
    accessibility = ContentPage.objects.get(slug="saavutettavuusseloste", locale__language_code="fi")
    html = client.get("/fi/").content.decode()
    # The footer (they are footer pages, so not in the main menu).
    for page in (privacy, about):
        assert page.title not in html
        assert page.url not in html
    assert html.count(f'href="{accessibility.url}"') == 1


def test_home_page_featured_cards_skip_restricted_pages(client, site, method_bank):
    shown = ModelPage.objects.get(slug="koulutukseen-tutustuminen", locale__language_code="fi")
    hidden = restrict(ModelPage.objects.get(slug="henkilokohtaistamisen-muistilistat", locale__language_code="fi"))
    home = HomePage.objects.get(locale__language_code="fi")
    home.body.append(("featured_items", {"heading": "Nostot", "pages": [shown, hidden]}))
    home.save_revision().publish()
    html = client.get("/fi/").content.decode()
    assert shown.title in html
    assert " ".join(shown.summary.split()[:5]) in html
    assert hidden.title not in html


def test_language_switcher_skips_a_restricted_translation(client, method_bank):
    model = ModelPage.objects.get(slug="koulutukseen-tutustuminen", locale__language_code="fi")
    swedish = restrict(model.get_translation(Locale.objects.get(language_code="sv")))
    html = client.get(model.url).content.decode()
    assert swedish.url not in html
    hreflangs = set(re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', html))
    assert hreflangs == {"fi", "en", "x-default"}
