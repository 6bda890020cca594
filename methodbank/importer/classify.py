"""Propose target groups, regions, keywords and funding for imported items, and say where each came from.

A term is recognised by its word forms (``TaxonomyTerm.word_forms``, one per line, kept by editors in
the admin), in the text's own language. Text and word forms go through the same analysis as search
(``search.analysis``): a text word matches a one-word form when the word's base forms or compound parts
include the form's base form, so "Lappi" finds *Lapissa* and *lappilaisten*, and "maahanmuuttaja" finds
*maahanmuuttajien* and *maahanmuuttajanuoret*. A form of several words matches those words in a row
(*Pohjois-Pohjanmaalla*); where forms overlap, the longest wins, so *Keski-Pohjanmaan* is Keski-Pohjanmaa,
not also Pohjanmaa. An area such as Itä-Suomi is a word form of each region it spans.

What each kind of page gets:

* target groups and keywords: from its own title and description;
* regions of a project: "Koko Suomi" when the report lists it among the national projects (the scope
  stays as the project list says); places named in its name or description; for a regional project whose
  text names no place, the region its lead organisation's name places it in (*Lapin yliopisto*,
  *Turun kaupunki*). The whole country is never read from text: a national word such as
  "valtakunnallisesti" describes ambition, not where a project worked;
* regions of a model or practice: its project's regions, plus places its own text names;
* funding of a project: a funding source its own text, or the heading of its table, names; otherwise
  what the report says of all its projects (the report collects the results of ESF projects).

Every proposal carries ``Evidence``: the source line and the words that gave it.
"""

import re
import unicodedata
from dataclasses import dataclass

from methodbank.models import FundingSource, Keyword, Region, TargetGroup
from search.analysis import word_analysis, words

from .markdown_text import heading, plain
from .normalise import fold

TARGET_GROUPS, REGIONS, KEYWORDS, FUNDING = "target_groups", "regions", "keywords", "funding_sources"
VOCABULARY_MODELS = {TARGET_GROUPS: TargetGroup, REGIONS: Region, KEYWORDS: Keyword, FUNDING: FundingSource}

# How a proposal was reached; ``TermSuggestion.provenance`` words each for editors.
VIA_TEXT = "text"  # the page's own text names the term
VIA_PROJECT = "project"  # its project's text names it
VIA_ORGANISATION = "organisation"  # the lead organisation's name places it
VIA_HEADING = "heading"  # the heading the project is listed under says it
VIA_REPORT = "report"  # the report says it of all its projects

# A description follows its title or table row within this many lines.
SEARCH_WINDOW = 40
NATIONAL_HEADING = "valtakunnalli"  # "Valtakunnalliset hankkeet", the national projects' tables


@dataclass(frozen=True)
class Evidence:
    line: int
    text: str
    via: str = VIA_TEXT

    def as_dict(self, source):
        return {"source": source, "line": self.line, "text": self.text, "via": self.via}


@dataclass
class Token:
    surface: str
    terms: frozenset


def tokens_of(text, language):
    """The words of ``text`` with every base form and compound part the search analysis gives them."""
    result = []
    for word in words(text):
        bases, parts = word_analysis(word, language)
        result.append(Token(word, frozenset(bases) | frozenset(parts)))
    return result


class TermForms:
    """The word forms of one vocabulary in one language, analysed once, to be found in texts."""

    def __init__(self, language, forms_by_code):
        self.by_first = {}
        for code, forms in forms_by_code.items():
            for form in forms:
                analysed = tuple(self._bases(word, language) for word in words(form))
                if analysed:
                    for base in analysed[0]:
                        self.by_first.setdefault(base, []).append((code, analysed))

    @staticmethod
    def _bases(word, language):
        """A form written in its base form means that base form: "Nokia" the town, not *noki* (soot)."""
        bases = frozenset(word_analysis(word, language)[0])
        return frozenset([word]) if word in bases else bases

    def find(self, tokens):
        """``(code, first token, last token + 1)`` for each place a form matches; the longest match wins."""
        found, position = [], 0
        while position < len(tokens):
            matches = {}
            for base in tokens[position].terms:
                for code, analysed in self.by_first.get(base, ()):
                    end = position + len(analysed)
                    if end <= len(tokens) and all(
                        bases & tokens[position + offset].terms for offset, bases in enumerate(analysed)
                    ):
                        matches.setdefault(end, set()).add(code)
            if not matches:
                position += 1
                continue
            end = max(matches)
            found += [(code, position, end) for code in sorted(matches[end])]
            position = end
        return found


