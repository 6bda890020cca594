"""Language-aware text analysis shared by indexing and querying.

Search backends differ in what they know about Finnish and Swedish: SQLite's
full-text search has no stemmer at all. So the portal analyses text itself,
before it reaches any backend, and sends the backends plain lists of terms:
every backend then matches the same terms in the same way.

For a word the analyser produces

* in Finnish, its base forms and compound parts from Voikko (``search.finnish``):
  ``siirtymävaiheessa`` → ``siirtymävaihe``, ``siirtymä``, ``vaihe``;
* in Swedish, its Snowball stem and the stems of its compound parts, split with
  a dictionary (``search.swedish``): ``yrkeshögskolan`` → ``yrkeshögskol``,
  ``yrke``, ``högskol``, ``hög``, ``skol``;
* in English, and for Finnish words Voikko does not know (names, abbreviations,
  new words such as *ryhmäyttäminen*), its Snowball stem; in Finnish with a few
  rules that bring the stems of one word's forms together (consonant gradation:
  ``lähdön`` and ``lähtö`` both become ``lähtö``).
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

from search import finnish, swedish

LANGUAGES = ("fi", "sv", "en")
SNOWBALL_NAMES = {"fi": "finnish", "sv": "swedish", "en": "english"}

# Words too common to help a search; dropped from both the index and queries.
STOPWORDS = {
    "fi": {
        "ja",
        "tai",
        "sekä",
        "eli",
        "on",
        "ovat",
        "oli",
        "ei",
        "se",
        "ne",
        "että",
        "kun",
        "jos",
        "mutta",
        "myös",
        "kuin",
        "joka",
        "jotka",
        "sen",
        "niiden",
    },
    "sv": {
        "och",
        "eller",
        "i",
        "på",
        "av",
        "för",
        "till",
        "med",
        "som",
        "är",
        "en",
        "ett",
        "den",
        "det",
        "de",
        "att",
        "om",
        "från",
        "hos",
        "under",
        "vid",
    },
    "en": {
        "a",
        "an",
        "and",
        "or",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "is",
        "are",
        "was",
        "be",
        "that",
        "this",
        "it",
        "as",
        "into",
    },
}

WORD = re.compile(r"[^\W_]+")
# A query word also matches its parts of this many letters or more: shorter ones (työ, luku, moni) are
# too common in compounds of other meanings to find what the visitor meant.
MIN_QUERY_PART = 5
_local = threading.local()


def _stemmer(language):
    # Snowball stemmers keep state between calls, so each thread gets its own.
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(SNOWBALL_NAMES[language])
    return stemmers[language]


def words(text):
    """Lower-case words of ``text``; punctuation, symbols and control characters separate words."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    return WORD.findall(text)


# Consonant gradation: the weak grade of a stem's last consonant, mapped to the strong grade
# (lähdön → lähtö, kengän → kenkä). After doubled consonants are made single, the weak
# grades of nt, lt, rt and mp are n, l, r and m (rannan, kullan, virran, kamman).
_STRONG_GRADE = {"d": "t", "hd": "ht", "ng": "nk", "lj": "lk", "rj": "rk", "nt": "n", "lt": "l", "rt": "r", "mp": "m"}
# A stem's last consonants and at most one vowel after them; only that syllable alternates.
_GRADATION_TAIL = re.compile(r"([aeiouyäö])([bcdfghjklmnpqrstvwxz]{1,2})([aeiouyäö]?)$")
# Forms whose weak grade drops the k altogether (tuki → tuen), too short for a rule; by Snowball stem.
_K_DROPPED = {"tuen": "tuk", "tues": "tuk", "tue": "tuk", "tuke": "tuk", "tuki": "tuk"}


def _strong_grade(stem):
    """``stem`` with its last syllable's consonant in the strong grade: forms of one word share a stem."""
    stem = _K_DROPPED.get(stem, stem)
    match = _GRADATION_TAIL.search(stem)
    if match is None:
        return stem
    before, consonants, vowel = match.groups()
    if consonants == "v" and before in "aou":
        # v is the weak grade of p (tapa, tavan), or of k between u's (luku, luvun). Not after
        # front vowels, where v is mostly just v: hyvä is no form of hypätä.
        consonants = "k" if before + vowel == "uu" else "p"
    elif consonants == "s" and vowel == "i":
        consonants, vowel = "t", ""  # käsi, käden, kättä: the nominative's s is t elsewhere
    else:
        consonants = _STRONG_GRADE.get(consonants, consonants)
    if consonants == "t" and vowel == "e":
        vowel = ""  # käte-, vete-: the e comes and goes (kättä, vettä)
    return stem[: match.start()] + before + consonants + vowel


