"""Under load: distinct searches with words and facets from 8 connections for 60 s, as visitors send them.

The URLs are all different (words, facets, type and language combined at random), and each wrk thread
takes its own share of them (``http_load.DISTINCT_SCRIPT``), so the page cache answers none of them.
gunicorn runs as the production image starts it (docker/Dockerfile: 3 sync workers, page cache on).
"""

import argparse
import json
import random
import sys
from urllib.parse import urlencode

from . import http_load
from .scenarios import _reverse
from .stack import BACKENDS, prepare_for_django

CONNECTIONS = 8
THREADS = 2
SECONDS = 60
# More than the fastest run sends in SECONDS, so that no URL is requested twice.
DISTINCT_URLS = 30_000
WARMUP_URLS = 300
# As docker/Dockerfile runs gunicorn.
WORKERS = 3
TYPES = ("model", "practice", "project")
# Targets by search backend: requests per second at least, p95 at most (ms).
TARGETS = {"sqlite": (60, 300), "postgres": (60, 300), "engine": (100, 200)}


def distinct_search_urls(sample, count=DISTINCT_URLS, seed=2020):
    """``count`` different site searches: one or two words and two to four facets, in fi, sv or en."""
    rng = random.Random(seed)  # noqa: S311 - reproducible URLs, not secrets
    bases = {language: _reverse("search", language) for language in ("fi", "sv", "en")}
    facet_values = {
        "theme": sample.themes,
        "target_group": sample.target_groups,
        "region": sample.regions,
        "type": TYPES,
    }
    urls = set()
    while len(urls) < count:
        language = rng.choice(("fi", "fi", "sv", "en"))
        words = rng.sample(sample.query_words[language], rng.choice((1, 1, 2)))
        facets = rng.sample(sorted(facet_values), rng.randint(2, 4))
        query = [("q", " ".join(words))] + [(facet, rng.choice(facet_values[facet])) for facet in sorted(facets)]
        urls.add(f"{bases[language]}?{urlencode(query)}")
    return sorted(urls, key=lambda url: rng.random())


def run(sample, search_kind, log_path, seconds=SECONDS):
    """The load test's figures (requests/s, p50, p95, p99, errors) and the verdict against the targets."""
    urls = distinct_search_urls(sample, WARMUP_URLS + DISTINCT_URLS)
    warmup, urls = urls[:WARMUP_URLS], urls[WARMUP_URLS:]
    with http_load.Gunicorn(
        workers=WORKERS, threads=1, log_path=log_path, page_cache=True, worker_class="sync"
    ) as server:
        # Warm each worker's imports and connections on URLs the measured run does not send.
        http_load.run_wrk(server.base, warmup, 3, connections=CONNECTIONS)
        result = http_load.run_wrk(
            server.base, urls, seconds, CONNECTIONS, threads=THREADS, script=http_load.DISTINCT_SCRIPT
        )
    result.update(workers=WORKERS, seconds=seconds, distinct_urls=len(urls), repeated=max(0, result["n"] - len(urls)))
    rps_target, p95_target = TARGETS[search_kind]
    errors = result["non_2xx"] + result["socket_errors"]
    result["target"] = f"≥{rps_target} req/s at p95≤{p95_target}, no errors"
    result["ok"] = result["rps"] >= rps_target and result["p95_ms"] <= p95_target and errors == 0
    return result


def main(argv=None):
    """``python -m bench.load --backend B``: the load test again, on the bank the last ``python -m bench`` left."""
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=main.__doc__)
    parser.add_argument("--backend", default="sqlite", choices=BACKENDS)
    parser.add_argument("--seconds", type=int, default=SECONDS)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    stack = prepare_for_django(args.backend, "bench.load", fresh=False)
    if stack is None:
        return 2
    try:
        import django

        django.setup()
        from . import measure, report

        pages = measure.page_counts()["method_bank_pages"]
        load_before = report.load_average()
        result = run(measure.build_sample(), stack.search_kind, stack.var_dir / "gunicorn.log", args.seconds)
        result.update(pages=pages, load_before=load_before, load_after=report.load_average())
        print(report._distinct_load_row(pages, result))
        print(json.dumps(result))
    finally:
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
