"""Vocabulary terms that a query names, so that a query in one language finds items written in another.

Each item's document carries, among its ``text_terms``, one tag term per
vocabulary term it is tagged with (``tag_term``): built from the term's code,
so the same in every language. A query word that belongs to a term's name or
to one of its word forms, analysed in the query's language, also matches the
term's tag term. So "invandrare" (a Swedish word form of the target group
``immigrants``) finds the Finnish items tagged with it, whose text says
*maahanmuuttajat*; and every backend matches it the same way, as one more
alternative term of the word.
"""

from dataclasses import dataclass

from search import browse, registry
from search.analysis import STOPWORDS, TermGroup, word_analysis, words


def tag_term(facet, code):
    """The index term of one vocabulary term: letters and digits only, so that every backend's tokenizer keeps
    it whole, and unlike any word (the code is written in hexadecimal)."""
    return f"zz{registry.vocabularies[facet].tag}{code.encode().hex()}"


def tag_terms(values):
    """The tag terms of a document's ``(facet, value)`` pairs, as one space-separated string."""
    return " ".join(sorted(tag_term(facet, value) for facet, value in values if facet in registry.vocabularies))


@dataclass(frozen=True)
class NamedTerm:
    facet: str
    code: str
    label: str  # the term's name in the query's language
    words: tuple  # the query words that name it


def _forms(name, word_forms):
    return [name, *(line.strip() for line in (word_forms or "").splitlines() if line.strip())]


def _naming_words(form, groups, language):
    """The query words that together contain every word of ``form`` (by base form), or () when some word is missing."""
    stopwords = STOPWORDS.get(language, set())
    covered = []
    form_words = [word for word in words(form) if word not in stopwords]
    for word in form_words:
        bases = set(word_analysis(word, language)[0])
        naming = [group.word for group in groups if bases.intersection(group)]
        if not naming:
            return ()
        covered += naming
    return tuple(dict.fromkeys(covered))


def named_terms(groups, language, known=None):
    """The vocabulary terms named by the query words ``groups`` (``search.analysis.query_terms`` in ``language``).

    A term is named when the query holds every word of its name or of one of its word forms in
    ``language``; a query word matches a form's word when they share a base form, or when one of the
    query word's compound parts is that base form ("invandrarbakgrund" names "invandrare").
    ``known`` maps facets to the ``(code, name, word_forms)`` of their terms in ``language`` where the caller
    has read them already; the other vocabularies take a query each.
    """
    if not groups:
        return []
    known = known or {}
    found = []
    for facet, terms in registry.vocabularies.items():
        rows = known.get(facet)
        if rows is None:
            rows = (
                terms.model.objects.filter(locale__language_code=language)
                .order_by("sort_order", "pk")
                .values_list("code", "name", "word_forms")
            )
        for code, name, word_forms in rows:
            for form in _forms(name, word_forms):
                naming = _naming_words(form, groups, language)
                if naming:
                    found.append(NamedTerm(facet, code, name, naming))
                    break
    return found


def with_tags(groups, named):
    """``groups`` with each word's group also holding the tag terms of the terms that word helps to name."""
    tags = {}
    for term in named:
        for word in term.words:
            tags.setdefault(word, []).append(tag_term(term.facet, term.code))
    return [TermGroup((*group, *tags.get(group.word, ())), group.word) for group in groups]


@dataclass(frozen=True)
class CompletedTerm:
    facet: str  # the vocabulary's name, as registered
    code: str
    name: str  # the term's name in the typed language
    vocabulary_label: str  # how a sentence names the vocabulary ("target group"), in the active language


def _completes(typed, form):
    """Whether each typed word starts a word of ``form`` (the last word is usually half typed)."""
    form_words = words(form)
    return all(any(word.startswith(part) for word in form_words) for part in typed)


def completing_terms(typed, language, limit):
    """Vocabulary terms in ``language`` whose name, or one of whose word forms, completes the ``typed`` words
    (from ``analysis.words``), and that tag a live, public page: a suggestion must find something.

    Terms whose own name completes the words come first, then those found by a word form; each group in
    the vocabularies' registered order and their terms' order.
    """
    by_name, by_form = [], []
    for facet, terms in registry.vocabularies.items():
        rows = (
            terms.model.objects.filter(locale__language_code=language)
            .order_by("sort_order", "pk")
            .values_list("code", "name", "word_forms")
        )
        for code, name, word_forms in rows:
            term = CompletedTerm(facet, code, name, str(terms.match_label))
            if _completes(typed, name):
                by_name.append(term)
            elif any(_completes(typed, form) for form in _forms(name, word_forms)[1:]):
                by_form.append(term)
    if not by_name and not by_form:
        return []
    # The browsing index's stored counts: scanning every page's terms took 260 ms a keystroke at 100,000 pages.
    used = browse.found_pairs(list(registry.vocabularies))
    return [term for term in by_name + by_form if (term.facet, term.code) in used][:limit]
