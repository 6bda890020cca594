"""The results: one printed table, and a JSON file under var/bench/ tagged with machine, backend and commit."""

import datetime
import json
import os
import platform
import subprocess
from pathlib import Path

from .stack import ROOT

RESULTS_DIR = ROOT / "var" / "bench"
# A p95 this much above the last comparable run is flagged as slower.
REGRESSION_FACTOR = 1.2


def machine():
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next((line.split(":", 1)[1].strip() for line in cpuinfo.open() if line.startswith("model name")), "")
    memory_gb = None
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kb = next(int(line.split()[1]) for line in meminfo.open() if line.startswith("MemTotal"))
        memory_gb = round(total_kb / 1024 / 1024, 1)
    return {
        "hostname": platform.node(),
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "system": platform.platform(),
        "python": platform.python_version(),
    }


def load_average():
    return [round(value, 2) for value in os.getloadavg()]


def commit():
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()  # noqa: S603, S607

    changed = git("status", "--porcelain", "--untracked-files=no")
    return {
        "sha": git("rev-parse", "--short", "HEAD"),
        "branch": git("rev-parse", "--abbrev-ref", "HEAD"),
        "dirty": bool(changed),
    }


def write(result):
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    sizes = "-".join(str(run["size"]) for run in result["runs"]) or "none"
    path = RESULTS_DIR / f"{stamp}-{result['backend'].replace('+', '-')}-{sizes}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return path


def previous_run(result, size, exclude):
    """The latest earlier run on the same machine and backend at the same size, for the "vs last" column."""
    candidates = sorted(RESULTS_DIR.glob(f"*-{result['backend'].replace('+', '-')}-*.json"), reverse=True)
    for path in candidates:
        if path == exclude:
            continue
        try:
            earlier = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        if earlier.get("machine", {}).get("hostname") != result["machine"]["hostname"]:
            continue
        for run in earlier.get("runs", []):
            if run.get("size") == size:
                return run
    return None


def _ms(value):
    return "" if value is None else f"{value:.1f}"


def _target(scenario_result, backend_kind):
    targets = scenario_result.get("p95_target_ms") or {}
    target = targets.get(backend_kind, targets.get("*"))
    if target is None:
        return ""
    measured = [part.get("p95_ms") for part in (scenario_result.get("client"), scenario_result.get("http")) if part]
    measured = [value for value in measured if value is not None]
    if not measured:
        return f"p95≤{target}"
    return f"p95≤{target} {'ok' if max(measured) <= target else 'MISSED'}"


def _trend(current, earlier):
    if current is None or not earlier:
        return ""
    change = current / earlier
    flag = "  SLOWER" if change > REGRESSION_FACTOR else ""
    return f"{(change - 1) * 100:+.0f}%{flag}"


COLUMNS = [
    ("size", 6),
    ("measurement", 34),
    ("client p50", 10),
    ("p95", 8),
    ("queries", 7),
    ("http p50", 9),
    ("p95", 8),
    ("result / target", 30),
    ("vs last p95", 16),
]


def _row(values):
    cells = []
    for (_name, width), value in zip(COLUMNS, values, strict=True):
        text = str(value)
        cells.append(text.ljust(width) if width > 8 else text.rjust(width))
    return "  ".join(cells).rstrip()


def _load_row(size, label, load, target, earlier):
    """A table row for a throughput run under concurrent load (``load`` from http_load.run_wrk)."""
    return _row(
        [
            size,
            f"{label}, {load['connections']} connections",
            "",
            "",
            "",
            _ms(load["p50_ms"]),
            _ms(load["p95_ms"]),
            f"{load['rps']:.0f} req/s {target}",
            _trend(load["p95_ms"], (earlier or {}).get("p95_ms")),
        ]
    )


# Portal p50 over the raw engine's p50, and search p95 at the largest size over the smallest, on the engine.
RAW_RATIO_TARGET = 2.0
SCALE_TARGET = 1.5


