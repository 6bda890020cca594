"""Reports made once and reused: ``report_file`` serves a stored report while the content is unchanged.

A small selection is made on request (one theme, about 70 items, takes a few seconds); a larger one only by
``manage.py build_report``, which shows its progress, so that no request waits for the whole bank.
"""

import os
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .content import build_report, fingerprint
from .models import StoredReport
from .render import report_docx, report_pdf
from .selection import Selection

FORMATS = {
    "pdf": (report_pdf, "application/pdf", "pdf"),
    "docx": (report_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
}
# The largest selection made while the visitor waits.
ON_REQUEST_LIMIT = 150


class TooLarge(Exception):
    """The selection has more items than a request may wait for: ``count`` of them."""

    def __init__(self, count):
        super().__init__(count)
        self.count = count


def selection_params(selection):
    return {
        "bank": [[name, list(values)] for name, values in selection.bank_params],
        "themes": list(selection.themes),
        "periods": list(selection.periods),
    }


def selection_from_params(params, language):
    if params.get("bank"):
        bank = Selection(language=language, bank_params=tuple((name, tuple(values)) for name, values in params["bank"]))
        return Selection.from_bank(bank.params(), language)
    return Selection.from_choices(language, params.get("themes", ()), params.get("periods", ()))


def path_of(stored):
    return Path(settings.REPORTS_DIR) / stored.file_name


def fresh(selection, file_format):
    """The stored report of this selection, language and format if it shows the current content, else None."""
    stored = StoredReport.objects.filter(
        selection_key=selection.key, language=selection.language, format=file_format, status=StoredReport.Status.READY
    ).first()
    if stored is None or stored.fingerprint != fingerprint() or not path_of(stored).exists():
        return None
    return stored


def produce(selection, file_format, progress=None, limit=None):
    """Make the report, store it and return its StoredReport; ``limit`` refuses larger selections (TooLarge)."""
    current = fingerprint()
    keys = selection.translation_keys()
    if limit is not None and len(keys) > limit:
        raise TooLarge(len(keys))
    stored, _created = StoredReport.objects.update_or_create(
        selection_key=selection.key,
        language=selection.language,
        format=file_format,
        defaults={
            "selection_label": selection.description(),
            "selection_params": selection_params(selection),
            "status": StoredReport.Status.RUNNING,
            "done": 0,
            "total": len(keys),
            "error": "",
        },
    )

    def advance(done, total):
        StoredReport.objects.filter(pk=stored.pk).update(done=done, total=total)
        if progress:
            progress(done, total)

    try:
        report = build_report(selection, progress=advance)
        render, _content_type, extension = FORMATS[file_format]
        data = render(report)
    except Exception as error:
        StoredReport.objects.filter(pk=stored.pk).update(status=StoredReport.Status.FAILED, error=str(error)[:2000])
        raise
    directory = Path(settings.REPORTS_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    name = f"report-{selection.key}-{selection.language}.{extension}"
    # Written beside and renamed, so that a reader never gets half a file.
    temporary = directory / f".{name}.{os.getpid()}"
    temporary.write_bytes(data)
    temporary.replace(directory / name)
    with transaction.atomic():
        stored.file_name = name
        stored.fingerprint = current
        stored.status = StoredReport.Status.READY
        stored.done = stored.total = report.item_count
        stored.save()
    return stored


def report_file(selection, file_format):
    """The StoredReport to send: the stored one, or one made now when the selection is small (else TooLarge)."""
    return fresh(selection, file_format) or produce(selection, file_format, limit=ON_REQUEST_LIMIT)
