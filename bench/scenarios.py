"""What the benchmark measures: every scenario and its target, in one place.

A scenario turns a ``Sample`` of the generated content into the URLs it
requests; the requests cycle through them so that no single page stays hot.
A scenario whose view is missing from the build (its URL name does not
resolve, or its first URL answers 404) is reported as "not available" instead
of failing the run, so the harness also measures older commits.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils import translation


@dataclass
class Scenario:
    key: str
    label: str
    urls: callable  # Sample -> list of paths
    # p95 targets in milliseconds by backend, "*" for any.
    p95_target_ms: dict = field(default_factory=dict)
    # A search scenario: also run at every size of a scaling run.
    search: bool = False


@dataclass
class Sample:
    """Real URLs and values from the generated content, for the scenarios to combine."""

    index_paths: dict  # language -> method bank index path
    detail_paths: list  # model pages in fi, sv and en
    query_words: dict  # language -> words visitors would type
    themes: list
    target_groups: list
    regions: list


def _reverse(name, language=None, query=None):
    try:
        with translation.override(language or "fi"):
            path = reverse(name)
    except NoReverseMatch:
        return None
    return f"{path}?{urlencode(query)}" if query else path


def _facets(sample, number):
    return {
        "theme": sample.themes[number % len(sample.themes)],
        "target_group": sample.target_groups[number % len(sample.target_groups)],
        "region": sample.regions[number % len(sample.regions)],
    }


def home(sample):
    return ["/fi/", "/sv/", "/en/"]


def browse(sample):
    return [
        f"{sample.index_paths[language]}{'' if page == 1 else f'?page={page}'}"
        for language in ("fi", "sv", "en")
        for page in (1, 2, 5)
    ]


def browse_other_languages(sample):
    """The Swedish and English method bank: every item, including those written only in Finnish."""
    return [
        f"{sample.index_paths[language]}{'' if page == 1 else f'?page={page}'}"
        for language in ("sv", "en")
        for page in (1, 2, 5, 50)
    ]


def browse_facets(sample):
    return [f"{sample.index_paths['fi']}?{urlencode(_facets(sample, number))}" for number in range(12)]


def search_facets(sample):
    urls = []
    for number in range(12):
        language = ("fi", "fi", "sv", "en")[number % 4]
        words = sample.query_words[language]
        query = {"q": words[(number * 7) % len(words)], **_facets(sample, number), "type": "model"}
        urls.append(_reverse("search", language, query))
    return urls


def autocomplete(sample):
    words = sample.query_words["fi"]
    return [
        _reverse("api_search_autocomplete", query={"lang": "fi", "q": words[n * 5 % len(words)][:4]}) for n in range(12)
    ]


def api(sample):
    urls = []
    for number in range(12):
        words = sample.query_words["fi"]
        query = {"lang": "fi", "q": words[(number * 11) % len(words)], **_facets(sample, number), "evaluation": "peer"}
        urls.append(_reverse("api_search", query=query))
    return urls


def detail(sample):
    return sample.detail_paths


SCENARIOS = [
    Scenario("home", "Home page", home),
    Scenario("browse", "Method bank, no query", browse),
    Scenario(
        "browse_sv_en",
        "Method bank in sv and en, every item",
        browse_other_languages,
        p95_target_ms={"sqlite": 300, "postgres": 300, "engine": 100},
    ),
    Scenario(
        "browse_facets",
        "Method bank, 3 facets",
        browse_facets,
        p95_target_ms={"sqlite": 100, "postgres": 100, "engine": 50},
        search=True,
    ),
    Scenario(
        "search_facets",
        "Search: words + 4 facets",
        search_facets,
        p95_target_ms={"sqlite": 150, "postgres": 150, "engine": 50},
        search=True,
    ),
    Scenario("autocomplete", "Autocomplete", autocomplete, search=True),
    Scenario("api", "JSON API search", api, search=True),
    Scenario("detail", "Model detail page", detail, p95_target_ms={"*": 50}),
]

# Anonymous pages served from the page cache over HTTP, as a throughput test.
CACHED_PAGES = ("home", "browse", "detail")
# The site's stylesheet, served by the same gunicorn: what the server does with no Django view at all.
STATIC_FILE = "/static/dist/portal.css"
# Cached pages: at least this share of the static file's requests per second in the same run.
CACHED_TARGET_SHARE_OF_STATIC = 0.6
REINDEX_TARGET_ITEMS_PER_S = 1000
IMPORT_TARGET_SECONDS = 30


def backend_search(sample, number, locale):
    """Full text with three filters straight through Wagtail's search layer: the backend's own cost."""
    from methodbank.models import Evaluation, MethodBankPage

    words = sample.query_words["fi"]
    results = (
        MethodBankPage.objects.live()
        .filter(locale=locale, item_type="model", evaluation__in=[Evaluation.PEER, Evaluation.EXPERT])
        .filter(end_year__gte=2016 + number % 5)
        .search(words[(number * 13) % len(words)])
    )
    return len(results[:20]), results.count()


BACKEND_SEARCH = Scenario("backend_search", "Search layer: words + 3 filters", None, p95_target_ms={}, search=True)
