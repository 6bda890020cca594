"""Typo tolerance: "Did you mean …?" from the index's own vocabulary (``SearchWord``).

A query word that no live page contains is replaced by the nearest word that
some page does contain, within a Levenshtein distance that grows with the
word's length (rapidfuzz computes it). On PostgreSQL with ``pg_trgm`` the
candidates come from a trigram index; elsewhere, from the words of similar
length. The same vocabulary serves every search backend, so a typo is
corrected the same way on SQLite, PostgreSQL and the engine.
"""

from functools import cache

from django.contrib.postgres.lookups import TrigramSimilar
from django.db import connection
from django.db.models import F, Q, Value
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from wagtail.models import Page

from search.analysis import STOPWORDS, words
from search.models import SearchDocument, SearchWord

MIN_LENGTH = 4
MAX_LENGTH = 40
# Candidates compared per word, at most: the trigram index returns its best ones.
TRIGRAM_CANDIDATES = 200
# The nearest few words are checked against public pages, nearest first.
NEAREST_CHECKED = 5


def max_distance(word):
    """Edits allowed: one for a word of four or five letters, two from six letters up."""
    if len(word) < MIN_LENGTH:
        return 0
    return 1 if len(word) < 6 else 2


def vocabulary_words(text_words, language):
    """Of ``text_words`` (from ``analysis.words``), those worth offering as a correction."""
    stopwords = STOPWORDS.get(language, set())
    return {
        word
        for word in set(text_words)
        if MIN_LENGTH <= len(word) <= MAX_LENGTH and word.isalpha() and word not in stopwords
    }


def add_words(pairs):
    """Record ``(language, word)`` pairs; words already known are left as they are."""
    SearchWord.objects.bulk_create(
        (SearchWord(language=language, word=word, length=len(word)) for language, word in pairs),
        ignore_conflicts=True,
        batch_size=1000,
    )


@cache
def _has_trigram_index():
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def _candidates(word, language, distance):
    known = SearchWord.objects.filter(language=language)
    if _has_trigram_index():
        # pg_trgm's % operator, served by the GIN trigram index of migration 0003.
        known = known.filter(TrigramSimilar(F("word"), Value(word)))
        return list(known.values_list("word", flat=True)[:TRIGRAM_CANDIDATES])
    rows = known.filter(length__gte=len(word) - distance, length__lte=len(word) + distance)
    return list(rows.values_list("word", flat=True))


def _on_a_public_page(word, language):
    """Whether a live, public page in ``language`` has ``word``.

    The vocabulary keeps words of pages made private since (until the next
    rebuild), and a private page's words must never be offered to visitors.
    """
    public = Page.objects.live().public().values("pk")
    documents = SearchDocument.objects.filter(language=language, page__in=public)
    return documents.filter(Q(title__icontains=word) | Q(text__icontains=word)).exists()


def nearest(word, language):
    """The closest word of a public page to an unknown ``word``, or None (short words have none)."""
    distance = max_distance(word)
    if not distance or len(word) > MAX_LENGTH:
        return None
    matches = process.extract(
        word,
        sorted(_candidates(word, language, distance)),
        scorer=Levenshtein.distance,
        score_cutoff=distance,
        limit=NEAREST_CHECKED,
    )
    return next((match for match, _distance, _index in matches if _on_a_public_page(match, language)), None)


def correct(query, language):
    """``query`` with each word that no page contains replaced by its nearest known word; None if nothing changed."""
    typed = words(query)
    candidates = [word for word in typed if max_distance(word) and len(word) <= MAX_LENGTH]
    known = set(SearchWord.objects.filter(language=language, word__in=candidates).values_list("word", flat=True))
    corrected, changed = [], False
    for word in typed:
        replacement = None if word in known or word not in candidates else nearest(word, language)
        corrected.append(replacement or word)
        changed = changed or replacement is not None
    return " ".join(corrected) if changed else None
