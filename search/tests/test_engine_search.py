"""The search engine's own path (``search.engine_query``): one index per language, one round trip, same answers.

Tests marked ``engine`` need the live node of ``make test-engine`` and fail without it.
"""

import pytest
from django.conf import settings
from django.http import QueryDict
from django.test import override_settings
from wagtail.models import Locale, Page, PageViewRestriction

from demo.factories import GoodPracticePageFactory
from methodbank.models import GoodPracticePage, MethodBankIndexPage, Region
from search import engine_query
from search.models import PendingIndexUpdate, SearchDocument
from search.service import SearchRequest
from search.tests.helpers import run, titles


def seen(result):
    """What a visitor sees of a result, with relevance ties (engine-specific) put in title order."""
    return {
        "count": result.count,
        "titles": titles(result) if result.request.effective_sort != "relevance" else sorted(titles(result)),
        "facets": result.facets,
        "also": [
            (group["language"], group["count"], sorted(item["title"] for item in group["results"]))
            for group in result.also_available
        ],
        "partial": result.partial_match,
        "notices": result.notices,
    }


def other_languages(result):
    return {group["language"]: group["count"] for group in result.also_available}


def database_only():
    return override_settings(WAGTAILSEARCH_BACKENDS={"default": settings.WAGTAILSEARCH_BACKENDS["database"]})


def mapping(backend, language):
    name = backend.language_index_name(language)
    return next(iter(backend.es.indices.get_mapping(index=name).values()))["mappings"]["properties"]


@pytest.mark.engine
@pytest.mark.parametrize(("language", "analyzer"), [("fi", "finnish"), ("sv", "swedish"), ("en", "english")])
def test_each_language_has_its_own_index_with_its_analyzer(demo, search_backend, language, analyzer):
    properties = mapping(search_backend, language)
    if search_backend.has_language_analyzers():
        assert properties["title_text"]["analyzer"] == analyzer
        assert properties["body_text"]["analyzer"] == analyzer
    else:
        # A cluster without analysis-common (Elasticsearch's integ-test build): no raw text to match.
        assert "title_text" not in properties and "body_text" not in properties
    # The portal's own terms are used as they are, so compound parts keep matching.
    assert properties["title_terms"]["analyzer"] == properties["text_terms"]["analyzer"] == "whitespace"
    for name in ("facet_type", "facet_theme", "facet_region", "sort_title", "translation_key", "languages"):
        assert properties[name]["type"] == "keyword", name
    stored = search_backend.es.count(index=search_backend.language_index_name(language))["count"]
    assert stored == SearchDocument.objects.filter(language=language).count() > 0


@pytest.mark.engine
@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("fi", "siirtymien", "ZOOMI - sujuvia siirtymiä edistämässä"),
        ("sv", "övergången", "ZOOMI – för smidiga övergångar"),
    ],
)
def test_inflected_words_match_through_the_engines_language_analyzer(demo, search_backend, language, query, title):
    document = SearchDocument.objects.get(title=title)
    # Without the portal's own terms in the engine's copy, only the language analyzer can join the two forms.
    search_backend.es.update(
        index=search_backend.language_index_name(language),
        id=str(document.pk),
        body={"doc": {"title_terms": "", "text_terms": ""}},
        refresh=True,
    )
    found = titles(run(f"q={query}", language=language))
    # Without the analyzer (Elasticsearch's integ-test build) only the portal's terms match, as on the database.
    assert (title in found) is search_backend.has_language_analyzers()
    standard = search_backend.es.indices.analyze(body={"analyzer": "standard", "text": query})["tokens"]
    assert standard[0]["token"] not in title.lower().split()


