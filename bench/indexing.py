"""Timing a full search reindex and the import of the report."""

import io
import os
import re
import time
from pathlib import Path

from django.core.management import call_command, get_commands

# The full rebuild the README documents: every page's search document (analysed
# text and facets, sent to the backends), then update_index over every backend.
# An earlier portal without search documents only has update_index.
FULL_REBUILD = ("rebuild_search_documents", "update_index")
SEED_REPORTS = Path("/work/shared/seeds")


# Commands that draw a progress bar on stderr when asked, while their output is read here.
WITH_PROGRESS = {"update_index": {"progress": True}}


def _run(name):
    output = io.StringIO()
    began = time.perf_counter()
    call_command(name, verbosity=1, stdout=output, **WITH_PROGRESS.get(name, {}))
    return output.getvalue(), time.perf_counter() - began


def full_reindex():
    """Time the full rebuild from start to finish: items per second is the issue's figure.

    Items are the objects ``update_index`` reports, summed over the configured
    backends; the seconds are those of the whole rebuild, both commands, so
    the rate is what an operator waits for. Each command's own time is kept too.
    """
    commands = get_commands()
    result = {"commands": [name for name in FULL_REBUILD if name in commands], "steps": {}}
    for name in result["commands"]:
        output, seconds = _run(name)
        step = {"seconds": round(seconds, 2)}
        if name == "update_index":
            # A search engine has one index per model, each reported on a line of its own.
            per_backend = {}
            for backend, count in re.findall(r"^(\w+): indexed (\d+) objects", output, re.M):
                per_backend[backend] = per_backend.get(backend, 0) + int(count)
            step.update(items=sum(per_backend.values()), per_backend=per_backend)
        else:
            counted = re.search(r"(\d+)", output)
            step["documents"] = int(counted.group(1)) if counted else 0
        result["steps"][name] = step
    seconds = sum(step["seconds"] for step in result["steps"].values())
    items = result["steps"]["update_index"]["items"]
    result.update(items=items, seconds=round(seconds, 2), items_per_s=round(items / seconds, 1) if seconds else 0)
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