def load_vocabularies(language):
    """``{vocabulary: TermForms}`` from the terms' names and word forms in ``language``."""
    vocabularies = {}
    for vocabulary, model in VOCABULARY_MODELS.items():
        terms = model.objects.filter(locale__language_code=language)
        if model is Region:
            terms = terms.filter(is_national=False)  # the whole country comes from scope only
        forms = {}
        for term in terms:
            forms.setdefault(term.code, []).extend([term.name, *term.word_forms.splitlines()])
        vocabularies[vocabulary] = TermForms(language, forms)
    return vocabularies


class SourceLines:
    """The source file's lines, to say on which line a matched word stands."""

    def __init__(self, lines, window=SEARCH_WINDOW):
        self.lines = lines
        self.window = window
        self._words = {}

    def words_at(self, number):
        if number not in self._words:
            self._words[number] = set(words(self.lines[number - 1])) if 0 < number <= len(self.lines) else set()
        return self._words[number]

    def find(self, surface, starts):
        """``(line, words as written)`` of the first place at or after one of ``starts`` that holds the words.

        The words in a row on one line are looked for first; words split over two lines are found by
        the first of them. With no place found, the first start and the words as analysed.
        """
        for start in starts:
            for number in range(start, min(start + self.window, len(self.lines)) + 1):
                if surface[0] in self.words_at(number) and (written := self.as_written(number, surface)):
                    return number, written
        for start in starts:
            for number in range(start, min(start + self.window, len(self.lines)) + 1):
                if surface[0] in self.words_at(number):
                    return number, " ".join(surface)
        return (starts[0] if starts else 0), " ".join(surface)

    def as_written(self, number, surface):
        """The words as line ``number`` writes them (case, hyphens), or None when they are not on it in a row."""
        text = unicodedata.normalize("NFC", self.lines[number - 1]) if 0 < number <= len(self.lines) else ""
        written = re.search(r"(?<!\w)" + r"\W+".join(re.escape(word) for word in surface) + r"(?!\w)", text, re.I)
        return written.group(0) if written else None

    def heading_above(self, number, accept):
        """The nearest heading or table header above line ``number`` whose text ``accept`` takes: (line, text)."""
        for above in range(number, 0, -1):
            line = self.lines[above - 1]
            found = heading(line)
            text = found[1] if found else plain(line.split("\t")[0]) if "\t" in line else ""
            if text and accept(text):
                return above, text
            if found and fold(found[1]).startswith("liite"):
                return None
        return None


class Classification(dict):
    """``{(vocabulary, code): [Evidence, …]}``, in the order the evidence was found."""

    def add(self, vocabulary, code, evidence):
        found = self.setdefault((vocabulary, code), [])
        if evidence not in found:
            found.append(evidence)

    def codes(self, vocabulary):
        return [code for kind, code in self if kind == vocabulary]

    def merge(self, other, vocabularies):
        for (vocabulary, code), evidence in other.items():
            if vocabulary in vocabularies:
                for item in evidence:
                    self.add(vocabulary, code, item)


