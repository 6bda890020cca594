"""The appendix tables that describe the projects, merged into one record per project.

Three tables name projects: descriptions by theme (name, lead organisation, description; national or regional),
the project list (name, lead organisation, end month) and the other ESF projects (name, lead organisation, end
month, description). They spell the same project differently, so rows are merged only when every word of one
name is found in the other, allowing typos.
"""

import re
from dataclasses import dataclass
from datetime import date

from .language import detect_language
from .markdown_text import heading, plain
from .normalise import fold, slugify, tokens
from .project_matching import acronym_of, find_same_project
from .records import ProjectRecord
from .source import Problem

DESCRIPTIONS, PROJECT_LIST, OTHER_ESF = "descriptions", "list", "other"
_COLUMNS = {
    DESCRIPTIONS: ("name", "lead organisation", "description"),
    PROJECT_LIST: ("name", "lead organisation", "end month"),
    OTHER_ESF: ("name", "lead organisation", "end month", "description"),
}
_HEADER_WORDS = ("hankkeen nimi", "paatoteuttaja", "kuvaus", "paattymisaika")
_MONTH = re.compile(r"^(\d{1,2})\s*/\s*(\d{4})$")
_MAIN_THEME = re.compile(r"^([A-ZÅÄÖ])\.\s")
_ESF_WORDS = {"esr", "esf"}


@dataclass
class TableRow:
    table: str
    name: str
    organisation: str
    description: str
    end_month: date | None
    scope: str | None
    theme_code: str | None
    line: int


class _TableReader:
    def __init__(self, main_codes: set[str]):
        self.main_codes = main_codes
        self.table: str | None = None
        self.theme: str | None = None
        self.scope: str | None = None
        self.rows: list[TableRow] = []
        self.problems: list[Problem] = []

    def read(self, lines: list[str], start: int) -> None:
        for number in range(start, len(lines) + 1):
            line = lines[number - 1]
            if found := heading(line):
                self._on_heading(number, found[1])
            elif "\t" in line:
                self._on_row(number, [plain(cell) for cell in line.split("\t")])
            elif line.strip():
                self.problems.append(Problem(number, "text outside any table row in the appendix ignored"))

    def _on_heading(self, number: int, text: str) -> None:
        folded = fold(text)
        if "hankekuvaukset" in folded:
            self.table, self.theme, self.scope = DESCRIPTIONS, None, None
        elif "hankelistaus" in folded:
            self.table, self.theme, self.scope = PROJECT_LIST, None, None
        elif _lists_other_projects(folded):
            self.table, self.theme, self.scope = OTHER_ESF, None, None
        elif (match := _MAIN_THEME.match(text)) and match.group(1) in self.main_codes:
            self.theme, self.scope = match.group(1), None
        elif scope := _scope(folded):
            self.scope = scope
        else:
            self.problems.append(Problem(number, f"unexpected heading “{text}” in the appendix"))

    def _on_row(self, number: int, cells: list[str]) -> None:
        if all(not cell.strip("-– ") for cell in cells):
            return  # separator row
        if any(fold(cell) in _HEADER_WORDS for cell in cells):
            self.scope = _scope(fold(cells[0])) or self.scope
            return
        if not cells[0]:
            self._continue_description(number, cells)
            return
        if self.table is None:
            self.problems.append(Problem(number, "table row before any appendix table heading ignored"))
            return
        self._add_row(number, cells)

    def _continue_description(self, number: int, cells: list[str]) -> None:
        text = " ".join(cell for cell in cells if cell)
        if not self.rows:
            self.problems.append(Problem(number, "continuation row with no row before it ignored"))
            return
        row = self.rows[-1]
        row.description = f"{row.description} {text}".strip()

    def _add_row(self, number: int, cells: list[str]) -> None:
        columns = _COLUMNS[self.table]
        if len(cells) < len(columns):
            self.problems.append(
                Problem(number, f"expected {len(columns)} columns ({', '.join(columns)}), found {len(cells)}")
            )
        values = dict(zip(columns, cells, strict=False))
        if len(cells) > len(columns):
            values[columns[-1]] = " ".join(cells[len(columns) - 1 :])
        self.rows.append(
            TableRow(
                table=self.table,
                name=values["name"],
                organisation=values.get("lead organisation", ""),
                description=values.get("description", ""),
                end_month=self._end_month(number, values.get("end month")),
                scope=self.scope,
                theme_code=self.theme if self.table == DESCRIPTIONS else None,
                line=number,
            )
        )

    def _end_month(self, number: int, text: str | None) -> date | None:
        if text is None:
            return None
        match = _MONTH.match(text)
        if match and 1 <= int(match.group(1)) <= 12:
            return date(int(match.group(2)), int(match.group(1)), 1)
        self.problems.append(Problem(number, f"end month “{text}” is not M/YYYY"))
        return None