@pytest.mark.engine
@pytest.mark.parametrize(
    ("params", "language"),
    [
        ("", "fi"),
        ("type=model&type=practice&theme=C&evaluation=none", "fi"),
        ("theme=B&region=fi-18&funding=esf&scope=national&year=2021", "fi"),
        ("q=ohjaus&type=project&type=model", "fi"),
        ("q=siirtymä&theme=A&scope=national&sort=title", "fi"),
        ("q=Yksilövalmennus Lapissa", "fi"),
        ("q=modell&type=model&sort=newest", "sv"),
        ("type=project&sort=title&page_size=2&page=2", "en"),
        ("q=Komet", "fi"),
        ("q=och", "sv"),
        ("q=Komet&only_lang=true", "fi"),
        ("only_lang=true&type=project", "en"),
        ("q=ohjaus&only_lang=true&sort=title", "sv"),
        ("q=SOPU&theme=A", "en"),
        ("page_size=100", "en"),
    ],
)
def test_the_engine_answers_as_the_database_does(demo, params, language):
    request = SearchRequest.from_params(QueryDict(params), language=language)
    assert engine_query.answer(request, request.vocabulary, 5) is not None  # the engine's own path answers
    engine = run(params, language=language)
    with database_only():
        database = run(params, language=language)
    assert seen(engine) == seen(database)


@pytest.mark.engine
@pytest.mark.parametrize(
    ("params", "language"),
    [
        ("q=guidance", "en"),
        ("q=ohjaus&type=page", "fi"),
        ("q=ohjaus&type=model", "fi"),
        ("type=page&type=project&theme=A", "sv"),
    ],
)
def test_the_engine_counts_other_pages_as_the_database_does(demo, params, language):
    """The site search (not only items): pages that are no items count under the type "Other page"."""
    engine = run(params, language=language, items_only=False)
    with database_only():
        database = run(params, language=language, items_only=False)
    assert seen(engine) == seen(database)
    assert sum(entry["count"] for entry in engine.facets["type"]) >= engine.count


@pytest.mark.engine
def test_pages_past_the_engines_result_window_come_from_the_database_path(demo):
    deep = SearchRequest.from_params(QueryDict("q=ohjaus&page=600"), language="fi")
    assert engine_query.answer(deep, deep.vocabulary, 5) is None
    first, beyond = run("q=ohjaus"), run("q=ohjaus&page=600")
    # modelsearch's own match over the engine's SearchDocument indexes finds the same pages.
    assert beyond.count == first.count > 0
    assert beyond.results == [] and beyond.page_out_of_range


@pytest.mark.engine
def test_a_faceted_search_is_one_engine_request(demo, search_backend, monkeypatch):
    calls = []
    # The circuit breaker's transport of the engine's client (opensearch-py's or elasticsearch-py's).
    transport = type(search_backend.es.transport)
    perform_request = transport.perform_request

    def counted(self, method, url, *args, **kwargs):
        calls.append(url)
        return perform_request(self, method, url, *args, **kwargs)

    monkeypatch.setattr(transport, "perform_request", counted)
    result = run("q=guidance&type=model&type=practice&theme=C", language="en")
    assert calls == ["/_msearch"]
    # The one request carried the results, the total and every facet's counts.
    assert result.count == len(result.results) > 0
    assert {item["type"] for item in result.results} <= {"model", "practice"}
    assert sum(entry["count"] for entry in result.facets["type"] if entry["selected"]) == result.count
    assert next(entry for entry in result.facets["theme"] if entry["value"] == "C")["count"] == result.count


@pytest.mark.engine
def test_facet_counts_reach_past_the_engines_default_of_ten_buckets(demo):
    parent = MethodBankIndexPage.objects.get(locale__language_code="fi")
    regions = list(Region.objects.filter(locale__language_code="fi").order_by("code")[:12])
    assert len(regions) == 12
    for region in regions:
        GoodPracticePageFactory(parent=parent, title=f"Zyxwq {region.code}", summary="Kokeilu.", regions=[region])
    request = SearchRequest.from_params(QueryDict("q=zyxwq"), language="fi")
    answer = engine_query.answer(request, request.vocabulary, 5)
    assert answer.counts["region"] == {region.code: 1 for region in regions}
    assert {entry["value"] for entry in run("q=zyxwq").facets["region"] if entry["count"]} == {
        region.code for region in regions
    }


