"""``python -m bench.relevance``: how well search finds known pages of the imported 2020 report.

Each line of ``bench/relevance_queries.tsv`` is a query a visitor would type
(inflected forms, compounds, derivations, typos; Finnish, Swedish, English)
and fragments of the titles it should find. The run imports the report and
the project pages into a fresh database on the chosen backend, asks the JSON
API (``/api/search/``) each query, and prints per query the rank of the first
wanted title, then how many were found in the top ten and the mean
reciprocal rank (MRR).
"""

import argparse
import csv
import io
import sys
from contextlib import redirect_stdout
from pathlib import Path

from .stack import BACKENDS, prepare_for_django

ROOT = Path(__file__).resolve().parent.parent
QUERIES = Path(__file__).with_name("relevance_queries.tsv")
SEEDS = ROOT.parent / "shared" / "seeds"
TOP = 10


def read_queries(path=QUERIES):
    """``[(language, query, [title fragments])]`` from the tab-separated file; # starts a comment."""
    rows = []
    with open(path, encoding="utf-8") as lines:
        for number, row in enumerate(csv.reader(lines, delimiter="\t"), start=1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) != 3:
                raise ValueError(f"{path}:{number}: expected language, query and wanted titles, got {row!r}")
            language, query, wanted = row
            rows.append((language, query, [fragment.strip().casefold() for fragment in wanted.split("|")]))
    return rows


def first_rank(titles, wanted):
    """1-based rank of the first title containing a wanted fragment, or None."""
    for rank, title in enumerate(titles, start=1):
        if any(fragment in title.casefold() for fragment in wanted):
            return rank
    return None


def import_report(seeds):
    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    from demo.content import load_method_bank, load_site

    call_command("migrate", verbosity=0)
    # On the engine: indexes with the portal's mappings before any document arrives.
    call_command("update_index", schema_only=True, verbosity=0)
    with redirect_stdout(io.StringIO()):
        load_method_bank(load_site())
        call_command("import_report", str(next(seeds.glob("001_*.txt"))))
        call_command("import_project_page", *sorted(str(path) for path in seeds.glob("00[0234]_*.txt")))
    get_search_backend("default").refresh_indexes()


def run_queries(queries):
    from django.test import Client

    client = Client()
    results = []
    for language, query, wanted in queries:
        response = client.get("/api/search/", {"q": query, "lang": language, "page_size": TOP})
        body = response.json()
        titles = [result["title"] for result in body.get("results", [])]
        results.append((language, query, first_rank(titles, wanted), body.get("suggestion")))
    return results


def summary(results):
    found = sum(1 for _language, _query, rank, _suggestion in results if rank)
    mrr = sum(1 / rank for _language, _query, rank, _suggestion in results if rank) / max(len(results), 1)
    return found, mrr


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.relevance", description=__doc__)
    parser.add_argument("--backend", default="sqlite", choices=BACKENDS)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args(argv)
    stack = prepare_for_django(args.backend, "relevance")
    if stack is None:
        return 2
    try:
        import django

        django.setup()
        import_report(args.seeds)
        results = run_queries(read_queries())
    finally:
        stack.stop()
    for language, query, rank, suggestion in results:
        note = f"  (suggestion: {suggestion['query']})" if suggestion else ""
        print(f"{language}  {rank or '-':>2}  {query}{note}")
    found, mrr = summary(results)
    print(f"\n{args.backend}: {found}/{len(results)} in the top {TOP}, MRR {mrr:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
