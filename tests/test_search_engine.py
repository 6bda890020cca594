"""The search engine that scripts/search-engine runs and production runs in docker/compose.yml.

Tests marked ``engine`` run in ``make test-engine`` against a live OpenSearch and fail without one;
the rest run everywhere. See the root conftest.py for the contract.
"""

import re
import time
from pathlib import Path

import elastic_transport
import opensearchpy
import pytest
import yaml
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from wagtail.models import Locale, Page

from demo.factories import ContentPageFactory
from portal.settings.base import search_backends
from search.backends import engine
from search.backends.elasticsearch import ElasticsearchBackend

ROOT = Path(__file__).resolve().parent.parent


def script_setting(engine, name):
    """A setting of ``engine``'s block in scripts/search-engine (VERSION, REQUIRED_MODULES, …)."""
    script = (ROOT / "scripts" / "search-engine").read_text()
    block = re.search(rf"^{engine}\)\n(.*?)^\t;;", script, re.MULTILINE | re.DOTALL).group(1)
    return re.search(rf"^\t{name}=\"?([^\"\n]*)\"?$", block, re.MULTILINE).group(1)


def running_engine(backend):
    return "elasticsearch" if isinstance(backend, ElasticsearchBackend) else "opensearch"


def cluster_modules(backend):
    nodes = backend.es.nodes.info(node_id="_local", metric="plugins")["nodes"]
    return {module["name"] for node in nodes.values() for module in node["modules"]}


def analyze(backend, analyzer, text, index=None):
    response = backend.es.indices.analyze(index=index, body={"analyzer": analyzer, "text": text})
    return [token["token"] for token in response["tokens"]]


def test_production_runs_the_engine_version_the_tests_use():
    compose = yaml.safe_load((ROOT / "docker" / "compose.yml").read_text())
    search = compose["services"]["search"]
    assert search["image"] == f"opensearchproject/opensearch:{script_setting('opensearch', 'VERSION')}"
    assert search["environment"]["OPENSEARCH_JAVA_OPTS"] == "-Xms512m -Xmx512m"
    elasticsearch = compose["services"]["elasticsearch"]
    version = script_setting("elasticsearch", "VERSION")
    assert elasticsearch["image"] == f"docker.elastic.co/elasticsearch/elasticsearch:{version}"
    assert elasticsearch["profiles"] == ["elasticsearch"]
    assert "healthcheck" in elasticsearch
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
def test_engine_is_the_pinned_version_of_the_engine_its_backend_is_for(search_backend):
    engine_name = running_engine(search_backend)
    nodes = search_backend.es.nodes.info(node_id="_local")["nodes"]
    assert [node["version"] for node in nodes.values()] == [script_setting(engine_name, "VERSION")]
    # Only Elasticsearch's nodes name their build flavour.
    assert all(("build_flavor" in node) == (engine_name == "elasticsearch") for node in nodes.values())
    assert search_backend.index_prefix.startswith("test_")


@pytest.mark.engine
def test_the_local_node_has_the_modules_the_script_requires(search_backend):
    required = set(script_setting(running_engine(search_backend), "REQUIRED_MODULES").split())
    assert required <= cluster_modules(search_backend)


@pytest.mark.engine
@pytest.mark.parametrize(
    ("analyzer", "base", "inflected"),
    [
        ("finnish", "siirtymä", ["siirtymien", "siirtymiin", "siirtymät"]),
        ("swedish", "övergång", ["övergångar", "övergången", "övergångarna"]),
        ("english", "transition", ["transitions"]),
    ],
)
def test_language_analyzers_stem_inflected_forms_to_one_term_where_the_cluster_has_them(
    search_backend, analyzer, base, inflected
):
    if "analysis-common" not in cluster_modules(search_backend):
        # Elasticsearch's integ-test build: the analyzer is refused, and the backend does without it.
        with pytest.raises(search_backend.missing_analyzer_error):
            analyze(search_backend, analyzer, base)
        assert not search_backend.has_language_analyzers()
        return
    assert search_backend.has_language_analyzers()
    stem = analyze(search_backend, analyzer, base)
    assert len(stem) == 1
    for word in inflected:
        assert analyze(search_backend, analyzer, word) == stem, word
        # Without the language analyzer the forms stay apart, so the stemming above is real.
        assert analyze(search_backend, "standard", word) != stem


@pytest.mark.engine
def test_index_analyzers_fold_accents_and_build_prefixes_where_the_cluster_can(search_backend):
    index = search_backend.get_index_for_model(Page).name
    prefixes = analyze(search_backend, "edgengram_analyzer", "Övergång", index=index)
    grams = analyze(search_backend, "ngram_analyzer", "Siirtymä", index=index)
    if search_backend.has_language_analyzers():
        assert prefixes[:5] == ["o", "ov", "ove", "over", "overg"]
        assert {"sii", "tym", "yma", "siirtyma"} <= set(grams)
    else:
        # Defined with the standard analyzer, which every build has; autocomplete asks for prefixes instead.
        assert (prefixes, grams) == (["övergång"], ["siirtymä"])


@pytest.mark.engine
def test_the_language_fields_follow_the_cluster_and_a_missing_analyzer_is_logged_once(search_backend, caplog):
    engine._clusters_with_analyzers.clear()
    has_them = "analysis-common" in cluster_modules(search_backend)
    assert search_backend.has_language_analyzers() is has_them
    assert search_backend.has_language_analyzers() is has_them
    warnings = [record for record in caplog.records if record.name == "search.backends.engine"]
    assert len(warnings) == (0 if has_them else 1)
    index = search_backend.language_index_name("fi")
    properties = next(iter(search_backend.es.indices.get_mapping(index=index).values()))["mappings"]["properties"]
    if has_them:
        assert properties["title_text"]["analyzer"] == "finnish"
    else:
        assert "title_text" not in properties
    assert properties["title_terms"]["analyzer"] == "whitespace"


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


ENGINE_BACKENDS = {
    "search.backends.opensearch": (opensearchpy.ConnectionError, opensearchpy.ConnectionTimeout),
    "search.backends.elasticsearch": (elastic_transport.ConnectionError, elastic_transport.ConnectionTimeout),
}


def failed_search(backend, error_class):
    with pytest.raises(error_class) as raised:
        list(backend.search("siirtymä", Page))
    return raised.value


@pytest.mark.parametrize("backend_path", ENGINE_BACKENDS)
def test_a_killed_engine_is_detected_at_once(dead_engine_url, monkeypatch, backend_path):
    monkeypatch.setenv("SEARCH_BACKEND", backend_path)
    connection_error, timeout = ENGINE_BACKENDS[backend_path]
    error = failed_search(engine_backend(dead_engine_url, monkeypatch, timeout=5), connection_error)
    # Refused, not waited for: the request failed without running into the timeout.
    assert not isinstance(error, timeout)
    assert "Connection refused" in str(error)


@pytest.mark.parametrize("backend_path", ENGINE_BACKENDS)
def test_a_frozen_engine_is_given_up_on_after_the_timeout(hung_engine, monkeypatch, backend_path):
    monkeypatch.setenv("SEARCH_BACKEND", backend_path)
    backend = engine_backend(hung_engine.url, monkeypatch, timeout=1)
    started = time.monotonic()
    failed_search(backend, ENGINE_BACKENDS[backend_path][1])
    # SEARCH_TIMEOUT reached the client: it gave up reading after one second, not its default ten.
    assert 1 <= time.monotonic() - started < 5
    assert hung_engine.connections() == 1
