"""The home page is the front door of the bank: themes with live counts, featured, newest and recently evaluated
items, figures and the way to contribute, in fi, sv and en."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from demo.data import load
from demo.factories import ModelPageFactory
from home.models import HomePage
from methodbank.models import EvaluationRecord, MethodBankIndexPage, MethodBankPage, ModelPage, Theme
from methodbank.models.evaluation import Light, Outcome, Phase, Status
from search import service

pytestmark = pytest.mark.django_db

LANGUAGES = ("fi", "sv", "en")
FEATURED = load("site")["home"]["featured"]


def soup(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def digits(text):
    return int(re.search(r"\d+", text).group())


def theme_counts(page):
    """``{theme name: count}`` for the main themes and sub-themes the themes block shows."""
    counts = {}
    for theme in page.select(".bank-themes__theme"):
        title = theme.select_one(".bank-themes__title")
        counts[title.a.get_text(strip=True)] = digits(title.select_one(".bank-themes__count").get_text())
        for child in theme.select(".bank-themes__subthemes li"):
            name = child.get_text(" ", strip=True).rsplit("(", 1)[0].strip()
            counts[name] = digits(child.select_one(".bank-themes__count").get_text())
    return counts


def figures(page):
    return [
        (digits(item.select_one(".bank-figures__value").get_text()), item.select_one("a")["href"] if item.a else None)
        for item in page.select(".bank-figures__figure")
    ]


def section(page, heading):
    return page.find("h2", string=heading).find_parent("section")


def listing_count(language, params):
    search_request = service.SearchRequest.from_params(QueryDict(params), language=language)
    return service.search(search_request).count


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_main_theme_shows_its_sub_themes_counts_and_links_in_the_visitors_language(client, method_bank, language):
    page = soup(client, f"/{language}/")
    index_url = MethodBankIndexPage.objects.get(locale__language_code=language).url
    counts = theme_counts(page)
    main_themes = Theme.objects.filter(locale__language_code=language, parent=None).order_by("sort_order", "code")
    assert [theme.select_one("h3 a").get_text(strip=True) for theme in page.select(".bank-themes__theme")] == [
        theme.name for theme in main_themes
    ]
    for theme in main_themes:
        link = page.find("a", href=f"{index_url}?theme={theme.code}")
        assert link is not None and link.get_text(strip=True) == theme.name
        # The number is what the link lists.
        assert counts[theme.name] == listing_count(language, f"theme={theme.code}")
        for child in theme.children.all():
            assert counts[child.name] == listing_count(language, f"theme={child.code}")
    assert sum(counts[theme.name] for theme in main_themes) > 0


def test_counts_newest_and_figures_follow_a_published_item_through_the_page_cache(client, method_bank, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    sub_theme = Theme.objects.get(code="C1", locale__language_code="fi")
    before = soup(client, "/fi/")
    assert client.get("/fi/")["X-Page-Cache"] == "hit"

    model = ModelPageFactory(parent=method_bank, title="Uusi tukimalli keskeyttämisen ehkäisyyn", themes=[sub_theme])
    model.save_revision().publish()
    after = soup(client, "/fi/")

    counts_before, counts_after = theme_counts(before), theme_counts(after)
    assert counts_after[sub_theme.name] == counts_before[sub_theme.name] + 1
    assert counts_after[sub_theme.parent.name] == counts_before[sub_theme.parent.name] + 1
    items_before, models_before = figures(before)[:2]
    items_after, models_after = figures(after)[:2]
    assert (items_after[0], models_after[0]) == (items_before[0] + 1, models_before[0] + 1)
    newest = section(after, "Uusimmat mallit").select("h3 a")
    assert newest[0].get_text(strip=True) == model.title
    cache.clear()


def test_figures_count_items_models_projects_and_regions_and_link_to_the_listing(client, method_bank):
    page = soup(client, "/en/")
    index_url = MethodBankIndexPage.objects.get(locale__language_code="en").url
    (items, items_url), (models, models_url), (projects, projects_url), (regions, regions_url) = figures(page)
    assert (items, items_url) == (listing_count("en", ""), index_url)
    assert (models, models_url) == (listing_count("en", "type=model"), f"{index_url}?type=model")
    assert (projects, projects_url) == (listing_count("en", "type=project"), f"{index_url}?type=project")
    labels = [label.get_text(strip=True) for label in page.select(".bank-figures__label")]
    assert labels == ["items in the bank", "models", "projects", "regions with items"]
    # Regions with at least one item, "the whole country" not counted as a region.
    assert 0 < regions < 19 and regions_url is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_featured_items_are_the_editors_choice_in_the_visitors_language(client, method_bank, language):
    home = HomePage.objects.get(locale__language_code=language)
    (block,) = [block for block in home.body if block.block_type == "featured_items"]
    page = soup(client, f"/{language}/")
    cards = section(page, block.value["heading"]).select("h3 a")
    locale = Locale.objects.get(language_code=language)
    expected = []
    for slug in FEATURED:
        item = MethodBankPage.objects.get(slug=slug, locale__language_code="fi")
        translated = item.get_translation_or_none(locale) or item
        expected.append((translated.title, translated.url))
    assert [(card.get_text(strip=True), card["href"]) for card in cards] == expected


def test_recently_evaluated_shows_the_latest_completed_evaluation_first(client, method_bank):
    model = ModelPage.objects.get(slug="opintoihin-kiinnittymisen-toimintamalli", locale__language_code="fi")
    before = soup(client, "/sv/")
    titles_before = [link.get_text(strip=True) for link in section(before, "Senast utvärderade").select("h3 a")]
    swedish = model.get_translation(Locale.objects.get(language_code="sv"))
    assert swedish.title not in titles_before

    EvaluationRecord.objects.create(
        page=model,
        phase=Phase.PEER,
        evaluated_on=timezone.localdate(),
        spreadability=Light.GREEN,
        documentation=Light.GREEN,
        pilot_evidence=Light.YELLOW,
        results=Light.GREEN,
        summary="Toimii.",
        outcome=Outcome.PASSED,
        status=Status.COMPLETED,
    )
    after = section(soup(client, "/sv/"), "Senast utvärderade")
    first = after.select_one("li")
    assert first.select_one("h3 a").get_text(strip=True) == swedish.title
    assert "Kollegialt bedömd" in first.select_one(".badge").get_text(" ", strip=True)
    assert "Utvärderad" in first.select_one(".result-card__meta").get_text(" ", strip=True)
    index_url = MethodBankIndexPage.objects.get(locale__language_code="sv").url
    assert after.find("a", href=f"{index_url}?evaluation=peer&evaluation=expert") is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_contribute_block_links_to_the_sign_up_page(client, site, language):
    page = soup(client, f"/{language}/")
    with translation.override(language):
        register = reverse("register")
    contribute = page.select_one(".contribute")
    assert contribute.find("a", href=register) is not None
    # And the footer of every page links to it too.
    assert page.select_one(".site-footer").find("a", href=register) is not None


def query_count(client, path):
    """Queries of a request after a first one: publishing empties caches (the site's root paths) that a first
    request fills, whatever the page shows."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


# Measured with a little room; raise it only for a reason you can name.
HOME_MAX_QUERIES = 70


def test_home_page_queries_do_not_grow_with_the_items_it_shows(client, method_bank):
    home = HomePage.objects.get(locale__language_code="sv")
    with_many = query_count(client, "/sv/")
    assert with_many <= HOME_MAX_QUERIES

    fewer = []
    for block in home.body:
        value = block.value
        if block.block_type == "featured_items":
            value["pages"] = [value["pages"][0]]
        elif block.block_type in ("newest_items", "recently_evaluated"):
            value["count"] = 1
        fewer.append((block.block_type, value))
    home.body = fewer
    home.save_revision().publish()
    assert query_count(client, "/sv/") == with_many
