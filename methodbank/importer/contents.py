"""The report's table of contents: the authoritative list of main themes and sub-themes.

Heading levels in the body are inconsistent, so body headings are recognised by comparing their text with the
contents, not by their level.
"""

import re
from dataclasses import dataclass, field

from .markdown_text import heading, plain
from .normalise import dice, fold, tokens
from .records import ThemeNode
from .source import Problem

_CONTENTS_HEADING = "sisallysluettelo"
_APPENDIX_WORD = "liite"
_LEADER_AND_PAGE = re.compile(r"\s*\.{2,}.*$|\s+\d+\s*$")
_MAIN_THEME = re.compile(r"^([A-ZÅÄÖ])\.\s+(.+)$")
# Sub-theme names differ from their body headings by a typo or an inflection at most.
SUB_THEME_SIMILARITY = 0.8


@dataclass
class Contents:
    themes: list[ThemeNode] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def main_codes(self) -> set[str]:
        return {theme.code for theme in self.themes if theme.parent_code is None}

    def main_theme(self, text: str) -> ThemeNode | None:
        """The main theme a heading such as "A. Sujuva siirtymä koulutukseen" opens."""
        match = _MAIN_THEME.match(text)
        if not match:
            return None
        return next((theme for theme in self.themes if theme.code == match.group(1)), None)

    def sub_theme(self, text: str) -> ThemeNode | None:
        """The sub-theme whose name the heading text spells, allowing typos; None when unsure."""
        heading_tokens = tokens(text)
        scored = sorted(
            ((dice(heading_tokens, tokens(theme.name)), theme) for theme in self.themes if theme.parent_code),
            key=lambda item: item[0],
            reverse=True,
        )
        if not scored or scored[0][0] < SUB_THEME_SIMILARITY:
            return None
        return scored[0][1]


def parse_contents(lines: list[str]) -> Contents:
    contents = Contents()
    start = _contents_start(lines)
    if start is None:
        contents.problems.append(Problem(len(lines), "no table of contents (“Sisällysluettelo”) found"))
        return contents
    main: ThemeNode | None = None
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if heading(line):
            break
        name = _entry_name(line)
        if not name:
            continue
        if fold(name).startswith(_APPENDIX_WORD):
            break
        main = _add_entry(contents, main, name, number)
    if not contents.themes:
        contents.problems.append(Problem(start, "the table of contents lists no themes"))
    return contents


def _contents_start(lines: list[str]) -> int | None:
    for number, line in enumerate(lines, start=1):
        found = heading(line)
        if found and fold(found[1]).replace(" ", "") == _CONTENTS_HEADING:
            return number
    return None


def _entry_name(line: str) -> str:
    return _LEADER_AND_PAGE.sub("", plain(line.replace("\t", " "))).strip()


def _add_entry(contents: Contents, main: ThemeNode | None, name: str, number: int) -> ThemeNode | None:
    """Add one contents line; returns the main theme that later lines belong to."""
    match = _MAIN_THEME.match(name)
    if match:
        theme = ThemeNode(code=match.group(1), name=match.group(2).strip(), parent_code=None, line=number)
        contents.themes.append(theme)
        return theme
    if main is None:
        return None  # preface and introduction come before the themes
    count = sum(1 for theme in contents.themes if theme.parent_code == main.code)
    contents.themes.append(ThemeNode(code=f"{main.code}{count + 1}", name=name, parent_code=main.code, line=number))
    return main