@pytest.mark.engine
def test_the_engine_sorts_titles_with_the_nordic_letters_after_z(demo, search_backend):
    parent = MethodBankIndexPage.objects.get(locale__language_code="fi")
    for title in ("Öisin opiskelevat", "Äidinkielen tuki", "Åbolands modell"):
        GoodPracticePageFactory(parent=parent, title=title, summary="Kokeilu.")
    request = SearchRequest.from_params(QueryDict("sort=title&page_size=100"), language="fi")
    answer = engine_query.answer(request, request.vocabulary, 5)
    ordered = [Page.objects.get(pk=pk).title for pk in answer.page_ids]
    assert ordered[-4:] == [
        "ZOOMI - sujuvia siirtymiä edistämässä",
        "Åbolands modell",
        "Äidinkielen tuki",
        "Öisin opiskelevat",
    ]


@pytest.mark.backend
def test_restricted_pages_stay_out_of_results_counts_and_other_languages(demo):
    before, found_before = run("only_lang=true"), run("q=yksilövalmennus&only_lang=true")
    page = GoodPracticePage.objects.get(title="Yksilövalmennus", locale=Locale.get_default())
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    after = run("only_lang=true")
    assert "Yksilövalmennus" not in titles(after)
    assert after.count == before.count - 1
    practices = {entry["value"]: entry["count"] for entry in after.facets["type"]}["practice"]
    assert practices == {entry["value"]: entry["count"] for entry in before.facets["type"]}["practice"] - 1
    found = run("q=yksilövalmennus&only_lang=true")
    assert "Yksilövalmennus" in titles(found_before) and "Yksilövalmennus" not in titles(found)
    assert found.count == found_before.count - 1
    # Its translations are now offered to Finnish readers, since they may not see the Finnish one.
    offered = other_languages(before)
    assert other_languages(after) == {"sv": offered.get("sv", 0) + 1, "en": offered.get("en", 0) + 1}
    # Listing every item, its Swedish version takes its place.
    every = run("page_size=100")
    assert "Yksilövalmennus" not in titles(every) and "Individuell coachning" in titles(every)
    assert every.count == before.count + 1  # and Stora Komet


@pytest.mark.engine
def test_a_page_unpublished_while_the_engine_was_down_is_not_shown_by_the_engine(demo, dead_engine_url):
    page = GoodPracticePage.objects.get(title="Yksilövalmennus", locale=Locale.get_default())
    with override_settings(
        WAGTAILSEARCH_BACKENDS={**settings.WAGTAILSEARCH_BACKENDS, "default": dead(dead_engine_url)}
    ):
        page.unpublish()
    assert PendingIndexUpdate.objects.filter(page_id=page.pk, backend="default").exists()
    request = SearchRequest.from_params(QueryDict("q=yksilövalmennus"), language="fi")
    assert engine_query.answer(request, request.vocabulary, 5) is not None
    assert "Yksilövalmennus" not in titles(run("q=yksilövalmennus"))
    assert "Yksilövalmennus" not in titles(run("type=practice"))


def dead(url):
    return {"BACKEND": "search.backends.opensearch", "URLS": [url], "INDEX_PREFIX": "unreachable_", "TIMEOUT": 1}


def test_the_portal_engine_backend_falls_back_to_the_database_when_the_engine_is_down(client, demo, dead_engine_url):
    backends = {"default": dead(dead_engine_url), "database": {"BACKEND": "wagtail.search.backends.database"}}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        body = client.get("/api/search/", {"lang": "fi", "q": "siirtymien", "theme": "A"}).json()
        browse = client.get("/api/search/", {"lang": "fi", "type": "model"}).json()
    assert "ZOOMI - sujuvia siirtymiä edistämässä" in [item["title"] for item in body["results"]]
    assert body["notices"]
    assert browse["count"] == 3


@pytest.mark.engine
def test_a_documents_languages_come_from_its_published_translations(demo, search_backend):
    finnish = SearchDocument.objects.get(title="Yksilövalmennus")
    # As in a rebuild that has not reached the translations yet: their documents do not exist.
    SearchDocument.objects.filter(translation_key=finnish.translation_key).exclude(pk=finnish.pk).delete()
    [(_item, language, document)] = search_backend.documents([finnish])
    assert (language, document["languages"]) == ("fi", ["en", "fi", "sv"])
