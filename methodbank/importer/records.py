"""What the report parser returns: plain dataclasses an importer can turn into pages."""

from dataclasses import dataclass, field
from datetime import date

from .source import Problem

__all__ = ["Entry", "Problem", "ProjectRecord", "Report", "ThemeNode"]

MODEL = "model"
PRACTICE = "practice"


@dataclass
class ThemeNode:
    """A main theme ("A".."D", parent_code None) or a sub-theme ("A1", parent_code "A") from the contents."""

    code: str
    name: str
    parent_code: str | None
    intro: str = ""  # the report's own prose for the theme, paragraphs joined by blank lines
    line: int = 0  # where the contents list it


@dataclass
class Entry:
    """A model or a good practice; one record even when the report lists it more than once."""

    key: str
    title: str
    kind: str  # MODEL or PRACTICE
    theme_codes: list[str]  # sub-theme codes such as "B4"; the main theme is each code's first letter
    period: str | None  # "2019-2021", "2015-2019" or None when the report does not tell
    project_ref: str | None  # the project name as written in parentheses
    description: str
    links: list[str]
    line: int  # first line where the report lists it
    lines: list[int] = field(default_factory=list)  # every line where it is listed
    project_key: str | None = None  # key of the matched ProjectRecord, None when no match is certain
    language: str = "fi"  # language of the title and description ("fi", "sv" or "en")

    @property
    def main_theme_codes(self) -> list[str]:
        return list(dict.fromkeys(code[0] for code in self.theme_codes))


@dataclass
class ProjectRecord:
    """A project from the appendix tables, merged across the tables that list it."""

    key: str
    name: str
    acronym: str | None
    lead_organisation: str
    description: str
    scope: str | None  # "national", "regional" or None
    theme_codes: list[str]  # main themes whose description table lists the project
    end_month: date | None  # first day of the end month in the project list
    language: str  # language of the description ("fi", "sv" or "en")
    lines: list[int]
    other_esf: bool  # listed among the other ESF projects outside the coordinated network
    aliases: list[str] = field(default_factory=list)  # every spelling of the name in the tables


@dataclass
class Report:
    themes: list[ThemeNode]
    entries: list[Entry]
    projects: list[ProjectRecord]
    problems: list[Problem]
    stated_counts: dict[str, int] = field(default_factory=dict)  # per main theme, from the preface
    unmatched_refs: dict[str, list[int]] = field(default_factory=dict)  # project reference -> lines
    year: int | None = None  # the year the report's title gives ("… syksy 2020")

    def theme(self, code: str) -> ThemeNode | None:
        return next((theme for theme in self.themes if theme.code == code), None)

    def entry(self, key: str) -> Entry | None:
        return next((entry for entry in self.entries if entry.key == key), None)

    def project(self, key: str) -> ProjectRecord | None:
        return next((project for project in self.projects if project.key == key), None)
