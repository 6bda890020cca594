"""The main menu puts the method bank and the search first; the footer's pages are the editor's choice in
Settings → Navigation, whatever their slugs; the breadcrumb names each step once; the menu folds on a phone; the
kept navigation changes as soon as what it shows does."""

import importlib

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from demo.factories import ContentPageFactory
from home.models import ContentPage, FooterLink, SiteNavigation
from methodbank.models import MethodBankIndexPage, ModelPage

pytestmark = pytest.mark.django_db

LANGUAGES = ("fi", "sv", "en")
FOOTER_SLUGS = ("tietoa", "tietosuojaseloste", "saavutettavuusseloste")


def soup(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def menu(page):
    return [(link.get_text(strip=True), link["href"]) for link in page.select(".site-nav a")]


def footer(page):
    return [(link.get_text(strip=True), link["href"]) for link in page.select(".site-footer nav a")]


def in_language(slug, language):
    return ContentPage.objects.get(slug=slug, locale__language_code="fi").get_translation(
        Locale.objects.get(language_code=language)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_menu_starts_with_the_method_bank_and_search_and_leaves_the_footer_pages_out(
    client, method_bank, language
):
    index = MethodBankIndexPage.objects.get(locale__language_code=language)
    instructions = in_language("ohje-mallin-kuvaamiseen", language)
    with translation.override(language):
        search = reverse("search")
    assert [href for _text, href in menu(soup(client, f"/{language}/"))] == [index.url, search, instructions.url]


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_lists_about_privacy_and_accessibility_sign_up_and_open_data_in_the_visitors_language(
    client, site, language
):
    with translation.override(language):
        register = reverse("register")
        open_data = reverse("open_data")
    pages = [in_language(slug, language) for slug in FOOTER_SLUGS]
    links = footer(soup(client, f"/{language}/"))
    assert links[:3] == [(page.title, page.url) for page in pages]
    assert links[3][1] == register
    assert links[4] == ({"fi": "Avoin data", "sv": "Öppna data", "en": "Open data"}[language], open_data)
    assert soup(client, open_data).select_one('.site-footer a[aria-current="page"]')["href"] == open_data


def test_editor_moves_a_page_to_the_footer_in_the_navigation_setting(client, site):
    instructions = ContentPage.objects.get(slug="ohje-mallin-kuvaamiseen", locale__language_code="fi")
    english = in_language("ohje-mallin-kuvaamiseen", "en")
    navigation = SiteNavigation.for_site(Site.objects.get(is_default_site=True))
    FooterLink.objects.create(navigation=navigation, page=instructions, sort_order=3)

    page = soup(client, "/en/")
    assert (english.title, english.url) not in menu(page)
    # After the three footer pages, before the sign-up link.
    assert footer(page)[3] == (english.title, english.url)


def test_footer_pages_do_not_depend_on_their_slugs(client, site):
    statement = ContentPage.objects.get(slug="saavutettavuusseloste", locale__language_code="fi")
    swedish = in_language("saavutettavuusseloste", "sv")
    swedish.slug = "tillganglighetsutlatande"
    swedish.save_revision().publish()
    statement.slug = "saavutettavuus"
    statement.save_revision().publish()

    for language, page in (("fi", statement), ("sv", swedish)):
        html = soup(client, f"/{language}/")
        page.refresh_from_db()
        assert (page.title, page.url) in footer(html)
        assert page.url not in [href for _text, href in menu(html)]


def test_the_data_migration_names_the_footer_pages_of_an_existing_site(client, site):
    SiteNavigation.objects.all().delete()
    # Before the setting, every content page was in the main menu.
    assert "Tietosuojaseloste" in [text for text, _href in menu(soup(client, "/fi/"))]

    migration = importlib.import_module("home.migrations.0004_footer_links_for_existing_sites")
    migration.name_footer_pages(apps, None)

    (navigation,) = SiteNavigation.objects.all()
    assert [link.page.slug for link in navigation.footer_links.all()] == list(FOOTER_SLUGS)
    assert "Tietosuojaseloste" not in [text for text, _href in menu(soup(client, "/fi/"))]


@pytest.mark.parametrize(
    ("language", "home", "bank"), [("fi", "Etusivu", "Menetelmäpankki"), ("sv", "Startsida", "Metodbanken")]
)
def test_breadcrumb_names_the_home_page_once_and_the_method_bank_once(client, method_bank, language, home, bank):
    index = MethodBankIndexPage.objects.get(locale__language_code=language)
    trail = [item.get_text(strip=True) for item in soup(client, index.url).select(".breadcrumbs li")]
    # The home page is titled with the site's name, as the method bank is: it used to read "Metodbanken / Metodbanken".
    assert trail == [home, bank]

    model = ModelPage.objects.get(slug="koulutukseen-tutustuminen", locale__language_code="fi")
    model = model.get_translation(Locale.objects.get(language_code=language))
    trail = [item.get_text(strip=True) for item in soup(client, model.url).select(".breadcrumbs li")]
    assert trail == [home, bank, model.title]


@pytest.mark.parametrize(("language", "label"), [("fi", "Valikko"), ("sv", "Meny"), ("en", "Menu")])
def test_main_menu_is_a_disclosure_that_works_without_javascript(client, site, language, label):
    nav = soup(client, f"/{language}/").select_one("nav.site-nav")
    details = nav.select_one("details")
    assert details.summary.get_text(strip=True) == label
    # Every menu link is inside the disclosure, and the page needs no script for it.
    assert len(details.select("a")) == len(nav.select("a")) >= 2
    assert nav.find("script") is None


def test_an_editor_chooses_the_footer_pages_in_the_admin(client, site, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.fi", "a-long-password"))
    site_id = Site.objects.get(is_default_site=True).pk
    url = f"/admin/settings/home/sitenavigation/{site_id}/"
    assert client.get(url).status_code == 200
    statement = ContentPage.objects.get(slug="saavutettavuusseloste", locale__language_code="fi")
    existing = FooterLink.objects.filter(navigation__site_id=site_id)
    # The editor removes the three footer links the demo set and keeps the accessibility statement alone.
    forms = [
        {"id": link.pk, "page": link.page_id, "ORDER": order, "DELETE": "1"} for order, link in enumerate(existing)
    ]
    forms.append({"page": statement.pk, "ORDER": len(forms)})
    data = nested_form_data({"footer_links": inline_formset(forms, initial=len(existing))})
    assert client.post(url, data).status_code == 302

    client.logout()
    links = footer(soup(client, "/fi/"))
    assert links[0] == (statement.title, statement.url)
    assert len(links) == 3  # the statement, the sign-up page and the open data


@pytest.fixture
def kept_navigation(site, settings):
    """The demo site with the navigation kept between pages, as in production."""
    settings.PUBLISHED_CACHE_SECONDS = 600
    cache.clear()
    yield site
    cache.clear()


def navigation_queries(client, path):
    tables = (FooterLink._meta.db_table, SiteNavigation._meta.db_table)
    with CaptureQueriesContext(connection) as queries:
        page = soup(client, path)
    return page, [query["sql"] for query in queries if any(table in query["sql"] for table in tables)]


def test_the_kept_navigation_is_read_once_and_changes_as_soon_as_a_page_is_published_or_unpublished(
    client, kept_navigation
):
    first, read = navigation_queries(client, "/fi/")
    assert read
    again, read = navigation_queries(client, "/fi/")
    assert not read
    assert menu(again) == menu(first)
    assert footer(again) == footer(first)
    # Each language has its own.
    swedish = in_language("ohje-mallin-kuvaamiseen", "sv")
    assert (swedish.title, swedish.url) in menu(soup(client, "/sv/"))
    assert (swedish.title, swedish.url) not in menu(again)

    home = Site.objects.get(is_default_site=True).root_page
    news = ContentPageFactory(parent=home, title="Ajankohtaista", show_in_menus=True)
    news.save_revision().publish()
    assert ("Ajankohtaista", news.url) in menu(soup(client, "/fi/"))

    news.unpublish()
    assert "Ajankohtaista" not in [text for text, _href in menu(soup(client, "/fi/"))]


def test_the_kept_footer_follows_the_navigation_setting_at_once(client, kept_navigation):
    instructions = in_language("ohje-mallin-kuvaamiseen", "en")
    assert (instructions.title, instructions.url) in menu(soup(client, "/en/"))
    navigation = SiteNavigation.for_site(Site.objects.get(is_default_site=True))
    link = FooterLink.objects.create(navigation=navigation, page=instructions, sort_order=3)

    page = soup(client, "/en/")
    assert (instructions.title, instructions.url) not in menu(page)
    assert footer(page)[3] == (instructions.title, instructions.url)

    link.delete()
    page = soup(client, "/en/")
    assert (instructions.title, instructions.url) in menu(page)
    assert (instructions.title, instructions.url) not in footer(page)
