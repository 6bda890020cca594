"""Timing a full search reindex and the import of the report."""

import io
import os
import re
import time
from pathlib import Path

from django.core.management import call_command, get_commands

# Commands that build what the search backends index, run before update_index
# when the portal has them (the search work adds its own search documents).
PREPARE_COMMANDS = ("rebuild_search_documents",)
SEED_REPORTS = Path("/work/shared/seeds")


def full_reindex():
    """Rebuild the search documents (when the portal has them), then ``update_index`` over every backend.

    The issue's throughput figure is ``update_index``'s: objects indexed per
    second, summed over the configured backends. The search documents are
    timed on their own, as pages per second.
    """
    commands = get_commands()
    result = {}
    began = time.perf_counter()
    for name in PREPARE_COMMANDS:
        if name in commands:
            output = io.StringIO()
            step_began = time.perf_counter()
            call_command(name, verbosity=1, stdout=output)
            seconds = time.perf_counter() - step_began
            counted = re.search(r"(\d+)", output.getvalue())
            documents = int(counted.group(1)) if counted else 0
            result["documents"] = {
                "command": name,
                "documents": documents,
                "seconds": round(seconds, 2),
                "per_s": round(documents / seconds, 1) if seconds else 0,
            }
    output = io.StringIO()
    step_began = time.perf_counter()
    call_command("update_index", verbosity=1, stdout=output)
    seconds = time.perf_counter() - step_began
    # A search engine has one index per model, each reported on a line of its own.
    per_backend = {}
    for name, count in re.findall(r"^(\w+): indexed (\d+) objects", output.getvalue(), re.M):
        per_backend[name] = per_backend.get(name, 0) + int(count)
    items = sum(per_backend.values())
    result.update(
        {
            "items": items,
            "per_backend": per_backend,
            "seconds": round(seconds, 2),
            "items_per_s": round(items / seconds, 1) if seconds else 0,
            "total_seconds": round(time.perf_counter() - began, 2),
        }
    )
    return result


def report_path():
    given = os.environ.get("REPORT_PATH")
    if given:
        return Path(given)
    return next(iter(sorted(SEED_REPORTS.glob("001_*.txt"))), None)


def time_import_report():
    """``manage.py import_report PATH`` on the bench database, when the portal has that command."""
    if "import_report" not in get_commands():
        return {"skipped": "manage.py import_report is not part of this build"}
    path = report_path()
    if path is None or not path.exists():
        return {"skipped": "no report file: set REPORT_PATH"}
    began = time.perf_counter()
    output = io.StringIO()
    call_command("import_report", str(path), stdout=output, stderr=output)
    return {"seconds": round(time.perf_counter() - began, 2), "path": str(path), "output": output.getvalue()[-2000:]}