class Classifier:
    """Classifies the records of one source file."""

    def __init__(self, lines, window=SEARCH_WINDOW):
        self.source = SourceLines(lines, window)
        self._vocabularies = {}
        self._report_funding = None

    def vocabularies(self, language):
        if language not in self._vocabularies:
            self._vocabularies[language] = load_vocabularies(language)
        return self._vocabularies[language]

    def text(self, text, language, starts, vocabularies, via=VIA_TEXT):
        """Terms of ``vocabularies`` that ``text`` names, each with the line and words that name it.

        A form of several words is not matched across a line break: a title and the paragraph after it
        are separate texts.
        """
        classification = Classification()
        forms = self.vocabularies(language)
        for part in text.split("\n"):
            tokens = tokens_of(part, language)
            for vocabulary in vocabularies:
                for code, first, end in forms[vocabulary].find(tokens):
                    surface = [token.surface for token in tokens[first:end]]
                    line, written = self.source.find(surface, starts)
                    classification.add(vocabulary, code, Evidence(line, written, via))
        return classification

    def project(self, record):
        """Target groups, keywords, regions and funding of a ``ProjectRecord``."""
        language, starts = record.language, record.lines
        own_text = "\n".join([record.name, record.description])
        result = self.text(own_text, language, starts, [TARGET_GROUPS, KEYWORDS, REGIONS, FUNDING])
        if record.scope == "national":
            self._national(result, starts)
        elif record.scope == "regional" and not result.codes(REGIONS):
            organisation = self.text(record.lead_organisation, language, starts, [REGIONS], VIA_ORGANISATION)
            result.merge(organisation, [REGIONS])
        if not result.codes(FUNDING):
            self._funding(result, starts, language)
        return result

    def entry(self, entry, project=None):
        """Target groups, keywords and regions of a model or practice; ``project`` is its project's classification."""
        text = "\n".join([entry.title, entry.description])
        result = self.text(text, entry.language, entry.lines or [entry.line], [TARGET_GROUPS, KEYWORDS, REGIONS])
        if project:
            inherited = Classification()
            for (vocabulary, code), evidence in project.items():
                if vocabulary == REGIONS:
                    for item in evidence:
                        inherited.add(vocabulary, code, item if item.via != VIA_TEXT else _via_project(item))
            result.merge(inherited, [REGIONS])
        return result

    def _national(self, result, starts):
        national = Region.objects.filter(is_national=True).values_list("code", flat=True).first()
        listed = self.source.heading_above(starts[-1], lambda text: fold(text).startswith(NATIONAL_HEADING))
        if national and listed:
            result.add(REGIONS, national, Evidence(listed[0], listed[1], VIA_HEADING))

    def _funding(self, result, starts, language):
        """A funding source the headings above the project's rows name, else what the report says of all."""
        forms = self.vocabularies(language)[FUNDING]
        for start in starts:
            listed = self.source.heading_above(start, lambda text: bool(forms.find(tokens_of(text, language))))
            if listed:
                for code, _first, _end in forms.find(tokens_of(listed[1], language)):
                    result.add(FUNDING, code, Evidence(listed[0], listed[1], VIA_HEADING))
                return
        for code, evidence in self.report_funding(language):
            result.add(FUNDING, code, evidence)

    def report_funding(self, language):
        """What the report says of all its projects: the first place that calls them, say, "ESR-hankkeet".

        A funding word followed by the word for project (*ESR-hankkeiden*) speaks of projects in general;
        "the ESF funds this coordination project" would not.
        """
        if self._report_funding is None:
            self._report_funding = []
            forms = self.vocabularies(language)[FUNDING]
            for number, line in enumerate(self.source.lines, start=1):
                tokens = tokens_of(line, language)
                for code, first, end in forms.find(tokens):
                    words_after = tokens[first + 1 : end + 1]
                    said_of_projects = next(
                        (at for at, token in enumerate(words_after) if "hanke" in token.terms), None
                    )
                    if said_of_projects is not None:
                        surface = [token.surface for token in tokens[first : first + said_of_projects + 2]]
                        written = self.source.as_written(number, surface) or " ".join(surface)
                        evidence = Evidence(number, written, VIA_REPORT)
                        self._report_funding.append((code, evidence))
                if self._report_funding:
                    break
        return self._report_funding


def _via_project(evidence):
    return Evidence(evidence.line, evidence.text, VIA_PROJECT)
