"""Text normalisation shared by the parsers: folding, tokens, similarity and slugs."""

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

# Words that say "this is a project" and carry no identity ("Huoltamo-hanke" is Huoltamo).
GENERIC_WORDS = frozenset({"hanke", "hankkeen", "hankkeessa", "projekti", "projekt", "project"})

# A token this similar to another counts as the same word with a typo ("portilla"/"portailla").
TOKEN_SIMILARITY_FLOOR = 0.75

_NON_WORD = re.compile(r"[^\w]+|_")


def fold(text: str) -> str:
    """Casefold and strip diacritics: "Tšetanes Väylä" -> "tsetanes vayla"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """Folded words without punctuation, dashes or generic project words."""
    words = _NON_WORD.sub(" ", fold(text)).split()
    return tuple(word for word in words if word not in GENERIC_WORDS)


def compact(text: str) -> str:
    """Folded letters and digits only, so "Pipo 2" and "Pipo2" compare equal."""
    return "".join(tokens(text))


@lru_cache(maxsize=262144)
def token_similarity(left: str, right: str) -> float:
    if left == right:
        return 1.0
    if left.isdigit() or right.isdigit():
        return 0.0  # "2019" is not a typo of "2020"
    if 2 * min(len(left), len(right)) / (len(left) + len(right)) < TOKEN_SIMILARITY_FLOOR:
        return 0.0  # too different in length to be a typo
    matcher = SequenceMatcher(None, left, right)
    if matcher.quick_ratio() < TOKEN_SIMILARITY_FLOOR:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= TOKEN_SIMILARITY_FLOOR else 0.0


def aligned_weight(left: tuple[str, ...], right: tuple[str, ...]) -> float:
    """Sum of similarities when each token is paired with at most one token on the other side."""
    pairs = sorted(
        ((token_similarity(a, b), i, j) for i, a in enumerate(left) for j, b in enumerate(right)),
        reverse=True,
    )
    used_left: set[int] = set()
    used_right: set[int] = set()
    weight = 0.0
    for similarity, i, j in pairs:
        if similarity == 0.0:
            break
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        weight += similarity
    return weight


def dice(left: tuple[str, ...], right: tuple[str, ...]) -> float:
    """Token-set similarity in [0, 1], order-free and tolerant of typos inside words."""
    if not left or not right:
        return 0.0
    return 2 * aligned_weight(left, right) / (len(left) + len(right))


def coverage(part: tuple[str, ...], whole: tuple[str, ...]) -> float:
    """Share of `part` found in `whole`."""
    if not part:
        return 0.0
    return aligned_weight(part, whole) / len(part)


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII slug cut at a word boundary: stable keys for idempotent imports."""
    slug = "-".join(_NON_WORD.sub(" ", fold(text)).split())
    slug = slug.encode("ascii", "ignore").decode()
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    return cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
