"""Pages made private in the admin leave every search front end at once, cached pages included."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from methodbank.models import ModelPage, ProjectPage

pytestmark = [pytest.mark.backend]

TITLE = "KOULUTUKSEEN TUTUSTUMINEN - Tutustujan perehdytys ja Tervetuloa tutustumaan koulutukseen -ohje"


@pytest.fixture
def page_cache_on(settings):
    """The page cache on, and the pages search must hide kept between requests (core.page_cache.kept), as in
    production."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.PUBLISHED_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.fi", "a-long-password"))
    return client


@pytest.fixture
def model(demo):
    return ModelPage.objects.get(locale__language_code="fi", title=TITLE)


def make_private(editor, page):
    """The admin's privacy dialog: "Private, accessible to any logged-in users"."""
    response = editor.post(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), {"restriction_type": "login"})
    assert response.json()["step"] == "set_privacy_done"


def what_visitors_find(client, page):
    """Where an anonymous visitor finds ``page``: the site search, the method bank, the API, autocomplete."""
    api = client.get("/api/search/", {"lang": "fi", "q": "koulutukseen tutustuminen"}).json()
    suggestions = client.get("/api/search/autocomplete/", {"lang": "fi", "q": "koulutukseen"}).json()["suggestions"]
    found = {
        "site search": page.url in client.get("/fi/haku/", {"q": "koulutukseen tutustuminen"}).content.decode(),
        "method bank": page.url in client.get(page.get_parent().url).content.decode(),
        "api": page.title in [item["title"] for item in api["results"]],
        "autocomplete": page.title in [item["title"] for item in suggestions],
    }
    return {where for where, yes in found.items() if yes}


EVERYWHERE = {"site search", "method bank", "api", "autocomplete"}


def test_a_page_made_private_leaves_search_and_the_method_bank_at_once(client, editor, model, page_cache_on):
    assert what_visitors_find(client, model) == EVERYWHERE

    make_private(editor, model)

    assert what_visitors_find(client, model) == set()


def test_pages_under_a_private_section_leave_search_at_once(client, editor, model, page_cache_on):
    assert what_visitors_find(client, model) == EVERYWHERE

    make_private(editor, model.get_parent())

    api = client.get("/api/search/", {"lang": "fi", "q": "koulutukseen tutustuminen"}).json()
    assert api["count"] == 0
    assert model.url not in client.get("/fi/haku/", {"q": "koulutukseen tutustuminen"}).content.decode()
    assert client.get("/api/search/autocomplete/", {"lang": "fi", "q": "koulutukseen"}).json()["suggestions"] == []


def test_searches_in_the_method_bank_are_counted_when_cached(client, demo, page_cache_on):
    index = Page.objects.get(pk=demo.pk)
    first = client.get(index.url, {"q": "ohjaus"})
    second = client.get(index.url, {"q": "ohjaus"})

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert Query.get("ohjaus").hits == 2


def test_the_year_filter_offers_no_year_that_only_a_private_project_has(client, editor, demo, page_cache_on):
    project = ProjectPage.objects.filter(locale__language_code="fi").first()
    project.end_date = datetime.date(2031, 6, 30)
    project.save_revision().publish()

    def years_offered():
        facets = client.get("/api/search/", {"lang": "fi"}).json()["facets"]
        return {value["value"] for value in facets["year"]}

    assert "2031" in years_offered()

    make_private(editor, project)

    assert "2031" not in years_offered()
