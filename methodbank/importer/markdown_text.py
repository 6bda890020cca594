"""Reading the Markdown-like lines the PDF conversion produced: headings, list items, table rows, inline noise."""

import re
import unicodedata

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s{0,3}[-*•]\s+(.*)$")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(([^()\s]*)\)")
_EMPHASIS = re.compile(r"\*\*|__|</?b>", re.IGNORECASE)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_SPACES = re.compile(r"\s+")
_BARE_URL = re.compile(r"(?<![\w/(])(?:https?://|www\.)[^\s)\]]+", re.IGNORECASE)
_ALLOWED_NON_LATIN = frozenset("ªºµ")
_MODEL_MARK = re.compile(r"\s+MALLI\s*$")


def heading(line: str) -> tuple[int, str] | None:
    """(level, text) of a Markdown heading; a tab means a table row, whatever it starts with."""
    if "\t" in line:
        return None
    match = _HEADING.match(line)
    return (len(match.group(1)), plain(match.group(2))) if match else None


def list_item(line: str) -> str | None:
    match = _LIST_ITEM.match(line)
    return match.group(1) if match and "\t" not in line else None


def table_cells(line: str) -> list[str] | None:
    return [cell.strip() for cell in line.split("\t")] if "\t" in line else None


def plain(text: str) -> str:
    """Inline Markdown reduced to its visible text: links keep their label, emphasis and escapes go."""
    text = _LINK.sub(lambda match: match.group(1), text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


def link_targets(text: str) -> list[str]:
    """Real link targets in the text; the conversion's "#" placeholders carry no address and are left out."""
    targets = [target for _label, target in _LINK.findall(text) if target not in ("", "#")]
    targets += _BARE_URL.findall(_LINK.sub(" ", text))
    return list(dict.fromkeys(_with_scheme(url.rstrip(".,;:")) for url in targets))


def _with_scheme(url: str) -> str:
    return url if re.match(r"^[a-z]+://", url, re.IGNORECASE) else f"http://{url}"


def foreign_letters(text: str) -> str:
    """Letters from non-Latin scripts: in this Finnish/Swedish text they are conversion debris."""
    return "".join(char for char in text if _is_foreign_letter(char))


def without_foreign_letters(text: str) -> str:
    return "".join(char for char in text if not _is_foreign_letter(char))


def _is_foreign_letter(char: str) -> bool:
    if unicodedata.category(char)[0] not in "LM" or char in _ALLOWED_NON_LATIN:
        return False
    name = unicodedata.name(char, "")
    return not name.startswith(("LATIN", "COMBINING", "MODIFIER LETTER"))


def split_title_and_ref(text: str) -> tuple[str, str | None]:
    """Split "**[Title](#)** (Project (ACR)) MALLI" into the title's text and the project reference.

    The reference is the last balanced parenthesised group at the end; escaped parentheses belong to the title.
    """
    text = _MODEL_MARK.sub("", _EMPHASIS.sub("", text).strip())
    opening = _opening_of_final_group(text)
    if opening is None:
        return plain(text), None
    title, ref = text[:opening], text[opening + 1 : -1]
    return plain(title), plain(ref) or None


def has_model_mark(text: str) -> bool:
    return bool(_MODEL_MARK.search(_EMPHASIS.sub("", text)))


def _opening_of_final_group(text: str) -> int | None:
    if not text.endswith(")") or text.endswith("\\)"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if index > 0 and text[index - 1] == "\\":
            continue
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                return index if _outside_link_target(text, index) else None
    return None


def _outside_link_target(text: str, index: int) -> bool:
    """A "(#)" right after "]" is a link target, not a project reference."""
    return not text[:index].endswith("]")


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":", ";", ")", "”", '"', "»", "…"))


def starts_lowercase(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and stripped[0].islower()