def _raw_row(size, item, raw):
    """The engine floor under a scenario: its own msearch bodies sent straight to the engine."""
    ratio = item.get("portal_over_raw")
    verdict = f"portal/raw p50 {ratio:.1f}× ≤{RAW_RATIO_TARGET:.0f}× {'ok' if ratio <= RAW_RATIO_TARGET else 'MISSED'}"
    return _row([size, "  raw engine _msearch", _ms(raw["p50_ms"]), _ms(raw["p95_ms"]), "", "", "", verdict, ""])


def _distinct_load_row(size, load):
    errors = load["non_2xx"] + load["socket_errors"]
    label = f"Distinct searches, {load['connections']} conn {load['seconds']} s"
    text = f"{load['rps']:.0f} req/s p99 {load['p99_ms']:.0f}, {errors} errors {'ok' if load['ok'] else 'MISSED'}"
    return _row([size, label, "", "", "", _ms(load["p50_ms"]), _ms(load["p95_ms"]), text, ""])


def _cached_target(result, cached, static):
    share = result["targets"].get("cached_share_of_static")
    if not share or not static or not static.get("rps"):
        return ""
    measured = cached["rps"] / static["rps"]
    return f"{measured:.0%} of static, ≥{share:.0%} {'ok' if measured >= share else 'MISSED'}"


def report_lines(size, reports):
    """The reports' and open data's figures (bench/reports.py) with their targets."""
    lines = []
    targets = reports.get("targets", {})
    for key in ("theme", "selection"):
        timed = reports.get(key)
        if timed:
            target = targets["theme_seconds"]
            verdict = "ok" if timed["pdf_seconds"] <= target else "MISSED"
            lines.append(
                _row(
                    [
                        size,
                        f"Report PDF of {timed['selection']}, {timed['items']} items",
                        "",
                        "",
                        "",
                        "",
                        "",
                        f"{timed['pdf_seconds']:.1f} s ≤{target} {verdict} (DOCX {timed['docx_seconds']:.1f} s)",
                        "",
                    ]
                )
            )
    for name in ("csv", "jsonld"):
        export = reports.get(f"export_{name}")
        if export:
            target = targets["export_items_per_s"]
            verdict = "ok" if export["items_per_s"] >= target else "MISSED"
            text = f"{export['items_per_s']:.0f}/s ≥{target} {verdict}"
            lines.append(_row([size, f"Open data {name}, {export['items']} items", "", "", "", "", "", text, ""]))
    return lines


def scale_lines(result):
    """How each scenario's p95 grew from the smallest size to the largest (only for several sizes)."""
    runs = [run for run in result["runs"] if run.get("scenarios")]
    if len(runs) < 2:
        return []
    first, last = runs[0], runs[-1]
    lines = ["", f"p95 growth from {first['size']} to {last['size']} pages (client · http):"]
    earlier = {item["key"]: item for item in first["scenarios"]}
    for item in last["scenarios"]:
        before = earlier.get(item["key"], {})
        parts = []
        for kind in ("client", "http"):
            now, then = (item.get(kind) or {}).get("p95_ms"), (before.get(kind) or {}).get("p95_ms")
            parts.append(f"{then:.0f} → {now:.0f} ms ({now / then:.2f}×)" if now and then else "—")
        verdict = ""
        if item.get("search") and result["search_kind"] == "engine" and (item.get("client") or {}).get("p95_ms"):
            growth = max(
                (item[kind]["p95_ms"] / before[kind]["p95_ms"])
                for kind in ("client", "http")
                if (item.get(kind) or {}).get("p95_ms") and (before.get(kind) or {}).get("p95_ms")
            )
            verdict = f"  ≤{SCALE_TARGET}× {'ok' if growth <= SCALE_TARGET else 'MISSED'}"
        lines.append(f"  {item['label']:<34} {parts[0]:<28} {parts[1]}{verdict}")
    return lines


