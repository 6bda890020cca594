"""Importing damaged or partial copies of the report, and dry runs, into an empty or an imported method bank."""

import random
import re

import pytest
from django.core.management.base import CommandError

from methodbank.models import GoodPracticePage, MethodBankPage, ModelPage

from .seeds import REPORT_FILE, seed_path
from .test_import import run_import, summary_line

pytestmark = pytest.mark.django_db


def test_dry_run_writes_nothing(db, site):
    before = MethodBankPage.objects.count()
    output = run_import(seed_path(REPORT_FILE), "--dry-run")
    assert "Dry run: nothing was written." in output
    assert "95 would be created" in summary_line(output, "Project:")
    assert MethodBankPage.objects.count() == before == 0


def damaged_copy(tmp_path, mangle):
    lines = seed_path(REPORT_FILE).read_bytes().split(b"\n")
    path = tmp_path / "damaged.txt"
    path.write_bytes(b"\n".join(mangle(lines)))
    return path


def test_truncated_copy_imports_what_it_has(db, site, tmp_path):
    path = damaged_copy(tmp_path, lambda lines: lines[: len(lines) // 2])
    output = run_import(path)
    assert "Problems" in output
    assert "appendix" in output  # no project tables in the first half
    assert ModelPage.objects.exists() and GoodPracticePage.objects.exists()


def counts(output, label):
    """The created, updated and unchanged counts of one summary line."""
    return [int(number) for number in re.findall(r"(\d+) (?:created|updated|unchanged)", summary_line(output, label))]


def test_invalid_utf8_is_reported_on_its_line_and_the_rest_imports(imported_report, tmp_path):
    def corrupt(lines):
        lines[182] = lines[182][:10] + b"\xff\xfe" + lines[182][10:]
        return lines

    # Over the clean report's import, which takes most of a minute: every item of the damaged copy is still
    # read and written (the model whose title the damage changed becomes a page of its own).
    output = run_import(damaged_copy(tmp_path, corrupt))
    assert "line 183: invalid UTF-8" in output
    for label, total in (("Project:", 95), ("Model:", 21), ("Good practice:", 200)):
        assert sum(counts(output, label)) == total, label


def test_shuffled_copy_does_not_crash(db, site, tmp_path):
    shuffle = random.Random(20201)  # noqa: S311 - a repeatable shuffle, not a secret
    path = damaged_copy(tmp_path, lambda lines: shuffle.sample(lines, len(lines)))
    output = run_import(path, "--dry-run")
    assert "Dry run" in output
    assert MethodBankPage.objects.count() == 0


def test_missing_file_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No such file"):
        run_import("/nonexistent/report.txt")
