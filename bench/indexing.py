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
    """Run every indexing command from scratch; items per second over all search backends."""
    commands = get_commands()
    steps = []
    began = time.perf_counter()
    for name in PREPARE_COMMANDS:
        if name in commands:
            step_began = time.perf_counter()
            call_command(name, verbosity=0, stdout=io.StringIO())
            steps.append({"command": name, "seconds": round(time.perf_counter() - step_began, 2)})
    output = io.StringIO()
    step_began = time.perf_counter()
    call_command("update_index", verbosity=1, stdout=output)
    steps.append({"command": "update_index", "seconds": round(time.perf_counter() - step_began, 2)})
    seconds = time.perf_counter() - began
    per_backend = {
        name: int(count) for name, count in re.findall(r"^(\w+): indexed (\d+) objects", output.getvalue(), re.M)
    }
    items = sum(per_backend.values())
    return {
        "items": items,
        "per_backend": per_backend,
        "seconds": round(seconds, 2),
        "items_per_s": round(items / seconds, 1) if seconds else 0,
        "steps": steps,
    }


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