def table(result, json_path=None):
    lines = [
        f"Benchmark: backend={result['backend']} commit={result['commit']['sha']}"
        f"{' (uncommitted changes)' if result['commit']['dirty'] else ''} machine={result['machine']['hostname']} "
        f"({result['machine']['cores']} cores, {result['machine']['cpu']}) load {result['load_before']} -> "
        f"{result.get('load_after', '?')}",
        _row([name for name, _width in COLUMNS]),
        "-" * (sum(width for _name, width in COLUMNS) + 2 * (len(COLUMNS) - 1)),
    ]
    kind = result["search_kind"]
    for run in result["runs"]:
        size = run["size"]
        earlier = previous_run(result, size, json_path) or {}
        earlier_scenarios = {item["key"]: item for item in earlier.get("scenarios", [])}
        for item in run["scenarios"]:
            client, http = item.get("client") or {}, item.get("http") or {}
            if item.get("unavailable"):
                lines.append(
                    _row([size, item["label"], "", "", "", "", "", f"not available: {item['unavailable']}", ""])
                )
                continue
            before = earlier_scenarios.get(item["key"], {})
            before_p95 = (before.get("http") or before.get("client") or {}).get("p95_ms")
            now_p95 = (http or client).get("p95_ms")
            lines.append(
                _row(
                    [
                        size,
                        item["label"],
                        _ms(client.get("p50_ms")),
                        _ms(client.get("p95_ms")),
                        client.get("queries", ""),
                        _ms(http.get("p50_ms")),
                        _ms(http.get("p95_ms")),
                        _target(item, kind),
                        _trend(now_p95, before_p95),
                    ]
                )
            )
            raw = item.get("engine_raw")
            if raw:
                lines.append(_raw_row(size, item, raw))
        load = run.get("load")
        if load:
            lines.append(_distinct_load_row(size, load))
        elif run.get("load_skipped"):
            lines.append(_row([size, "Distinct searches under load", "", "", "", "", "", run["load_skipped"], ""]))
        cached = run.get("cached_http")
        static = run.get("static_http")
        if cached:
            lines.append(
                _load_row(
                    size, "Cached pages", cached, _cached_target(result, cached, static), earlier.get("cached_http")
                )
            )
        if static:
            lines.append(_load_row(size, "Static file", static, "(baseline)", earlier.get("static_http")))
        indexing = run.get("index")
        if indexing:
            verdict = "ok" if indexing["items_per_s"] >= result["targets"]["reindex_items_per_s"] else "MISSED"
            lines.append(
                _row(
                    [
                        size,
                        f"Full reindex ({' + '.join(indexing['commands'])}), {indexing['items']} items",
                        "",
                        "",
                        "",
                        "",
                        "",
                        f"{indexing['seconds']:.1f} s, {indexing['items_per_s']:.0f}/s "
                        f"≥{result['targets']['reindex_items_per_s']} {verdict}",
                        "",
                    ]
                )
            )
            for name, step in indexing["steps"].items():
                counted = f"{step['items']} items" if "items" in step else f"{step['documents']} pages"
                lines.append(_row([size, f"  {name}, {counted}", "", "", "", "", "", f"{step['seconds']:.1f} s", ""]))
        generation = run.get("generate")
        if generation:
            lines.append(
                _row(
                    [
                        size,
                        f"Generate {generation['pages_added']} pages",
                        "",
                        "",
                        "",
                        "",
                        "",
                        f"{generation['seconds']:.1f} s ({generation['pages_per_s']:.0f}/s)",
                        "",
                    ]
                )
            )
    lines += scale_lines(result)
    for run in result["runs"]:
        for item in run["scenarios"]:
            if item.get("errors"):
                lines.append(f"note: {run['size']} {item['label']}: {item['errors']}")
            if item.get("engine_raw_failed"):
                lines.append(
                    f"note: {run['size']} {item['label']}: raw engine timing failed: {item['engine_raw_failed']}"
                )
    for run in result["runs"]:
        lines += report_lines(run["size"], run.get("reports") or {})
    report = result.get("import_report") or {}
    if report:
        if "seconds" in report:
            target = result["targets"].get("import_seconds")
            text = f"{report['seconds']:.1f} s" + (
                f" ≤{target} {'ok' if report['seconds'] <= target else 'MISSED'}" if target else ""
            )
        else:
            text = f"not available: {report.get('skipped')}"
        lines.append(_row(["", "Import the report", "", "", "", "", "", text, ""]))
    for note in result.get("notes", []):
        lines.append(f"note: {note}")
    if json_path:
        lines.append(f"written to {json_path.relative_to(ROOT)}")
    return "\n".join(lines)
