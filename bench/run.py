"""``python -m bench``: build the bank at each size, then time indexing, pages and searches.

The run is bounded: every measurement has a time budget, phases are skipped
once the deadline is near, and a hard alarm stops the run (writing what it has)
if something hangs.
"""

import argparse
import datetime
import io
import signal
import subprocess
import sys
import time
from contextlib import redirect_stdout

from tqdm import tqdm

from .stack import BACKENDS, prepare_for_django

# The time budget: 18 minutes for the usual 20,000 pages, more for larger banks (generation, the full
# reindex and the measurements grow with the pages): 1000,20000,100000 on the engine gets 80 minutes.
BASE_MINUTES = 12
MINUTES_PER_1000_PAGES = 0.55


def default_minutes(sizes):
    return max(18, round(BASE_MINUTES + MINUTES_PER_1000_PAGES * sum(sizes) / 1000))


class OutOfTime(Exception):
    pass


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--size",
        default="20000",
        help="method bank pages (all languages); several comma-separated sizes grow one bank, e.g. 1000,5000,20000",
    )
    parser.add_argument("--backend", default="sqlite", choices=BACKENDS)
    parser.add_argument(
        "--minutes",
        type=float,
        default=None,
        help="stop after this long (default 18, or 12 + 0.55 per 1000 pages of all sizes together when more)",
    )
    parser.add_argument("--http-seconds", type=int, default=5, help="wrk duration per scenario")
    parser.add_argument(
        "--load-seconds", type=int, default=60, help="the load test at the last size (0 to skip it; default 60)"
    )
    parser.add_argument("--no-http", action="store_true", help="skip the gunicorn/wrk part")
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(part) for part in args.size.split(",") if part.strip()})
    except ValueError:
        parser.error(f"--size takes whole numbers separated by commas, got {args.size!r}")
    if not args.sizes or min(args.sizes) < 50:
        parser.error("--size must be at least 50")
    if args.minutes is None:
        args.minutes = default_minutes(args.sizes)
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.monotonic()
    deadline = started + args.minutes * 60
    stack = prepare_for_django(args.backend, "bench")
    if stack is None:
        return 2

    def out_of_time(signum, frame):
        raise OutOfTime

    signal.signal(signal.SIGALRM, out_of_time)
    # The hard stop: a little after the deadline, whatever is running.
    signal.alarm(int(args.minutes * 60 + 90))
    try:
        return Benchmark(args, stack, deadline).run()
    finally:
        signal.alarm(0)
        stack.stop()


