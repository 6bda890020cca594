"""Reports and open data at the bench size: one theme's report (target ≤ 10 s) and the export's rate (≥ 2,000 items/s).

The theme is the one whose models and practices come nearest to 70, the size of a theme of the 2020 report.
"""

import time

from django.db.models import Count

from methodbank.models import MethodBankPage, Theme
from reports import open_data
from reports.content import build_report
from reports.render import report_docx, report_pdf
from reports.selection import ITEM_TYPES, Selection

THEME_TARGET_SECONDS = 10
EXPORT_TARGET_ITEMS_PER_S = 2000
THEME_SIZE = 70


def theme_near(size):
    counts = (
        MethodBankPage.objects.live()
        .filter(item_type__in=ITEM_TYPES, locale__language_code="fi")
        .values("themes__code")
        .annotate(items=Count("pk"))
        # Without the pages' own ordering, which would group by page.
        .order_by()
    )
    known = set(Theme.objects.values_list("code", flat=True))
    found = [(abs(row["items"] - size), row["themes__code"]) for row in counts if row["themes__code"] in known]
    return min(found)[1] if found else None


def measure(say):
    result = {"targets": {"theme_seconds": THEME_TARGET_SECONDS, "export_items_per_s": EXPORT_TARGET_ITEMS_PER_S}}
    code = theme_near(THEME_SIZE)
    if code is not None:
        began = time.perf_counter()
        report = build_report(Selection.from_choices("fi", [code]))
        built = time.perf_counter()
        pdf = report_pdf(report)
        rendered = time.perf_counter()
        report_docx(report)
        result["theme"] = {
            "code": code,
            "items": report.item_count,
            "content_seconds": round(built - began, 2),
            "pdf_seconds": round(rendered - began, 2),
            "pdf_bytes": len(pdf),
            "docx_seconds": round(time.perf_counter() - rendered, 2),
        }
        say(f"  report of theme {code}: {report.item_count} items, PDF in {result['theme']['pdf_seconds']} s")
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