def _finnish_rules(word, stem):
    """Even out what Snowball leaves different between forms of one Finnish word."""
    if word.endswith("si") and stem == word[:-2] and stem.endswith(("au", "uo", "uu", "yö")):
        # Snowball reads the -si of lukukausi, lukuvuosi as "your"; it is the nominative of a t-stem.
        stem += "t"
    if len(stem) > 4:
        stem = re.sub(r"([aeiouyäö])k?s$", r"\1", stem)  # koulutus, koulutuks- → koulutu
    stem = re.sub(r"([bcdfghjklmnpqrstvwxz])\1", r"\1", stem)  # valmennu, valmenu: consonant gradation
    # Before the -in rule: arvioint (arviointi) becomes arvioin, as arvioinnin does.
    stem = _strong_grade(stem)
    if len(stem) > 5 and stem.endswith("in"):
        stem = stem[:-1]  # keskeyttämin → keskeyttämi
    if len(stem) > 6 and stem.endswith("i"):
        stem = stem[:-1]
    return stem


@lru_cache(maxsize=200_000)
def stem(word, language):
    result = _stemmer(language).stemWord(word)
    if language == "fi":
        result = _finnish_rules(word, result)
    elif language == "sv" and len(result) > 5 and result.endswith("an"):
        result = result[:-2]  # Snowball keeps the definite -an: skolan, ansökan
    return result


def _swedish_analysis(word):
    """The stems of a Swedish word and of its base forms, then of each compound part and each tail."""
    bases, compounds = swedish.readings(word)
    parts = []
    for reading in compounds:
        for index, (_surface, base) in enumerate(reading):
            parts.append(stem(base, "sv"))
            if 0 < index < len(reading) - 1:
                # yrkeshögskolan read as yrkes + hög + skolan: also högskolan.
                parts.append(stem("".join(surface for surface, _base in reading[index:]), "sv"))
    return [stem(word, "sv"), *(stem(base, "sv") for base in bases)], parts


@lru_cache(maxsize=200_000)
def word_analysis(word, language):
    """``(base forms or stems, compound parts and other terms)`` of one lower-case word."""
    analysis = finnish.analyse_word(word) if language == "fi" else None
    if analysis is not None:
        bases, parts = analysis
    elif language == "sv":
        bases, parts = _swedish_analysis(word)
    else:
        bases, parts = [stem(word, language)], []
    bases = tuple(dict.fromkeys(term for term in bases if term))
    return bases, tuple(dict.fromkeys(term for term in parts if term and term not in bases))


def load_dictionaries():
    """Read the Swedish dictionary now (about 2 s) rather than in the first search that needs it.

    Every search analyses its words in each language, so a web server process would otherwise keep
    its first visitor waiting; ``portal.wsgi`` calls this as each process starts.
    """
    swedish.readings("skola")


def word_terms(word, language):
    """Every term one word gives the index: its base forms or stem first, then its parts."""
    bases, parts = word_analysis(word, language)
    return bases + parts


def analyse(text, language):
    """Index terms for ``text`` written in ``language``, as one space-separated string."""
    return analyse_words(words(text), language)


def analyse_words(text_words, language):
    """``analyse`` for text already split with ``words``."""
    stopwords = STOPWORDS.get(language, set())
    terms = []
    for word in text_words:
        if word not in stopwords:
            terms.extend(word_terms(word, language))
    return " ".join(terms)


class TermGroup(tuple):
    """A query word's alternative terms; ``word`` is the word as typed, for backends with a stemmer of their own."""

    def __new__(cls, terms, word):
        group = super().__new__(cls, terms)
        group.word = word
        return group


def query_terms(text, language, max_words):
    """One TermGroup (a tuple of alternative terms) per query word, in order; stop words dropped.

    A page matches a word when it contains any of that word's terms: a base form
    or stem of the whole word, or one of its compound parts.
    """
    stopwords = STOPWORDS.get(language, set())
    groups = []
    for word in words(text):
        if word in stopwords:
            continue
        bases, parts = word_analysis(word, language)
        group = TermGroup(dict.fromkeys([*bases, *(part for part in parts if len(part) >= MIN_QUERY_PART)]), word)
        if group not in groups:
            groups.append(group)
        if len(groups) == max_words:
            break
    return groups


# Finnish and Swedish alphabets end ... x y z å ä ö; other accented letters sort with their base letter.
# "{", "|" and "}" are the three characters after "z".
_NORDIC_TAIL = {"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"}


def _fold(char):
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))


def sort_key(title, language):
    """A key that sorts titles alphabetically as readers of ``language`` expect."""
    key = []
    for char in (title or "").casefold():
        if language in ("fi", "sv") and char in _NORDIC_TAIL:
            key.append(_NORDIC_TAIL[char])
        elif char.isalnum():
            key.append(_fold(char))
        elif char.isspace():
            key.append(" ")
    return "".join(key).strip()
