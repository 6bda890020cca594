"""The search engine that scripts/search-engine runs and production runs in docker/compose.yml.

Tests marked ``engine`` run in ``make test-engine`` against a live OpenSearch and fail without one;
the rest run everywhere. See the root conftest.py for the contract.
"""

import re
from pathlib import Path

import opensearchpy
import pytest
import yaml
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from wagtail.models import Locale, Page

from demo.factories import ContentPageFactory
from portal.settings.base import search_backends

ROOT = Path(__file__).resolve().parent.parent


def pinned_engine_version():
    script = (ROOT / "scripts" / "search-engine").read_text()
    return re.search(r"^VERSION=(\S+)$", script, re.MULTILINE).group(1)


def analyze(backend, analyzer, text, index=None):
    response = backend.es.indices.analyze(index=index, body={"analyzer": analyzer, "text": text})
    return [token["token"] for token in response["tokens"]]


def test_production_runs_the_engine_version_the_tests_use():
    compose = yaml.safe_load((ROOT / "docker" / "compose.yml").read_text())
    search = compose["services"]["search"]
    assert search["image"] == f"opensearchproject/opensearch:{pinned_engine_version()}"
    assert search["environment"]["OPENSEARCH_JAVA_OPTS"] == "-Xms512m -Xmx512m"
    assert (
        compose["services"]["web"]["environment"]["SEARCH_BACKEND"] == "${SEARCH_BACKEND:-search.backends.opensearch}"
    )


def test_search_url_selects_the_per_language_opensearch_backend_and_keeps_the_database_fallback(monkeypatch):
    monkeypatch.delenv("SEARCH_BACKEND", raising=False)
    backends = search_backends("http://search:9200", "django.db.backends.sqlite3")
    assert backends["default"]["BACKEND"] == "search.backends.opensearch"
    assert backends["default"]["URLS"] == ["http://search:9200"]
    assert backends["database"]["BACKEND"] == "search.database_backend"
    sqlite = "django.db.backends.sqlite3"
    assert search_backends("", sqlite)["default"]["BACKEND"] == "search.database_backend"


def test_postgresql_gets_the_per_language_database_backend_also_as_the_fallback(monkeypatch):
    monkeypatch.delenv("SEARCH_BACKEND", raising=False)
    postgres = "django.db.backends.postgresql"
    assert search_backends("", postgres) == {"default": {"BACKEND": "search.backends.postgres"}}
    assert search_backends("http://search:9200", postgres)["database"]["BACKEND"] == "search.backends.postgres"


@pytest.mark.backend
def test_every_backend_finds_a_page_saved_in_the_test(site, search_backend):
    page = ContentPageFactory(parent=site, slug="ohjausmalli", title="Ohjauksen malli", locale=Locale.get_default())
    search_backend.refresh_indexes()
    found = Page.objects.live().search("ohjauksen", backend="default")
    assert [result.pk for result in found] == [page.pk]


@pytest.mark.engine
def test_engine_is_the_pinned_opensearch(search_backend):
    version = search_backend.es.info()["version"]
    assert version["distribution"] == "opensearch"
    assert version["number"] == pinned_engine_version()
    assert search_backend.index_prefix.startswith("test_")


@pytest.mark.engine
@pytest.mark.parametrize(
    ("analyzer", "base", "inflected"),
    [
        ("finnish", "siirtymä", ["siirtymien", "siirtymiin", "siirtymät"]),
        ("swedish", "övergång", ["övergångar", "övergången", "övergångarna"]),
        ("english", "transition", ["transitions"]),
    ],
)
def test_language_analyzers_stem_inflected_forms_to_one_term(search_backend, analyzer, base, inflected):
    stem = analyze(search_backend, analyzer, base)
    assert len(stem) == 1
    for word in inflected:
        assert analyze(search_backend, analyzer, word) == stem, word
        # Without the language analyzer the forms stay apart, so the stemming above is real.
        assert analyze(search_backend, "standard", word) != stem


@pytest.mark.engine
def test_index_analyzers_fold_accents_and_build_prefixes(search_backend):
    index = search_backend.get_index_for_model(Page).name
    prefixes = analyze(search_backend, "edgengram_analyzer", "Övergång", index=index)
    assert prefixes[:5] == ["o", "ov", "ove", "over", "overg"]
    grams = analyze(search_backend, "ngram_analyzer", "Siirtymä", index=index)
    assert {"sii", "tym", "yma", "siirtyma"} <= set(grams)


@pytest.mark.engine
def test_update_index_makes_every_demo_page_findable_in_its_language(site, search_backend):
    call_command("update_index", verbosity=0)
    search_backend.refresh_indexes()
    pages = Page.objects.live().exclude(depth=1).specific()
    assert {page.locale.language_code for page in pages} == {"fi", "sv", "en"}
    for page in pages:
        found = Page.objects.live().filter(locale=page.locale).search(page.title, backend="default")
        assert page.pk in [result.pk for result in found], f"{page.locale.language_code}: {page.title}"


def engine_backend(url, monkeypatch, timeout):
    monkeypatch.setenv("SEARCH_TIMEOUT", str(timeout))
    config = search_backends(url)["default"]
    return get_search_backend(config.pop("BACKEND"), **config)


def failed_search(backend):
    with pytest.raises(opensearchpy.ConnectionError) as raised:
        list(backend.search("siirtymä", Page))
    return raised.value


def test_a_killed_engine_is_detected_at_once(dead_engine_url, monkeypatch):
    error = failed_search(engine_backend(dead_engine_url, monkeypatch, timeout=5))
    # Refused, not waited for: the request failed without running into the timeout.
    assert not isinstance(error, opensearchpy.ConnectionTimeout)
    assert "Connection refused" in str(error)


def test_a_frozen_engine_is_given_up_on_after_the_timeout(hung_engine, monkeypatch):
    error = failed_search(engine_backend(hung_engine.url, monkeypatch, timeout=1))
    assert isinstance(error, opensearchpy.ConnectionTimeout)
    # SEARCH_TIMEOUT reached the client: it gave up reading after one second, not its default ten.
    assert "read timeout=1)" in str(error)
    assert hung_engine.connections() == 1
