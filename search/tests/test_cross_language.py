"""The whole bank in every language: items without a version in the visitor's language, and queries naming
vocabulary terms, on every backend."""

import re

import pytest
from wagtail.models import Locale

from demo.factories import GoodPracticePageFactory, KeywordFactory
from methodbank.models import GoodPracticePage, MethodBankIndexPage, ProjectPage, Region, TargetGroup, Theme
from search.analysis import sort_key
from search.models import SearchDocument
from search.tests.helpers import run, titles

pytestmark = [pytest.mark.backend]

FINNISH_ONLY = "Maahanmuuttajien ohjauspolku"


def finnish(model, code):
    return model.objects.get(code=code, locale__language_code="fi")


@pytest.fixture
def finnish_only(demo, search_backend):
    """A Finnish good practice with no Swedish or English version, tagged with the target group immigrants
    and with Lapland, which its text does not name."""
    page = GoodPracticePageFactory(
        parent=MethodBankIndexPage.objects.get(locale__language_code="fi"),
        title=FINNISH_ONLY,
        summary="Maahanmuuttajataustaiset opiskelijat saavat oman ohjaajan koko opintojen ajaksi.",
        project=ProjectPage.objects.get(locale__language_code="fi", acronym="SOPU"),
        themes=[finnish(Theme, "B2")],
        target_groups=[finnish(TargetGroup, "immigrants")],
        regions=[finnish(Region, "fi-10")],
    )
    word_forms = {
        "fi": "maahanmuuttaja\nmaahanmuuttajataustainen",
        "sv": "invandrare\ninvandrarbakgrund",
        "en": "immigrant\nimmigrants",
    }
    for language, forms in word_forms.items():
        TargetGroup.objects.filter(code="immigrants", locale__language_code=language).update(word_forms=forms)
    search_backend.refresh_indexes()
    return page


def listed(result):
    return [(item["title"], item["locale"]) for item in result.results]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_whole_bank_is_listed_in_every_language_each_item_once(finnish_only, language):
    result = run("page_size=100", language=language)
    # 11 items in every language, Stora Komet in Swedish and the new Finnish-only practice.
    assert result.count == len(result.results) == 13
    keys = SearchDocument.objects.filter(pk__in=[item["page"].pk for item in result.results]).values_list(
        "translation_key", flat=True
    )
    assert len(set(keys)) == 13
    assert (FINNISH_ONLY, "fi") in listed(result)
    # Items that have a version in the visitor's language are listed in it, never also in Finnish.
    assert {locale for _title, locale in listed(result)} == {language, "fi", "sv"}
    assert [locale for _title, locale in listed(result)].count("fi") == 1


def test_among_equally_relevant_results_the_visitors_language_comes_first(finnish_only):
    result = run("page_size=100", language="en")
    locales = [locale for _title, locale in listed(result)]
    assert locales == ["en"] * 11 + ["fi", "sv"]  # then the others by title
    english_titles = titles(result)[:11]
    assert english_titles == sorted(english_titles, key=lambda title: sort_key(title, "en"))
    # Sorted by title, the languages mix.
    by_title = run("page_size=100&sort=title", language="en")
    assert [locale for _title, locale in listed(by_title)] != locales


def test_only_items_in_the_visitors_language_on_request(finnish_only):
    every = run(language="sv")
    only = run("only_lang=true&page_size=100", language="sv")
    assert every.own_language_count == only.count == only.own_language_count == 12
    assert FINNISH_ONLY not in titles(only)
    assert [(group["language"], group["count"]) for group in only.also_available] == [("fi", 1)]
    assert only.also_available[0]["results"][0]["title"] == FINNISH_ONLY


def test_facet_counts_include_other_languages_and_stay_disjunctive(finnish_only):
    result = run("type=practice&theme=B", language="sv")
    counts = {entry["value"]: entry["count"] for entry in result.facets["type"]}
    themes = {entry["value"]: entry["count"] for entry in result.facets["theme"]}
    assert FINNISH_ONLY in titles(result)
    # Each facet counts with the other facet's selection only: the practice is in both counts.
    assert counts["practice"] == result.count
    assert themes["B"] == result.count
    assert counts["project"] == run("type=project&theme=B", language="sv").count
    only = run("type=practice&theme=B&only_lang=true", language="sv")
    assert {entry["value"]: entry["count"] for entry in only.facets["type"]}["practice"] == result.count - 1
    assert result.own_language_count == only.count


def test_an_item_in_another_language_is_labelled_in_the_visitors(finnish_only):
    [item] = [item for item in run("page_size=100", language="sv").results if item["title"] == FINNISH_ONLY]
    assert (item["lang"], item["language_note"]) == ("fi", "på finska")
    assert item["type_label"] == "Gott exempel"
    assert [theme["label"] for theme in item["themes"]] == [
        "Vägledningstjänster och nya arbetssätt som utvecklar vägledningen"
    ]
    assert [region["label"] for region in item["regions"]] == ["Lappland"]
    assert [group["label"] for group in item["target_groups"]] == ["Studerande med invandrarbakgrund"]
    # Its project has a Swedish version: that one is shown.
    assert [(project["title"], project["locale"]) for project in item["projects"]] == [
        ("SOPU – Smidiga egna vägar", "sv")
    ]


