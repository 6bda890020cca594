"""Finnish base forms and compound parts from Voikko (libvoikko with the voikko-fi dictionary).

Voikko knows the whole standard language: inflection, consonant gradation,
compounds and derivations. For a word it gives one analysis per reading, each
with the base form and the structure as ``WORDBASES``::

    työnhakutaidot     +työn(työ)+haku(haku)+taito(taito)
    monikulttuurisuus  +moni(moni)+kulttuur(kulttuuri)+isu(+inen)+us(+us)
    ammatillinen       +ammati(ammatti)+lli+nen(+nen)

An element whose base starts with ``+`` (or that has no base) is a derivational
suffix of the part before it; every other element starts a compound part. This
module only reads that notation into search terms; the linguistics is Voikko's.
"""

import re
import threading
from functools import lru_cache

import libvoikko

# Voikko analyses words, not texts; longer "words" are no Finnish and go to the fallback.
MAX_WORD_LENGTH = 60
ELEMENT = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")
_local = threading.local()


class VoikkoUnavailable(RuntimeError):
    pass


def _voikko():
    # A Voikko handle must not be shared between threads.
    handle = getattr(_local, "voikko", None)
    if handle is None:
        try:
            handle = _local.voikko = libvoikko.Voikko("fi")
        except (OSError, libvoikko.VoikkoException) as error:
            raise VoikkoUnavailable(
                "Finnish search needs Voikko: install the Debian packages libvoikko1 and voikko-fi (make does)."
            ) from error
    return handle


def check_available():
    """Raise VoikkoUnavailable unless Voikko and its Finnish dictionary load."""
    _voikko()


def _parts(wordbases):
    """``[[surface, base, derived]]`` per compound part of one analysis."""
    parts = []
    for surface, base in ELEMENT.findall(wordbases):
        if parts and (not base or base.startswith("+")):
            parts[-1][0] += surface
            parts[-1][2] = True
        else:
            parts.append([surface, base or surface, False])
    return parts


def _analysis_parts(analysis):
    """Terms of one reading besides its base form: compound parts, their roots and joined neighbours."""
    baseform = analysis.get("BASEFORM", "").casefold()
    parts = _parts(analysis.get("WORDBASES", "").casefold())
    if not parts:
        return []
    terms = []
    surfaces = [surface for surface, _base, _derived in parts]
    prefix = "".join(surfaces[:-1])
    # The last part in its base form: the word's base form less the earlier parts as written.
    last_base = baseform[len(prefix) :] if baseform.startswith(prefix) and len(baseform) > len(prefix) else None
    bases = [base.split("=")[-1] for _surface, base, _derived in parts]
    if last_base:
        bases[-1] = last_base
    if len(parts) > 1:
        terms += bases
        # Neighbouring parts together: työnhakutaito also yields työnhaku and hakutaito. An inner part
        # that is a derivation keeps its shape (monikulttuurisuus-): Voikko gives only its root.
        heads = [
            base if index == len(parts) - 1 or not parts[index][2] else surfaces[index]
            for index, base in enumerate(bases)
        ]
        for start in range(len(parts)):
            for end in range(start + 2, len(parts) + 1):
                if (start, end) != (0, len(parts)):
                    terms.append("".join(surfaces[start : end - 1]) + heads[end - 1])
    elif "=" in parts[0][1]:
        terms.append(parts[0][1].split("=")[-1])  # maahanmuuttaja: also muuttaja
    # In a compound, a derived last part also yields its root: monikulttuurisuus and monikulttuurinen
    # meet at kulttuuri. A plain derived word keeps to its own base form (koulutus is not kouluttaa).
    _surface, root, derived = parts[-1]
    if derived and len(parts) > 1:
        terms.append(root)
    return terms


@lru_cache(maxsize=200_000)
def analyse_word(word):
    """``(base forms, other terms)`` of a lower-case Finnish word, or None when Voikko does not know it.

    A word can have several readings (tuli: tuli, tulla); each gives a base form.
    """
    if len(word) > MAX_WORD_LENGTH or not word.isalpha():
        return None
    analyses = _voikko().analyze(word)
    if not analyses:
        return None
    bases = tuple(dict.fromkeys(analysis["BASEFORM"].casefold() for analysis in analyses if analysis.get("BASEFORM")))
    parts = [term for analysis in analyses for term in _analysis_parts(analysis)]
    return bases, tuple(dict.fromkeys(term for term in parts if term and term not in bases))