def _lists_other_projects(folded: str) -> bool:
    return folded.startswith("muut") and "hankkeet" in folded


def stated_funders(lines: list[str], start: int) -> list[str]:
    """Funders the appendix states for every project in the report.

    Its last table lists the *other* ESF projects in the report ("Muut raportissa mukana olevat
    ESR-hankkeet"): the projects of the coordinated network before it are ESF projects too.
    """
    for line in lines[start - 1 :]:
        found = heading(line)
        if found and _lists_other_projects(fold(found[1])) and _ESF_WORDS & set(tokens(found[1])):
            return ["esf"]
    return []


def _scope(folded: str) -> str | None:
    if folded.startswith("valtakunnalli"):
        return "national"
    if folded.startswith("alueelli"):
        return "regional"
    return None


def read_project_rows(lines: list[str], start: int, main_codes: set[str]) -> tuple[list[TableRow], list[Problem]]:
    reader = _TableReader(main_codes)
    reader.read(lines, start)
    return reader.rows, reader.problems


def merge_project_rows(rows: list[TableRow]) -> tuple[list[ProjectRecord], list[Problem]]:
    """One record per project, whichever tables list it."""
    projects: list[ProjectRecord] = []
    problems: list[Problem] = []
    claimed: dict[int, set[tuple[str, str | None]]] = {}  # record -> (table, theme) rows already merged in
    for row in rows:
        slot = (row.table, row.theme_code)
        candidates = [project for project in projects if slot not in claimed[id(project)]]
        project = find_same_project(row.name, candidates)
        if project is None:
            project = _new_project(row)
            projects.append(project)
            claimed[id(project)] = set()
        else:
            problems.extend(_merge_row(project, row))
        claimed[id(project)].add(slot)
    for project in projects:
        _finish(project)
    _assign_keys(projects)
    return projects, problems


def _new_project(row: TableRow) -> ProjectRecord:
    return ProjectRecord(
        key="",
        name=row.name,
        acronym=None,
        lead_organisation=row.organisation,
        description=row.description,
        scope=row.scope,
        theme_codes=[row.theme_code] if row.theme_code else [],
        end_month=row.end_month,
        language="fi",
        lines=[row.line],
        other_esf=row.table == OTHER_ESF,
    )


def _merge_row(project: ProjectRecord, row: TableRow) -> list[Problem]:
    problems = []
    if row.name != project.name and row.name not in project.aliases:
        project.aliases.append(row.name)
    project.lead_organisation = project.lead_organisation or row.organisation
    project.description = project.description or row.description
    if row.theme_code and row.theme_code not in project.theme_codes:
        project.theme_codes.append(row.theme_code)
    if row.scope and project.scope and row.scope != project.scope:
        problems.append(Problem(row.line, f"“{row.name}” is {row.scope} here but {project.scope} in an earlier table"))
    project.scope = project.scope or row.scope
    if row.end_month and project.end_month and row.end_month != project.end_month:
        problems.append(
            Problem(row.line, f"“{row.name}” ends {row.end_month:%m/%Y} here, {project.end_month:%m/%Y} earlier")
        )
    project.end_month = project.end_month or row.end_month
    project.lines.append(row.line)
    project.other_esf = project.other_esf or row.table == OTHER_ESF
    return problems


def _finish(project: ProjectRecord) -> None:
    project.acronym = next(filter(None, (acronym_of(name) for name in [project.name, *project.aliases])), None)
    project.language = detect_language(project.description or project.name)


def _assign_keys(projects: list[ProjectRecord]) -> None:
    used: set[str] = set()
    for project in projects:
        base = slugify(project.name, max_length=60) or "project"
        key, number = base, 2
        while key in used:
            key, number = f"{base}-{number}", number + 1
        project.key = key
        used.add(key)