class Benchmark:
    def __init__(self, args, stack, deadline):
        self.args = args
        self.stack = stack
        self.deadline = deadline

    def left(self):
        return self.deadline - time.monotonic()

    def reserved(self):
        """Seconds kept for the load test and the import after the last size."""
        load = 0 if self.args.no_http or not self.args.load_seconds else self.args.load_seconds + 60
        return load + 90

    def say(self, text):
        print(f"[bench {datetime.datetime.now():%H:%M:%S}] {text}", flush=True)

    def run(self):
        import django

        django.setup()
        from . import report
        from .scenarios import CACHED_TARGET_SHARE_OF_STATIC, IMPORT_TARGET_SECONDS, REINDEX_TARGET_ITEMS_PER_S

        self.result = {
            "backend": self.stack.backend,
            "search_kind": self.stack.search_kind,
            "database": self.stack.database_kind,
            "machine": report.machine(),
            "commit": report.commit(),
            "started": datetime.datetime.now().isoformat(timespec="seconds"),
            "load_before": report.load_average(),
            "targets": {
                "cached_share_of_static": CACHED_TARGET_SHARE_OF_STATIC,
                "reindex_items_per_s": REINDEX_TARGET_ITEMS_PER_S,
                "import_seconds": IMPORT_TARGET_SECONDS,
            },
            "settings": {
                "sizes": self.args.sizes,
                "http_seconds": self.args.http_seconds,
                "load_seconds": self.args.load_seconds,
                "minutes": self.args.minutes,
                "seed": self.args.seed,
            },
            "runs": [],
            "notes": [],
        }
        if self.result["load_before"][0] > 1.0:
            self.result["notes"].append(
                f"the machine was busy when the run started (load {self.result['load_before'][0]}); "
                "timings include that contention"
            )
        status = 0
        try:
            self.set_up()
            previous = None  # (size, seconds) of the last size measured
            for size in self.args.sizes:
                # A size is measured in about the time of the last one, scaled by the pages; the load test
                # and the import at the end keep their time.
                needed = 60 if previous is None else previous[1] * size / previous[0]
                if self.left() - self.reserved() < needed:
                    self.result["notes"].append(
                        f"stopped before size {size}: out of time (about {needed / 60:.0f} min needed, "
                        f"{self.left() / 60:.0f} left; raise --minutes)"
                    )
                    break
                began = time.monotonic()
                self.result["runs"].append(self.measure_size(size))
                previous = (size, time.monotonic() - began)
            self.load_test()
            self.time_import()
        except OutOfTime:
            self.result["notes"].append("stopped by the time limit; results are partial")
            status = 3
        self.result["load_after"] = report.load_average()
        self.result["seconds"] = round(time.monotonic() - (self.deadline - self.args.minutes * 60), 1)
        path = report.write(self.result)
        print()
        print(report.table(self.result, path))
        return status

    def set_up(self):
        from django.core.management import call_command

        from demo.content import load_method_bank, load_site

        self.say(f"migrating a fresh {self.stack.database_kind} database")
        call_command("migrate", verbosity=0)
        self.say("loading the demo site (home pages, vocabularies, demo items)")
        with redirect_stdout(io.StringIO()):
            load_method_bank(load_site())

    def measure_size(self, size):
        from demo.synthetic import generate
        from methodbank.models import MethodBankPage

        from . import indexing, measure, reports

        run = {"size": size}
        self.say(f"growing the bank to {size} pages")
        began = time.perf_counter()
        existing = MethodBankPage.objects.count()
        with tqdm(total=size, initial=min(existing, size), unit=" pages", file=sys.stderr, dynamic_ncols=True) as bar:
            added = generate.grow(size, seed=self.args.seed, progress=lambda count: bar.update(count - bar.n))
        seconds = time.perf_counter() - began
        run["generate"] = {
            "pages_added": added,
            "seconds": round(seconds, 2),
            "pages_per_s": round(added / seconds, 1) if seconds else 0,
        }
        run["pages"] = measure.page_counts()
        self.say("full reindex")
        run["index"] = indexing.full_reindex()
        self.say(f"  {run['index']['items']} items in {run['index']['seconds']} s ({run['index']['items_per_s']}/s)")
        run["verify"] = measure.verify()
        self.say(f"verified: {run['verify']['summary']}")
        sample = measure.build_sample()
        self.sample = sample
        run["scenarios"] = measure.client_scenarios(sample, self.stack.search_kind, self.say, self.left)
        self.say("report of one theme and the open data export")
        run["reports"] = reports.measure(self.say)
        if not self.args.no_http:
            run.update(
                measure.http_scenarios(
                    sample, run["scenarios"], self.args.http_seconds, self.say, self.left, self.stack.var_dir
                )
            )
        return run

    def load_test(self):
        """Distinct searches under 8 connections, at the last size measured (``bench/load.py``)."""
        from . import http_load, load

        if self.args.no_http or not self.args.load_seconds or not self.result["runs"]:
            return
        run = self.result["runs"][-1]
        if not http_load.wrk_available():
            run["load_skipped"] = "wrk is not installed"
        elif self.left() < self.args.load_seconds + 60:
            run["load_skipped"] = "out of time"
        else:
            self.say(f"load: distinct searches, {load.CONNECTIONS} connections for {self.args.load_seconds} s")
            try:
                run["load"] = load.run(
                    self.sample, self.stack.search_kind, self.stack.var_dir / "gunicorn.log", self.args.load_seconds
                )
            except (RuntimeError, OSError, subprocess.SubprocessError) as error:
                run["load_skipped"] = f"failed: {error}"

    def time_import(self):
        from .indexing import time_import_report

        if self.left() < 90:
            self.result["import_report"] = {"skipped": "out of time"}
            return
        self.say("importing the report")
        self.result["import_report"] = time_import_report()
