"""The theme sections of the report: models, good practices and the prose around them.

Inside a sub-theme the report first introduces its models as headings with the project in parentheses, each
followed by a paragraph describing it. Then come lists under coordination-period headings; every list item is a
good practice whose description follows on the next lines. Prose between them belongs to the sub-theme.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from .contents import Contents
from .markdown_text import (
    ends_sentence,
    foreign_letters,
    has_model_mark,
    heading,
    link_targets,
    list_item,
    plain,
    split_title_and_ref,
    starts_lowercase,
    without_foreign_letters,
)
from .records import MODEL, PRACTICE
from .source import Problem

_DATE_RANGE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})")
_STATED_COUNT = re.compile(r"^([A-ZÅÄÖ])\.\s.*\((\d+)\)\s*$")
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")


@dataclass
class RawEntry:
    """One listing of a model or practice, before duplicates are merged and projects matched."""

    title: str
    project_ref: str | None
    kind: str
    theme_code: str
    period: str | None
    line: int
    paragraphs: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


@dataclass
class Period:
    label: str  # "2019-2021"
    start: date
    end: date


@dataclass
class ThemeSections:
    entries: list[RawEntry] = field(default_factory=list)
    periods: dict[str, Period] = field(default_factory=dict)
    intros: dict[str, list[str]] = field(default_factory=dict)  # theme code -> paragraphs
    stated_counts: dict[str, int] = field(default_factory=dict)
    seen_sub_themes: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


def period_of(text: str) -> Period | None:
    """The coordination period a heading such as "… kootut hyvät käytännöt (1.5.2019-31.12.2021)" opens."""
    match = _DATE_RANGE.search(text)
    if not match:
        return None
    day1, month1, year1, day2, month2, year2 = (int(part) for part in match.groups())
    try:
        start, end = date(year1, month1, day1), date(year2, month2, day2)
    except ValueError:
        return None
    return Period(f"{year1}-{year2}", start, end)


class _Walker:
    """Reads the lines once, keeping track of where in the theme hierarchy it is."""

    def __init__(self, lines: list[str], contents: Contents):
        self.lines = lines  # the theme sections only: the appendix is cut off
        self.contents = contents
        self.result = ThemeSections()
        self.main: str | None = None
        self.sub: str | None = None
        self.period: Period | None = None
        self.entry: RawEntry | None = None
        self.skipping_entry = False  # description lines of an entry that could not be placed
        self.buffer: list[tuple[int, str]] = []

    def walk(self) -> ThemeSections:
        for number, line in enumerate(self.lines, start=1):
            found = heading(line)
            if found:
                self._close_entry()
                self._on_heading(number, line, found[1])
            elif self.main is None:
                self._read_preface(line)
            elif (item := list_item(line)) is not None:
                self._close_entry()
                self._open_practice(number, item)
            elif not line.strip():
                self._close_paragraph()
            else:
                self.buffer.append((number, line))
        self._close_entry()
        return self.result

    def _read_preface(self, line: str) -> None:
        item = list_item(line)
        match = _STATED_COUNT.match(plain(item)) if item else None
        if match:
            self.result.stated_counts[match.group(1)] = int(match.group(2))

    def _on_heading(self, number: int, raw: str, text: str) -> None:
        if main := self.contents.main_theme(text):
            self.main, self.sub, self.period = main.code, None, None
            return
        if period := period_of(text):
            self.period = period
            self.result.periods.setdefault(period.label, period)
            return
        if sub := self.contents.sub_theme(text):
            self.main = self.main or sub.parent_code  # the main theme's own heading is missing or damaged
            self._enter_sub_theme(number, sub.code, sub.parent_code)
            return
        if self.main is None:
            return  # preface and introduction
        title, ref = split_title_and_ref(_HEADING_MARK.sub("", raw))
        if ref:
            self.period = None
            self._open_entry(number, title, ref, MODEL, raw)
            return
        self.result.problems.append(
            Problem(number, f"heading “{text}” is neither a theme from the contents nor an entry")
        )

    def _enter_sub_theme(self, number: int, code: str, parent: str | None) -> None:
        if parent != self.main:
            self.result.problems.append(
                Problem(
                    number,
                    f"sub-theme {code} appears under main theme {self.main}; the contents place it under {parent}",
                )
            )
        self.sub, self.period = code, None
        self.result.seen_sub_themes.add(code)

    def _open_practice(self, number: int, item: str) -> None:
        title, ref = split_title_and_ref(item)
        if self.period is None and self.sub is not None:
            self.result.problems.append(Problem(number, f"“{title}” is listed outside a coordination-period list"))
        if ref is None:
            self.result.problems.append(Problem(number, f"“{title}” has no project in parentheses"))
        self._open_entry(number, title, ref, PRACTICE, item)

    def _open_entry(self, number: int, title: str, ref: str | None, kind: str, raw: str) -> None:
        if not title:
            self.result.problems.append(Problem(number, "entry without a title skipped"))
            self.skipping_entry = True
            return
        if self.sub is None:
            self.result.problems.append(Problem(number, f"“{title}” is not inside any sub-theme; skipped"))
            self.skipping_entry = True
            return
        period = self.period.label if self.period else None
        self.entry = RawEntry(title, ref, kind, self.sub, period, number, links=link_targets(raw))
        if kind == PRACTICE and has_model_mark(raw):
            self.entry.kind = MODEL

    def _close_entry(self) -> None:
        self._close_paragraph()
        entry, self.entry, self.skipping_entry = self.entry, None, False
        if entry is None:
            return
        if entry.kind == MODEL and len(entry.paragraphs) > 1:
            # A model's description is its first paragraph; what follows introduces the next items.
            self._intro_paragraphs().extend(entry.paragraphs[1:])
            del entry.paragraphs[1:]
        if not entry.paragraphs:
            self.result.problems.append(Problem(entry.line, f"“{entry.title}” has no description"))
        self.result.entries.append(entry)

    def _close_paragraph(self) -> None:
        lines, self.buffer = self.buffer, []
        if not lines or self.skipping_entry:
            return
        text = self._join_lines(lines)
        if not text:
            return
        target = self.entry.paragraphs if self.entry else self._intro_paragraphs()
        if self.entry:
            self.entry.links.extend(
                url for url in link_targets(" ".join(raw for _, raw in lines)) if url not in self.entry.links
            )
        if target and not ends_sentence(target[-1]) and starts_lowercase(text):
            target[-1] = f"{target[-1]} {text}"  # a sentence the conversion broke across a blank line
        elif text in target:
            self.result.problems.append(Problem(lines[0][0], "paragraph repeated word for word; kept once"))
        else:
            target.append(text)

    def _join_lines(self, lines: list[tuple[int, str]]) -> str:
        kept: list[str] = []
        for number, raw in lines:
            text = self._clean(number, raw)
            if kept and ends_sentence(kept[-1]) and starts_lowercase(text):
                self.result.problems.append(
                    Problem(number, f"stray fragment that continues no sentence dropped: “{text[:60]}…”")
                )
                continue
            if text:
                kept.append(text)
        return " ".join(kept)

    def _clean(self, number: int, raw: str) -> str:
        text = plain(raw)
        if stray := foreign_letters(text):
            self.result.problems.append(Problem(number, f"stray non-Latin characters removed: {stray!r}"))
            text = without_foreign_letters(text)
        return text

    def _intro_paragraphs(self) -> list[str]:
        code = self.sub or self.main or ""
        return self.result.intros.setdefault(code, [])


def parse_theme_sections(lines: list[str], contents: Contents) -> ThemeSections:
    """Models, practices and prose from the lines before the appendix."""
    sections = _Walker(lines, contents).walk()
    for theme in contents.themes:
        if theme.parent_code and theme.code not in sections.seen_sub_themes:
            sections.problems.append(
                Problem(theme.line, f"sub-theme {theme.code} “{theme.name}” has no section in the report")
            )
    return sections