@pytest.mark.parametrize(
    ("language", "query", "why"),
    [
        ("en", "immigrants", "target group: Students with an immigrant background"),
        ("en", "immigrant", "target group: Students with an immigrant background"),
        ("sv", "invandrare", "målgrupp: Studerande med invandrarbakgrund"),
        ("sv", "invandrarbakgrund", "målgrupp: Studerande med invandrarbakgrund"),
        ("sv", "studerande med invandrarbakgrund", "målgrupp: Studerande med invandrarbakgrund"),
        ("fi", "maahanmuuttajataustaiset", "kohderyhmä: Maahanmuuttajataustaiset opiskelijat"),
    ],
)
def test_a_query_naming_a_vocabulary_term_finds_the_items_tagged_with_it(finnish_only, language, query, why):
    result = run(f"q={query}", language=language)
    [item] = [item for item in result.results if item["title"] == FINNISH_ONLY]
    assert [f"{match['facet_label']}: {match['label']}" for match in item["matched"]] == [why]


def test_a_word_of_a_longer_name_does_not_name_the_term(finnish_only):
    assert FINNISH_ONLY not in titles(run("q=background", language="en"))
    assert FINNISH_ONLY not in titles(run("q=students", language="en"))


def test_a_named_term_combines_with_other_words_and_filters(finnish_only):
    assert titles(run("q=immigrants SOPU", language="en")) == [FINNISH_ONLY]
    assert run("q=immigrants&type=project", language="en").count == 0


def test_keywords_and_regions_are_named_too(finnish_only, search_backend):
    finnish_keyword = KeywordFactory(name="vertaismentorointi", code="peer-mentoring")
    KeywordFactory(
        name="kamratmentorskap",
        code="peer-mentoring",
        locale=Locale.objects.get(language_code="sv"),
        translation_key=finnish_keyword.translation_key,
        word_forms="mentorskap",
    )
    finnish_only.keywords.set([finnish_keyword])
    finnish_only.save_revision().publish()
    search_backend.refresh_indexes()
    found = run("q=mentorskap", language="sv")
    [item] = [item for item in found.results if item["title"] == FINNISH_ONLY]
    assert item["matched"] == [
        {"facet": "keyword", "facet_label": "nyckelord", "value": "peer-mentoring", "label": "kamratmentorskap"}
    ]
    # The practice's Finnish text says Lappi, not Lapland.
    [item] = run("q=Lapland", language="en").results
    assert item["matched"] == [{"facet": "region", "facet_label": "region", "value": "fi-10", "label": "Lapland"}]


def test_pages_show_the_language_of_each_result_and_the_filter(client, finnish_only):
    index = MethodBankIndexPage.objects.get(locale__language_code="sv")
    html = client.get(index.url, {"page_size": 100}).content.decode()
    card = re.search(rf"<article class=\"result-card\">(?:(?!</article>).)*{FINNISH_ONLY}.*?</article>", html, re.S)
    assert card, "the Finnish-only practice is listed"
    card = card.group(0)
    assert f'lang="fi" hreflang="fi">{FINNISH_ONLY}</a>' in card
    assert '<p class="result-card__summary" lang="fi">' in card
    assert '<span class="result-card__language">på finska</span>' in card
    assert "Gott exempel" in card and "Studerande med invandrarbakgrund" in card
    assert "SOPU – Smidiga egna vägar" in card
    assert 'name="only_lang" value="true"' in html
    assert "Endast träffar på svenska" in html
    only = client.get(index.url, {"only_lang": "true"}).content.decode()
    assert FINNISH_ONLY in only  # under "also available in Finnish"
    assert "Visa resultaten på alla språk" in only
    search = client.get("/en/search/", {"q": "immigrants"}).content.decode()
    assert f'lang="fi" hreflang="fi">{FINNISH_ONLY}</a>' in search
    assert "target group: Students with an immigrant background" in search


def test_the_api_gives_each_results_language_and_why_it_matched(client, finnish_only):
    body = client.get("/api/search/", {"lang": "en", "q": "immigrants"}).json()
    [item] = [item for item in body["results"] if item["title"] == FINNISH_ONLY]
    assert item["locale"] == "fi"
    assert item["matched"] == [
        {"facet": "target_group", "value": "immigrants", "label": "Students with an immigrant background"}
    ]
    assert item["projects"][0]["title"] == "SOPU – Smooth personal pathways"
    assert body["only_lang"] is False
    only = client.get("/api/search/", {"lang": "en", "q": "immigrants", "only_lang": "true"}).json()
    assert FINNISH_ONLY not in [item["title"] for item in only["results"]]
    assert [group["locale"] for group in only["also_available"]] == ["fi"]
    assert only["only_lang"] is True


def test_a_translation_published_later_replaces_the_other_language_in_the_listing(finnish_only, search_backend):
    swedish = finnish_only.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish.title = "Invandrarnas vägledningsstig"
    swedish.save_revision().publish()
    search_backend.refresh_indexes()
    result = run("page_size=100", language="sv")
    assert ("Invandrarnas vägledningsstig", "sv") in listed(result)
    assert FINNISH_ONLY not in titles(result)
    assert result.count == 13
    assert GoodPracticePage.objects.filter(translation_key=finnish_only.translation_key).count() == 2


def test_an_item_is_never_listed_in_another_language_when_it_has_the_visitors(demo):
    # The Finnish text of the practice matches; its Swedish version, the one Swedish visitors get, does not.
    assert "Yksilövalmennus" in titles(run("q=yksilövalmennus"))
    swedish = run("q=yksilövalmennus", language="sv")
    assert {item["locale"] for item in swedish.results} <= {"sv"}
    assert "Yksilövalmennus" not in titles(swedish)
