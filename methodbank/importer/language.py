"""A small language guesser for the portal's three languages: Finnish, Swedish and English.

It counts very common function words of each language, plus a few spelling habits (Swedish "å", Finnish
double vowels). That is reliable for the paragraph-long project descriptions in the seed report and needs no
model data. Text with no evidence at all is taken as Finnish, the portal's default language.
"""

import re

DEFAULT_LANGUAGE = "fi"

FUNCTION_WORDS = {
    "fi": frozenset(
        [
            "ja",
            "on",
            "ei",
            "että",
            "se",
            "ovat",
            "oli",
            "myös",
            "sekä",
            "tai",
            "kun",
            "jos",
            "kanssa",
            "joka",
            "jotka",
            "jossa",
            "joiden",
            "joita",
            "mutta",
            "niin",
            "sen",
            "ole",
            "olla",
            "voi",
            "mukaan",
            "kautta",
            "aikana",
            "eri",
            "tämä",
            "nämä",
            "ne",
            "siitä",
            "hankkeen",
            "hankkeessa",
            "hankkeella",
            "tavoitteena",
            "tavoite",
            "tavoitteet",
            "hanke",
            "kuin",
            "jo",
            "vielä",
            "yhdessä",
            "avulla",
            "välillä",
            "lisäksi",
        ]
    ),
    "sv": frozenset(
        [
            "och",
            "att",
            "det",
            "som",
            "en",
            "ett",
            "är",
            "för",
            "av",
            "på",
            "med",
            "till",
            "de",
            "den",
            "i",
            "om",
            "genom",
            "mellan",
            "har",
            "inte",
            "vi",
            "kan",
            "ska",
            "skall",
            "också",
            "eller",
            "från",
            "efter",
            "under",
            "detta",
            "denna",
            "olika",
            "sig",
            "sina",
            "deras",
            "projektet",
            "projekt",
            "unga",
            "ungdomar",
            "samt",
            "vid",
            "när",
            "där",
            "hur",
            "vara",
            "blir",
            "blivit",
            "även",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "for",
            "with",
            "that",
            "by",
            "as",
            "are",
            "this",
            "be",
            "from",
            "at",
            "an",
            "it",
            "which",
            "or",
            "their",
            "they",
            "was",
            "were",
            "has",
            "have",
            "will",
            "project",
            "students",
            "young",
            "people",
            "also",
            "between",
            "through",
            "into",
            "its",
            "can",
        ]
    ),
}

_WORD = re.compile(r"[^\W\d_]+")
_FINNISH_DOUBLE_VOWELS = re.compile(r"(aa|ää|ii|uu|yy|öö)")


def detect_language(text: str) -> str:
    """Return "fi", "sv" or "en" for `text`."""
    words = [word.casefold() for word in _WORD.findall(text)]
    if not words:
        return DEFAULT_LANGUAGE
    scores = {language: _function_word_share(words, vocabulary) for language, vocabulary in FUNCTION_WORDS.items()}
    lowered = text.casefold()
    scores["sv"] += lowered.count("å") / len(words)
    scores["fi"] += len(_FINNISH_DOUBLE_VOWELS.findall(lowered)) / len(words) / 2
    best = max(scores, key=lambda language: (scores[language], language == DEFAULT_LANGUAGE))
    return best if scores[best] > 0 else DEFAULT_LANGUAGE


def _function_word_share(words: list[str], vocabulary: frozenset[str]) -> float:
    return sum(word in vocabulary for word in words) / len(words)
