"""Reports and open data at the bench size: a report of about 70 items (target ≤ 10 s) and the export's rate (≥ 2,000 items/s).

The issue's target is a theme of the 2020 report, about 70 items. A generated bank's themes grow with its
size (a sub-theme holds about 335 items at 20,000 pages), so two reports are timed: the theme whose items come
nearest to 70, and the method bank selection (a theme and a region, as a coordinator filters the listing)
that comes nearest to 70 at any size.
"""

import time

from django.db.models import Count
from django.http import QueryDict

from methodbank.models import MethodBankPage, Region, Theme
from reports import open_data
from reports.content import build_report
from reports.render import report_docx, report_pdf
from reports.selection import ITEM_TYPES, Selection

THEME_TARGET_SECONDS = 10
EXPORT_TARGET_ITEMS_PER_S = 2000
THEME_SIZE = 70


def _nearest(size, *fields):
    """The values of ``fields`` whose Finnish models and practices come nearest to ``size`` in number."""
    counts = (
        MethodBankPage.objects.live()
        .filter(item_type__in=ITEM_TYPES, locale__language_code="fi")
        .values(*fields)
        .annotate(items=Count("pk", distinct=True))
        # Without the pages' own ordering, which would group by page.
        .order_by()
    )
    found = [(abs(row["items"] - size), tuple(row[name] for name in fields)) for row in counts]
    found = [(distance, values) for distance, values in found if None not in values]
    return min(found)[1] if found else None


def theme_near(size):
    found = _nearest(size, "themes__code")
    return found[0] if found and found[0] in set(Theme.objects.values_list("code", flat=True)) else None


def selection_near(size):
    """The method bank's filters ``theme`` and ``region`` that select nearest to ``size`` items."""
    found = _nearest(size, "themes__code", "regions__code")
    if found is None or not Region.objects.filter(code=found[1]).exists():
        return None
    return QueryDict(f"theme={found[0]}&region={found[1]}")


def _time_report(selection, label, say):
    began = time.perf_counter()
    report = build_report(selection)
    built = time.perf_counter()
    pdf = report_pdf(report)
    rendered = time.perf_counter()
    report_docx(report)
    timed = {
        "selection": label,
        "items": report.item_count,
        "content_seconds": round(built - began, 2),
        "pdf_seconds": round(rendered - began, 2),
        "pdf_bytes": len(pdf),
        "docx_seconds": round(time.perf_counter() - rendered, 2),
    }
    say(
        f"  report of {label}: {report.item_count} items, PDF in {timed['pdf_seconds']} s, "
        f"DOCX in {timed['docx_seconds']} s"
    )
    return timed


def measure(say):
    result = {"targets": {"theme_seconds": THEME_TARGET_SECONDS, "export_items_per_s": EXPORT_TARGET_ITEMS_PER_S}}
    code = theme_near(THEME_SIZE)
    if code is not None:
        result["theme"] = _time_report(Selection.from_choices("fi", [code]), f"theme {code}", say)
    params = selection_near(THEME_SIZE)
    if params is not None:
        result["selection"] = _time_report(Selection.from_bank(params, "fi"), params.urlencode(), say)
    for name, lines in (("csv", open_data.csv_lines), ("jsonld", open_data.jsonld_chunks)):
        began = time.perf_counter()
        chunks = sum(1 for _chunk in lines(open_data.selected_pages(), "http://bench.invalid"))
        seconds = time.perf_counter() - began
        items = chunks - (1 if name == "csv" else 2)
        result[f"export_{name}"] = {
            "items": items,
            "seconds": round(seconds, 2),
            "items_per_s": round(items / seconds, 1) if seconds else 0,
        }
        say(f"  export {name}: {items} item versions at {result[f'export_{name}']['items_per_s']}/s")
    return result
