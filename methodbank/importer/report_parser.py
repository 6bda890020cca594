"""Parse the Zoomi report ("Malleja ja hyviä käytäntöjä siirtymien sujuvoittamiseen") into importable records.

`parse_report` never raises on bad input: whatever it cannot read is listed in `Report.problems` with its line
number, and the rest is still parsed.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .contents import parse_contents
from .dates import month_end
from .language import detect_language
from .markdown_text import heading
from .normalise import fold, slugify, tokens
from .project_matching import MatchResult, ProjectMatcher
from .project_tables import merge_project_rows, read_project_rows
from .records import MODEL, Entry, Problem, ProjectRecord, Report, ThemeNode
from .source import read_lines
from .theme_sections import Period, RawEntry, parse_theme_sections

__all__ = ["Entry", "Problem", "ProjectRecord", "Report", "ThemeNode", "parse_report"]

_APPENDIX_WORD = "liite"
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def parse_report(source: str | bytes | Path) -> Report:
    lines, problems = read_lines(source)
    contents = parse_contents(lines)
    appendix = appendix_start(lines)
    sections = parse_theme_sections(lines[: appendix - 1] if appendix else lines, contents)
    problems += contents.problems + sections.problems
    projects: list[ProjectRecord] = []
    if appendix is None:
        problems.append(Problem(len(lines), "the report ends before its appendix: no project tables read"))
    else:
        rows, table_problems = read_project_rows(lines, appendix, contents.main_codes)
        projects, merge_problems = merge_project_rows(rows)
        problems += table_problems + merge_problems
    for theme in contents.themes:
        theme.intro = "\n\n".join(sections.intros.get(theme.code, []))
    linker = _ProjectLinker(projects, sections.periods)
    entries, merge_problems = _merge_listings(sections.entries, linker)
    problems += merge_problems
    for entry in entries:
        problems += linker.link(entry)
        entry.language = detect_language(f"{entry.title}. {entry.description}")
    _assign_keys(entries, projects)
    problems.sort(key=lambda problem: problem.line)
    return Report(
        themes=contents.themes,
        entries=entries,
        projects=projects,
        problems=problems,
        stated_counts=sections.stated_counts,
        unmatched_refs=linker.unmatched,
        year=title_year(lines),
    )


def title_year(lines: list[str]) -> int | None:
    """The year in the report's title, its first heading ("Malleja ja hyviä käytäntöjä … syksy 2020")."""
    for line in lines:
        if found := heading(line):
            match = _YEAR.search(found[1])
            return int(match.group()) if match else None
    return None


def appendix_start(lines: list[str]) -> int | None:
    """Line number of the first appendix ("LIITE: …") heading; the contents mention it only as plain lines."""
    for number, line in enumerate(lines, start=1):
        found = heading(line)
        if found and fold(found[1]).startswith(_APPENDIX_WORD):
            return number
    return None


def _merge_listings(raw_entries: list[RawEntry], linker: "_ProjectLinker") -> tuple[list[Entry], list[Problem]]:
    """One Entry per model or practice, however many times and under however many sub-themes it is listed.

    Listings are the same entry when their titles read the same and they name the same project, however spelt.
    """
    entries: dict[tuple, Entry] = {}
    problems: list[Problem] = []
    for raw in raw_entries:
        project = linker.project_for(raw.project_ref)
        identity = (tokens(raw.title), project.key if project else tokens(raw.project_ref or ""))
        entry = entries.get(identity)
        if entry is None:
            entries[identity] = _entry_from(raw)
            continue
        problems += _absorb(entry, raw)
    return list(entries.values()), problems


def _entry_from(raw: RawEntry) -> Entry:
    return Entry(
        key="",
        title=raw.title,
        kind=raw.kind,
        theme_codes=[raw.theme_code],
        period=raw.period,
        project_ref=raw.project_ref,
        description="\n\n".join(raw.paragraphs),
        links=list(raw.links),
        line=raw.line,
        lines=[raw.line],
    )


def _absorb(entry: Entry, raw: RawEntry) -> list[Problem]:
    """Fold a repeated listing into the entry it repeats; a model listed again as a practice stays a model."""
    problems = []
    if raw.theme_code not in entry.theme_codes:
        entry.theme_codes.append(raw.theme_code)
    if raw.kind == MODEL:
        entry.kind = MODEL
    if raw.period and entry.period and raw.period != entry.period:
        problems.append(
            Problem(
                raw.line, f"“{raw.title}” is also listed under {raw.period}; kept {entry.period} (line {entry.line})"
            )
        )
    entry.period = entry.period or raw.period
    paragraphs = entry.description.split("\n\n") if entry.description else []
    paragraphs += [paragraph for paragraph in raw.paragraphs if paragraph not in paragraphs]
    entry.description = "\n\n".join(paragraphs)
    entry.links += [link for link in raw.links if link not in entry.links]
    entry.lines.append(raw.line)
    return problems


@dataclass
class _ProjectLinker:
    projects: list[ProjectRecord]
    periods: dict[str, Period]

    def __post_init__(self):
        self.matcher = ProjectMatcher(self.projects)
        self.unmatched: dict[str, list[int]] = {}
        self._results: dict[str, MatchResult] = {}

    def explain(self, ref: str) -> MatchResult:
        if ref not in self._results:
            self._results[ref] = self.matcher.explain(ref)
        return self._results[ref]

    def project_for(self, ref: str | None) -> ProjectRecord | None:
        return self.explain(ref).project if ref else None

    def link(self, entry: Entry) -> list[Problem]:
        """Set the entry's project and, for a model outside any period list, the period its project ran in."""
        if not entry.project_ref:
            return []
        result = self.explain(entry.project_ref)
        if result.project is None:
            self.unmatched.setdefault(entry.project_ref, []).extend(entry.lines)
            if not self.projects:
                return []  # the missing project tables are reported once
            return [Problem(entry.line, f"project “{entry.project_ref}” not linked: {result.reason}")]
        entry.project_key = result.project.key
        if entry.period is None and result.project.end_month:
            entry.period = self._period_running_at(result.project.end_month)
        return []

    def _period_running_at(self, end_month: date) -> str | None:
        """The latest coordination period that had started by the project's last month."""
        started = [
            period for period in self.periods.values() if period.start <= month_end(end_month.year, end_month.month)
        ]
        return max(started, key=lambda period: period.start).label if started else None


def _assign_keys(entries: list[Entry], projects: list[ProjectRecord]) -> None:
    """Slug of the title; entries sharing a title get their project's name (or reference) appended."""
    by_key = {project.key: project for project in projects}
    title_slugs = Counter(slugify(entry.title) or "entry" for entry in entries)
    used: set[str] = set()
    for entry in entries:
        key = slugify(entry.title) or "entry"
        if title_slugs[key] > 1:
            project = by_key.get(entry.project_key or "")
            suffix = (project.acronym or project.name) if project else (entry.project_ref or "")
            key = slugify(f"{entry.title} {suffix}", max_length=100)
        base, number = key, 2
        while key in used:
            key, number = f"{base}-{number}", number + 1
        entry.key = key
        used.add(key)
