"""The measurements of one size: checks that the generated bank is sound, then the timed scenarios."""

import time

from django.db.models import Count
from django.test import Client
from django.test.utils import override_settings
from django.utils.html import escape
from wagtail.models import Locale, Page

from demo.synthetic import writer
from methodbank.models import (
    GoodPracticePage,
    MethodBankIndexPage,
    MethodBankPage,
    ModelPage,
    ProjectPage,
    Region,
    TargetGroup,
    Theme,
)

from . import engine_floor, http_load
from .scenarios import BACKEND_SEARCH, CACHED_PAGES, SCENARIOS, STATIC_FILE, Sample, backend_search
from .timing import Budget, count_queries, probe, time_calls, time_client

DETAIL_SAMPLE = 40


def page_counts():
    by_language = dict(
        MethodBankPage.objects.values_list("locale__language_code").annotate(count=Count("pk")).order_by()
    )
    by_type = dict(MethodBankPage.objects.values_list("item_type").annotate(count=Count("pk")).order_by())
    return {
        "method_bank_pages": sum(by_language.values()),
        "by_language": by_language,
        "by_type": by_type,
        "all_pages": Page.objects.count(),
    }


@override_settings(PAGE_CACHE_SECONDS=0)
def verify():
    """The generated tree is valid, its pages render in every language and search finds them."""
    began = time.perf_counter()
    problems = [len(found) for found in Page.find_problems()]
    client = Client()
    rendered = []
    for model in (ProjectPage, ModelPage, GoodPracticePage):
        for language in ("fi", "sv", "en"):
            page = model.objects.filter(locale__language_code=language).order_by("-pk").first()
            response = client.get(page.url)
            rendered.append(response.status_code == 200 and escape(page.title) in response.content.decode())
    group = (
        ModelPage.objects.values("translation_key")
        .annotate(versions=Count("pk"))
        .filter(versions=3)
        .order_by("translation_key")
        .first()
    )
    translations = ModelPage.objects.filter(translation_key=group["translation_key"]) if group else []
    titles = {page.locale_id: page.title for page in translations}
    project = ProjectPage.objects.filter(locale__language_code="fi").order_by("-pk").first()
    found = project.pk in {page.pk for page in Page.objects.live().search(project.acronym)[:50]}
    checks = {
        "tree_problems": problems,
        "pages_render": f"{sum(rendered)}/{len(rendered)}",
        "translation_group_languages": len(titles),
        "search_finds_new_project": found,
    }
    ok = not any(problems) and all(rendered) and len(titles) == 3 and found
    checks["ok"] = ok
    checks["seconds"] = round(time.perf_counter() - began, 2)
    checks["summary"] = (
        f"tree {'valid' if not any(problems) else f'PROBLEMS {problems}'}, {checks['pages_render']} pages render, "
        f"a model in {len(titles)} languages, search {'finds' if found else 'DOES NOT find'} {project.acronym!r}"
    )
    return checks


def build_sample():
    indexes = {index.locale.language_code: index.url for index in MethodBankIndexPage.objects.select_related("locale")}
    details = []
    for language in ("fi", "sv", "en"):
        ids = list(ModelPage.objects.live().filter(locale__language_code=language).values_list("pk", flat=True))
        step = max(1, len(ids) // (DETAIL_SAMPLE // 3 + 1))
        details += [page.url for page in ModelPage.objects.filter(pk__in=ids[::step][: DETAIL_SAMPLE // 3 + 1])]
    return Sample(
        index_paths=indexes,
        detail_paths=details,
        query_words={language: writer.query_words(language) for language in ("fi", "sv", "en")},
        themes=sorted(set(Theme.objects.filter(parent__isnull=False).values_list("code", flat=True))),
        target_groups=sorted(set(TargetGroup.objects.values_list("code", flat=True))),
        regions=sorted(set(Region.objects.filter(is_national=False).values_list("code", flat=True))),
    )


def _availability(scenario, sample, urls):
    if not urls or None in urls:
        return "its view is not part of this build"
    status = probe(urls[0])
    if status == 404:
        return "answers 404"
    return None


def client_scenarios(sample, search_kind, say, left):
    results = []
    for scenario in SCENARIOS:
        urls = scenario.urls(sample)
        item = {
            "key": scenario.key,
            "label": scenario.label,
            "p95_target_ms": scenario.p95_target_ms,
            "search": scenario.search,
        }
        results.append(item)
        unavailable = _availability(scenario, sample, urls)
        if unavailable is None and left() < 45:
            unavailable = "out of time"
        if unavailable:
            item["unavailable"] = unavailable
            continue
        item["urls"] = urls
        say(f"client: {scenario.label}")
        item["client"] = time_client(urls, Budget())
        failed = {code: count for code, count in item["client"]["statuses"].items() if not code.startswith("2")}
        if failed:
            item["errors"] = f"answered {failed} (status: count)"
        if search_kind == "engine" and left() > 45:
            say(f"raw engine: {scenario.label}")
            try:
                raw = engine_floor.floor(urls)
            except Exception as error:  # noqa: BLE001 - an engine that times out must not end the whole run
                item["engine_raw_failed"] = repr(error)[:300]
                raw = None
            if raw:
                item["engine_raw"] = raw
                item["portal_over_raw"] = engine_floor.ratio(item["client"]["p50_ms"], raw["p50_ms"])
    locale = Locale.objects.get(language_code="fi")
    item = {
        "key": BACKEND_SEARCH.key,
        "label": BACKEND_SEARCH.label,
        "p95_target_ms": BACKEND_SEARCH.p95_target_ms,
        "search": True,
    }
    results.append(item)
    if left() < 45:
        item["unavailable"] = "out of time"
    else:
        say(f"in process: {BACKEND_SEARCH.label}")
        item["client"] = time_calls(lambda number: backend_search(sample, number, locale), Budget())
        item["client"]["queries"] = count_queries(lambda number: backend_search(sample, number, locale))
    return results


def http_scenarios(sample, results, seconds, say, left, var_dir):
    """Each available scenario over HTTP with one connection, then cached pages under concurrent load."""
    if not http_load.wrk_available():
        return {"http_skipped": "wrk is not installed (apt-get install wrk)"}
    measured = [item for item in results if item.get("urls")]
    log = var_dir / "gunicorn.log"
    say("http: starting gunicorn without the page cache")
    with http_load.Gunicorn(workers=2, threads=2, log_path=log, page_cache=False) as server:
        for item in measured:
            if left() < seconds + 40:
                item["http_skipped"] = "out of time"
                continue
            say(f"http: {item['label']}")
            http_load.run_wrk(server.base, item["urls"], 1, connections=1)
            item["http"] = http_load.run_wrk(server.base, item["urls"], seconds, connections=1)
    if left() < 60:
        return {"cached_http_skipped": "out of time"}
    paths = [url for item in measured if item["key"] in CACHED_PAGES for url in item["urls"]]
    say("http: cached anonymous pages under load")
    with http_load.Gunicorn(workers=2, threads=4, log_path=log, page_cache=True) as server:
        for path in paths:
            server.get(path)
        hits = sum(server.get(path)[1].get("X-Page-Cache") == "hit" for path in paths)
        http_load.run_wrk(server.base, paths, 2, connections=16, threads=2)
        cached = http_load.run_wrk(server.base, paths, 10, connections=16, threads=2)
        # The ceiling for this server on this machine: a static file under the same load.
        static = http_load.run_wrk(server.base, [STATIC_FILE], 10, connections=16, threads=2)
    cached["hit_ratio_after_warmup"] = f"{hits}/{len(paths)}"
    return {"cached_http": cached, "static_http": static}
