"""Search behaviour on the demo content; the same on every search backend."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from demo.factories import GoodPracticePageFactory
from methodbank.models import GoodPracticePage, MethodBankIndexPage, Region, Theme
from search.documents import deferred_updates
from search.models import SearchDocument
from search.tests.helpers import run, titles

pytestmark = [pytest.mark.backend]

# The demo's items carry the titles their sources give them.
VAMOS = "Vamos 2. aste – opintoihin kiinnittyminen, läpäisy ja pudokkuuden ehkäisy"
MODEL_OF_VAMOS = (
    "Valtakunnallinen toimintamalli 2. asteen opintoihin kiinnittymiseksi, läpäisemiseksi ja pudokkuuden ehkäisemiseksi"
)
MODEL_OF_SOPU = "KOULUTUKSEEN TUTUSTUMINEN - Tutustujan perehdytys ja Tervetuloa tutustumaan koulutukseen -ohje"


def counts(result, facet):
    listing = {}
    for entry in result.facets[facet]:
        listing[entry["value"]] = entry["count"]
        for child in entry.get("children", []):
            listing[child["value"]] = child["count"]
    return listing


def test_empty_query_browses_every_item_once(demo):
    result = run()
    assert result.count == 12  # 4 projects, 3 models, 4 good practices in Finnish, and Stora Komet in Swedish
    assert counts(result, "type") == {"project": 5, "model": 3, "practice": 4}
    assert [(item["title"], item["locale"]) for item in result.results][-1] == ("Stora Komet", "sv")
    assert result.own_language_count == 11
    finnish_only = run("only_lang=true")
    assert finnish_only.count == 11
    assert "Stora Komet" not in titles(finnish_only)


def test_every_facet_value_is_listed_even_without_matches(demo):
    result = run()
    themes = result.facets["theme"]
    assert [entry["value"] for entry in themes] == ["A", "B", "C", "D"]
    assert [child["value"] for child in themes[1]["children"]] == [f"B{number}" for number in range(1, 9)]
    assert len(result.facets["region"]) == Region.objects.filter(locale__language_code="fi").count() == 20
    lapland = next(entry for entry in result.facets["region"] if entry["value"] == "fi-10")
    assert lapland == {"value": "fi-10", "label": "Lappi", "count": 0, "selected": False}
    assert {entry["value"] for entry in result.facets["evaluation"]} == {"none", "peer", "expert"}


def test_facet_counts_on_the_demo_data(demo):
    result = run("only_lang=true")
    # A main theme counts the items of its sub-themes too.
    assert counts(result, "theme")["C"] == 6
    assert counts(result, "theme")["C1"] == 3
    assert counts(result, "theme")["D"] == 1
    assert counts(result, "region")["fi-18"] == 5
    assert counts(result, "evaluation") == {"none": 9, "peer": 1, "expert": 1}
    # Models and practices take funding and scope from their project.
    assert counts(result, "funding")["esf"] == 9
    assert counts(result, "scope") == {"national": 9, "regional": 2}
    assert counts(result, "year") == {"2021": 9, "2020": 0, "2019": 2}  # 2020: Stora Komet, Swedish only
    # Every item: Stora Komet (Swedish, 2020, theme D1, ESF, regional) counts too.
    every = run()
    assert counts(every, "year") == {"2021": 9, "2020": 1, "2019": 2}
    assert (counts(every, "theme")["D"], counts(every, "theme")["D1"]) == (2, 1)
    assert counts(every, "funding")["esf"] == 10
    assert counts(every, "scope") == {"national": 9, "regional": 3}


def test_labels_follow_the_language(demo):
    swedish = run(language="sv")
    assert next(entry for entry in swedish.facets["region"] if entry["value"] == "fi-10")["label"] == "Lappland"
    types = [(entry["value"], entry["label"]) for entry in swedish.facets["type"]]
    assert types == [("project", "Projekt"), ("model", "Modell"), ("practice", "Gott exempel")]
    assert {theme["label"] for item in swedish.results for theme in item["themes"]} >= {
        "Smidig övergång till utbildning"
    }


def test_values_of_one_facet_are_ored_and_facets_anded(demo):
    models = run("type=model")
    assert models.count == 3
    models_or_practices = run("type=model&type=practice")
    assert models_or_practices.count == 7
    narrowed = run("type=model&type=practice&theme=C1")
    assert sorted(titles(narrowed)) == [MODEL_OF_VAMOS, "Yksilövalmennus"]


def test_each_facet_counts_with_the_other_facets_selections(demo):
    result = run("type=model&theme=C")
    assert result.count == 1
    # The type facet ignores its own selection: other types stay visible with their counts.
    assert counts(result, "type") == {"project": 3, "model": 1, "practice": 2}
    # The theme facet counts models only.
    assert counts(result, "theme")["A"] == 1
    assert counts(result, "theme")["C"] == 1
    # Every other facet counts the items matching both selections.
    assert counts(result, "evaluation") == {"none": 1, "peer": 0, "expert": 0}
    selected = [entry["value"] for entry in result.facets["type"] if entry["selected"]]
    assert selected == ["model"]


def test_selected_main_theme_finds_items_of_its_sub_themes(demo):
    parent = MethodBankIndexPage.objects.get(locale__language_code="fi")
    GoodPracticePageFactory(
        parent=parent, title="Vain alateema", summary="Kokeilu.", themes=list(Theme.objects.filter(code="B5"))[:1]
    )
    assert "Vain alateema" in titles(run("theme=B"))
    assert run("theme=B").count == 5
    assert run("theme=B5").count == 1


@pytest.mark.parametrize("query", ["siirtymä", "siirtymien", "siirtymiin", "siirtymävaiheessa"])
def test_finnish_inflected_and_compound_queries_find_the_word(demo, query):
    assert "ZOOMI - sujuvia siirtymiä edistämässä" in titles(run(f"q={query}"))


@pytest.mark.parametrize("query", ["övergångar", "övergången", "övergång"])
def test_swedish_inflected_queries_find_the_word(demo, query):
    assert "ZOOMI – för smidiga övergångar" in titles(run(f"q={query}", language="sv"))


def test_swedish_compound_in_the_text_is_found_by_its_part(demo):
    assert "Stora Komet" in titles(run("q=högskola", language="sv"))


def test_finnish_compound_query_finds_its_parts(demo):
    found = titles(run("q=keskeyttämisvaarassa"))
    assert VAMOS in found
    assert MODEL_OF_VAMOS in found


def test_search_covers_summary_body_project_organisations_and_regions(demo):
    assert MODEL_OF_SOPU in titles(run("q=tutustumisjakso"))  # summary, inflected
    # The project's name on a good practice.
    assert "HENKILÖKOHTAISTAMISEN KEHITTÄMINEN - Palautekyselyt" in titles(run("q=SOPU"))
    assert "Yhessä" in titles(run("q=Savon koulutuskuntayhtymä"))  # lead organisation
    assert "Yhessä" in titles(run("q=Pohjois-Karjalan"))  # partner organisation
    assert VAMOS in titles(run("q=Pirkanmaalla"))  # region name, inflected
    assert "Yksilövalmennus" in titles(run("q=palaamaan opintoihin"))  # body text


def test_title_matches_rank_first(demo):
    assert titles(run("q=valmennus"))[0] == "Yksilövalmennus"


def test_results_in_other_languages_are_listed_with_their_language(demo):
    finnish = run("q=Komet")
    assert [(item["title"], item["locale"], item["lang"]) for item in finnish.results] == [("Stora Komet", "sv", "sv")]
    assert finnish.results[0]["language_note"] == "ruotsiksi"
    assert finnish.also_available == []
    swedish = run("q=Komet", language="sv")
    assert [(item["title"], item["lang"], item["language_note"]) for item in swedish.results] == [
        ("Stora Komet", "", "")
    ]
    assert all(item["locale"] == "sv" for item in run("q=modell", language="sv").results)


def test_with_only_the_visitors_language_others_are_offered_separately(demo):
    finnish = run("q=Komet&only_lang=true")
    assert finnish.count == 0
    assert [(group["language"], [item["title"] for item in group["results"]]) for group in finnish.also_available] == [
        ("sv", ["Stora Komet"])
    ]
    groups = run("only_lang=true", language="en").also_available
    assert [(group["language"], group["count"]) for group in groups] == [("sv", 1)]


def test_no_item_matches_all_words_falls_back_to_some_words_with_a_notice(demo):
    result = run("q=Yksilövalmennus Lapissa")
    assert titles(result)[0] == "Yksilövalmennus"
    assert result.partial_match
    assert result.notices


def test_sort_by_title_follows_the_finnish_alphabet(demo):
    parent = MethodBankIndexPage.objects.get(locale__language_code="fi")
    for title in ("Äidinkielen tuki", "Öisin opiskelevat", "Åbolands modell"):
        GoodPracticePageFactory(parent=parent, title=title, summary="Kokeilu.")
    ordered = titles(run("sort=title&page_size=100&only_lang=true"))
    assert ordered[-4:] == [
        "ZOOMI - sujuvia siirtymiä edistämässä",
        "Åbolands modell",
        "Äidinkielen tuki",
        "Öisin opiskelevat",
    ]
    assert ordered[0] == "HENKILÖKOHTAISTAMINEN - Muistilistat"


def test_sort_by_newest(demo):
    parent = MethodBankIndexPage.objects.get(locale__language_code="fi")
    page = GoodPracticePageFactory(parent=parent, title="Uusin käytäntö", summary="Kokeilu.")
    GoodPracticePage.objects.filter(pk=page.pk).update(first_published_at=timezone.now() + datetime.timedelta(days=1))
    page.refresh_from_db()
    page.save_revision().publish()
    assert titles(run("sort=newest"))[0] == "Uusin käytäntö"


def test_paging(demo):
    first = run("sort=title&page_size=4")
    second = run("sort=title&page_size=4&page=2")
    beyond = run("sort=title&page_size=4&page=1000000000")
    assert (first.count, first.num_pages, len(first.results)) == (12, 3, 4)
    assert not set(titles(first)) & set(titles(second))
    assert beyond.results == [] and beyond.page_out_of_range and beyond.count == 12


def test_published_edits_and_unpublishing_reach_search(demo, search_backend):
    parent = MethodBankIndexPage.objects.get(locale__language_code="fi")
    page = GoodPracticePageFactory(
        parent=parent,
        title="Mentorointi",
        summary="Työpaikkaohjaajat oppivat mentoroimaan.",
        themes=list(Theme.objects.filter(code="D4", locale=Locale.objects.get(language_code="fi"))),
    )
    search_backend.refresh_indexes()  # an engine shows new documents after its refresh interval
    assert "Mentorointi" in titles(run("q=työpaikkaohjaajien"))
    assert counts(run("q=mentorointi"), "theme")["D4"] == 1
    page.title = "Vertaismentorointi"
    page.save_revision().publish()
    search_backend.refresh_indexes()
    assert titles(run("q=vertaismentorointi")) == ["Vertaismentorointi"]
    page.unpublish()
    search_backend.refresh_indexes()
    assert run("q=mentorointi").count == 0


def test_edits_within_deferred_updates_reach_search_together_at_the_end(demo, search_backend):
    """An import defers the documents of the pages it saves, and rebuilds them once, together, at the end."""
    parent = MethodBankIndexPage.objects.get(locale__language_code="fi")
    with deferred_updates():
        page = GoodPracticePageFactory(
            parent=parent, title="Mentorointi", summary="Vertaisohjaajat oppivat mentoroimaan."
        )
        page.title = "Vertaismentorointi"
        page.save_revision().publish()
        assert not SearchDocument.objects.filter(page_id=page.pk).exists()
    search_backend.refresh_indexes()
    assert titles(run("q=vertaismentorointi")) == ["Vertaismentorointi"]
    assert "Vertaismentorointi" in titles(run("q=vertaisohjaajat"))


def test_site_search_covers_every_page_type(demo):
    assert titles(run("q=WCAG", items_only=False)) == ["Saavutettavuusseloste"]
    assert run("q=WCAG").count == 0  # the method bank lists only its items


def test_long_id_lists_are_sent_as_one_parameter(demo):
    from search.models import SearchDocument
    from search.service import pk_in

    existing = list(SearchDocument.objects.values_list("pk", flat=True))
    unknown = list(range(10_000_000, 10_040_000))
    assert SearchDocument.objects.filter(pk_in(unknown + existing)).count() == len(existing)
