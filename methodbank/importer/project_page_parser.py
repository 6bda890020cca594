"""Facts from a project's own web page (Finnish), saved as plain text.

Labelled facts ("Toiminta-aika: …", "Rahoituslähde: …") are read first. Pages without labels state the same
facts in running text, so a few common phrasings are read too ("toteuttajina ovat …", "-hankkeessa
(10/2018-08/2020)"). Site furniture such as a feedback widget or "read next" links is dropped and reported.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .dates import month_end
from .language import detect_language
from .normalise import fold
from .source import Problem, read_lines

_LABEL = re.compile(r"^\s*([^:]{2,40}):\s*(.*)$")
_LABELS = {
    "toiminta-aika": "period",
    "toteutusaika": "period",
    "toiminta-alue": "area",
    "rahoituslahde": "funder",
    "rahoittaja": "funder",
    "kustannusarvio": "budget",
    "budjetti": "budget",
    "toteuttajat": "implementers",
    "toteuttaja": "implementers",
    "hankekoodi": "code",
    "verkkosivut": "website",
}
_DAY_RANGE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})")
_MONTH_RANGE = re.compile(r"(\d{1,2})/(\d{4})\s*[-–—]\s*(\d{1,2})/(\d{4})")
_EURA_CODE = re.compile(r"\b([A-Z]\d{5})\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\b(?:puh|p|tel|phone)\.?\s*:?\s*(\+?\d[\d\s-]{5,}\d)", re.IGNORECASE)
_DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:fi|info|com|net|org|eu|se)\b(?:/\S*)?", re.IGNORECASE
)
_BULLET = re.compile(r"^\s*(?:[•*\-–]|\d+\))\s+(.*)$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_NAMED_PROJECT = re.compile(
    r"^(?P<name>(?:[^.!?]|[.!?](?=\S))+?)\s?-(?:hanke|hankkeen|hankkeessa|hankkeelle|hankkeella|projekti|projektin|projektissa)\b"
)
_BROKEN_COMPOUND = re.compile(r"(\w)- (?!(?:ja|tai|sekä|eli)\b)(\w)")
# Site furniture: a feedback widget swallows the rest of the page; the others are single lines.
_WIDGET_START = re.compile(r"palautteesi|palautetta sivusto|arvioisit .*sivuston", re.IGNORECASE)
_FURNITURE_LINE = re.compile(r"^\s*(lue seuraavaksi|jaa sivu|takaisin ylös)\b", re.IGNORECASE)
_MAX_NAME_WORDS = 10
ESF = "Euroopan sosiaalirahasto (ESR)"


@dataclass
class Contact:
    name: str
    title: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""


@dataclass
class ProjectPageFacts:
    name: str
    title: str | None = None  # the page heading when it is not the project's name
    code: str | None = None  # EURA code such as S21674
    start: date | None = None
    end: date | None = None
    by_month: bool = False  # the period names months ("10/2018-08/2020"), not days
    area: str | None = None
    funder: str | None = None
    budget_eur: Decimal | None = None
    implementers: list[str] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    description: str = ""
    goals: list[str] = field(default_factory=list)
    website: str | None = None
    language: str = "fi"
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Block:
    """Lines between blank lines, each with its line number."""

    numbered: list[tuple[int, str]]

    @property
    def line(self) -> int:
        return self.numbered[0][0]

    @property
    def lines(self) -> list[str]:
        return [line for _, line in self.numbered]

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)


def parse_project_page(source: str | bytes | Path) -> ProjectPageFacts:
    lines, problems = read_lines(source)
    lines = _drop_furniture(lines, problems)
    blocks = _blocks(lines)
    facts = ProjectPageFacts(name="", problems=problems)
    title = _title(blocks)
    if title:
        facts.title = blocks.pop(0).text
    labelled = _read_labels(blocks, facts)
    facts.contacts = _read_contacts(blocks)
    prose = [block for block in blocks if not _is_contact_marker(block)]
    facts.goals = [goal for block in prose for goal in _goals(block)]
    facts.description = "\n\n".join(_tidy(block.text) for block in prose if not _is_bullet_list(block))
    _read_running_text(facts, " ".join(_tidy(block.text) for block in prose), labelled)
    facts.name = _named_project(prose) or facts.title or ""
    if facts.title == facts.name:
        facts.title = None
    if not facts.name:
        problems.append(Problem(1, "no project name found: the page has no heading and names no “… -hanke”"))
    facts.language = detect_language(facts.description)
    return facts


def _drop_furniture(lines: list[str], problems: list[Problem]) -> list[str]:
    """Blank out site furniture, keeping line numbers stable."""
    kept = list(lines)
    for number, line in enumerate(lines, start=1):
        if _WIDGET_START.search(line):
            problems.append(Problem(number, "site feedback widget dropped from here to the end of the page"))
            return kept[: number - 1]
        if _FURNITURE_LINE.match(line):
            problems.append(Problem(number, f"site navigation dropped: “{line.strip()}”"))
            kept[number - 1] = ""
    return kept


def _blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            current = None
        elif current is None:
            current = _Block([(number, line)])
            blocks.append(current)
        else:
            current.numbered.append((number, line))
    return blocks


def _title(blocks: list[_Block]) -> bool:
    """True when the first block is a heading: one short line that is not a sentence or a label."""
    if not blocks or len(blocks[0].lines) != 1:
        return False
    text = blocks[0].text
    return len(text) <= 80 and not text.endswith(".") and not _LABEL.match(text)


def _read_labels(blocks: list[_Block], facts: ProjectPageFacts) -> set[str]:
    """Take "Label: value" lines out of the blocks and into the facts; returns the facts found."""
    found: set[str] = set()
    for block in list(blocks):
        for number, line in list(block.numbered):
            match = _LABEL.match(line)
            fact = _LABELS.get(fold(match.group(1)).strip()) if match else None
            if fact and match.group(2).strip():
                _set_fact(facts, fact, match.group(2).strip(), number)
                found.add(fact)
                block.numbered.remove((number, line))
        if not block.numbered:
            blocks.remove(block)
    return found


def _set_fact(facts: ProjectPageFacts, fact: str, value: str, line: int) -> None:
    if fact == "period":
        facts.start, facts.end, facts.by_month = _period(value)
        if facts.start is None:
            facts.problems.append(Problem(line, f"period “{value}” is not a date range"))
    elif fact == "budget":
        facts.budget_eur = _euros(value)
        if facts.budget_eur is None:
            facts.problems.append(Problem(line, f"budget “{value}” is not an amount in euros"))
    elif fact == "implementers":
        facts.implementers = _split_list(value)
    elif fact == "website":
        facts.website = _with_scheme(value)
    else:
        setattr(facts, fact, value)


def _period(text: str) -> tuple[date | None, date | None, bool]:
    """(start, end, whether the text gives months only)."""
    try:
        if match := _DAY_RANGE.search(text):
            d1, m1, y1, d2, m2, y2 = (int(part) for part in match.groups())
            return date(y1, m1, d1), date(y2, m2, d2), False
        if match := _MONTH_RANGE.search(text):
            m1, y1, m2, y2 = (int(part) for part in match.groups())
            return date(y1, m1, 1), month_end(y2, m2), True
    except ValueError:
        pass
    return None, None, False


def _euros(text: str) -> Decimal | None:
    """116.000 € -> 116000; 1 234,50 € -> 1234.50 (Finnish: comma decimals, dot or space thousands)."""
    number = re.sub(r"[^\d.,]", "", text)
    if "," in number:
        number = number.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", number):
        number = number.replace(".", "")
    try:
        return Decimal(number) if number else None
    except InvalidOperation:
        return None


def _split_list(text: str) -> list[str]:
    """Split "A (koordinaattori), B, C ja D" at commas outside parentheses and at the last "ja"."""
    parts, depth, current = [], 0, ""
    for char in text.strip().rstrip("."):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    parts = [part.strip() for part in parts if part.strip()]
    if parts and " ja " in parts[-1]:
        parts[-1:] = parts[-1].rsplit(" ja ", 1)
    return [_tidy(part) for part in parts]


def _read_contacts(blocks: list[_Block]) -> list[Contact]:
    contacts = []
    for block in list(blocks):
        if _EMAIL.search(block.text) or _PHONE.search(block.text):
            contacts.append(_contact(block))
            blocks.remove(block)
    return contacts


def _contact(block: _Block) -> Contact:
    email = _EMAIL.search(block.text)
    phone = _PHONE.search(block.text)
    rest = [_PHONE.sub("", _EMAIL.sub("", line)).strip(" ,;") for line in block.lines]
    rest = [line for line in rest if line]
    contact = Contact(name="", email=email.group(0) if email else "", phone=_tidy(phone.group(1)) if phone else "")
    if rest and "," in rest[0]:
        person, _, contact.organisation = rest[0].rpartition(",")
        contact.title, contact.name = _title_and_name(person.strip())
        contact.organisation = contact.organisation.strip()
    elif rest:
        contact.name = rest[0]
        contact.title = rest[1] if len(rest) > 1 else ""
        contact.organisation = rest[2] if len(rest) > 2 else ""
    return contact


def _title_and_name(text: str) -> tuple[str, str]:
    """ "Projektipäällikkö Sanna Pensonen (virkavapaalla)" -> ("Projektipäällikkö (virkavapaalla)", "Sanna Pensonen")."""
    notes = " ".join(re.findall(r"\([^)]*\)", text))
    words = re.sub(r"\([^)]*\)", "", text).split()
    if len(words) <= 2:
        return notes, " ".join(words)
    return " ".join([*words[:-2], notes]).strip(), " ".join(words[-2:])


def _is_contact_marker(block: _Block) -> bool:
    folded = fold(block.text)
    return len(block.text.split()) <= 4 and folded.startswith(("lisatiet", "yhteystiedot"))


def _is_bullet_list(block: _Block) -> bool:
    return all(_BULLET.match(line) for line in block.lines)


def _goals(block: _Block) -> list[str]:
    if not _is_bullet_list(block):
        return []
    return [
        _tidy(re.sub(r"\s+(sekä|ja)$", "", _BULLET.match(line).group(1).strip().rstrip(",.;"))) for line in block.lines
    ]


def _read_running_text(facts: ProjectPageFacts, text: str, labelled: set[str]) -> None:
    """Facts a page states in sentences rather than labels."""
    if "period" not in labelled:
        facts.start, facts.end, facts.by_month = _period(text)
    if "funder" not in labelled:
        facts.funder = _funder_in_text(text)
    if "implementers" not in labelled:
        facts.implementers = _implementers_in_text(text)
    if "code" not in labelled and (code := _EURA_CODE.search(text)):
        facts.code = code.group(1)
    if "website" not in labelled:
        facts.website = _website_in_text(text)


def _funder_in_text(text: str) -> str | None:
    if match := re.search(r"rahoittaja(?:na)? (?:on|ovat|toimii|toimivat) (.+?)\.(?:\s|$)", text):
        return match.group(1)
    if re.search(r"Euroopan sosiaalirahasto|\bESR\b", text):
        return ESF  # every project in this portal is ESF-funded; the page names no other funder
    return None


def _implementers_in_text(text: str) -> list[str]:
    implementers: list[str] = []
    if match := re.search(r"toteuttaj(?:ina|at) (?:ovat|toimivat|ovat olleet) (.+?)\.(?:\s|$)", text):
        implementers += _split_list(match.group(1))
    if match := re.search(r"(?:Projektia|Hanketta) koordinoi (.+?)(?:,|\.)", text):
        implementers.append(_tidy(match.group(1)))
    if match := re.search(r"yhteistyökumppaneina (?:ovat|toimivat|toimii) (.+?)\.(?:\s|$)", text):
        implementers += _split_list(match.group(1))
    return list(dict.fromkeys(implementers))


def _website_in_text(text: str) -> str | None:
    for match in _DOMAIN.finditer(_EMAIL.sub(" ", text)):
        return _with_scheme(match.group(0).lower().rstrip(".,"))
    return None


def _with_scheme(url: str) -> str:
    return url if re.match(r"^https?://", url) else f"https://{url}"


def _named_project(blocks: list[_Block]) -> str | None:
    """The name in sentences opening "<name> -hankkeen …", as Finnish pages introduce their project.

    A page may shorten the name later ("ZOOMI-hanke"), so the most mentioned name wins in its longest form.
    """
    candidates = [
        match.group("name").strip()
        for block in blocks
        for sentence in _SENTENCE_END.split(_tidy(block.text))
        if (match := _NAMED_PROJECT.match(sentence)) and len(match.group("name").split()) <= _MAX_NAME_WORDS
    ]
    if not candidates:
        return None
    first_words = [fold(candidate.split()[0]).split("-")[0] for candidate in candidates]
    common = max(first_words, key=first_words.count)
    return max((c for c, w in zip(candidates, first_words, strict=True) if w == common), key=len)


def _tidy(text: str) -> str:
    """Collapse spaces and mend compounds the page broke at a hyphen ("Pohjois- Pohjanmaan")."""
    return _BROKEN_COMPOUND.sub(r"\1-\2", re.sub(r"\s+", " ", text)).strip()
