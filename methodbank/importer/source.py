"""Reading a seed document from a path, bytes or text without ever failing on bad bytes."""

from dataclasses import dataclass
from pathlib import Path

REPLACEMENT_CHARACTER = "\ufffd"


@dataclass(frozen=True)
class Problem:
    """Something in the input a person should look at; `line` is 1-based."""

    line: int
    message: str


def read_lines(source: str | bytes | Path) -> tuple[list[str], list[Problem]]:
    """Lines of the document and a problem for each line holding a replacement character.

    A `Path`, or a one-line string naming a file, is read from disk; any other string is the text itself.
    Invalid UTF-8 is decoded with replacement characters rather than refused.
    """
    raw = _raw_bytes(source)
    text = raw if isinstance(raw, str) else raw.decode("utf-8", errors="replace")
    lines = _split(text)
    problems = []
    for number, line in enumerate(lines, start=1):
        if REPLACEMENT_CHARACTER not in line:
            continue
        if isinstance(raw, bytes) and line.encode("utf-8") not in raw:
            problems.append(Problem(number, "invalid UTF-8 bytes replaced with \N{REPLACEMENT CHARACTER}"))
        else:
            problems.append(Problem(number, "replacement character in the text: characters were lost before this file"))
    return lines, problems


def _raw_bytes(source: str | bytes | Path) -> str | bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, Path) or _names_a_file(source):
        return Path(source).read_bytes()  # a missing file is the caller's mistake and raises
    return source


def _names_a_file(text: str) -> bool:
    if "\n" in text or len(text) > 4096:
        return False
    return Path(text).is_file() or text.endswith((".txt", ".md"))


def _split(text: str) -> list[str]:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
