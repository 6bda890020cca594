"""Where the seed documents are: ../shared/seeds beside the repository, in CI as on a developer's machine."""

from pathlib import Path

from django.conf import settings

from methodbank.importer.markdown_text import heading, list_item
from methodbank.importer.normalise import fold
from methodbank.importer.report_parser import appendix_start, parse_report

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
REPORT_FILE = "001_f7e6e7ab4c746c8c.txt"


def seed_path(name: str) -> Path:
    """A seed document; a missing seed fails the test, it never skips it."""
    path = SEEDS / name
    assert path.is_file(), f"seed document missing: {path}"
    return path


PROJECT_PAGE_FILES = (
    "000_5c7be5484ea9c306.txt",
    "002_7d50ae538315a1c4.txt",
    "003_d876190c468a1a05.txt",
    "004_9cde24df96b12349.txt",
)


def report_excerpt(keys: set[str]) -> str:
    """The report with only the entries and projects whose import keys are ``keys`` (and the projects those
    entries name), read from the seed at run time. Other lines become blank, so line numbers stay the same."""
    path = seed_path(REPORT_FILE)
    report = parse_report(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    appendix = appendix_start(lines)
    wanted = [entry for entry in report.entries if f"{entry.kind}:{entry.key}" in keys]
    unwanted_lines = {line for entry in report.entries if entry not in wanted for line in entry.lines}
    linked = {entry.project_key for entry in wanted}
    projects = [project for project in report.projects if f"project:{project.key}" in keys or project.key in linked]
    # The title, contents and preface; then headings, the wanted entries and their text, and the table rows.
    keep = set(range(1, min(unwanted_lines | {line for entry in wanted for line in entry.lines})))
    for number, line in enumerate(lines, start=1):
        if heading(line) and number not in unwanted_lines:
            keep.add(number)
        if number > appendix and "hankkeen nimi" in fold(line):
            keep.add(number)  # a table's header row
    for start in [line for entry in wanted for line in entry.lines]:
        keep |= _lines_from(lines, start, lambda line: not heading(line) and list_item(line) is None)
    for start in [line for project in projects for line in project.lines]:
        keep |= _lines_from(lines, start, lambda line: line.startswith("\t"))  # continuation rows
    return "\n".join(line if number in keep else "" for number, line in enumerate(lines, start=1))


def _lines_from(lines, start, continues):
    numbers = {start}
    following = start + 1
    while following <= len(lines) and continues(lines[following - 1]):
        numbers.add(following)
        following += 1
    return numbers
