"""Swedish base forms and compound parts from Debian's hunspell-sv dictionary, read by spylls.

spylls is Hunspell in Python. With the sv_FI dictionary's compounding rules
it reads ``yrkeshögskolan`` as *yrke* (in its compound-forming shape
``yrkes``) + *högskola* (``högskolan``), and ``studiehandledare`` as *studie*
+ *handleda* (``handledare``). This module only turns those readings into
base forms and parts for ``search.analysis``.
"""

import logging
import threading
from itertools import islice

from django.conf import settings
from spylls.hunspell import Dictionary

logger = logging.getLogger(__name__)

MAX_WORD_LENGTH = 40
# Shorter words are no compounds, and Snowball's stem serves them as well as a base form would;
# spylls takes milliseconds a word, so this keeps indexing fast.
MIN_WORD_LENGTH = 6
# Looking for compound readings is what costs (spylls tries every split), so only words this long are
# split: shorter compounds (högskola, skolbarn) are found as whole words only.
MIN_COMPOUND_LENGTH = 9
# A few readings are plenty; a long word can have dozens of ways to be split.
MAX_READINGS = 8
# Particles and prefixes that make a new word rather than a compound of two things
# (övergång is no kind of gång): a reading with one of them as a part is left out.
PARTICLES = frozenset(
    ("av", "efter", "fram", "för", "genom", "in", "mot", "om", "på", "till", "under", "upp", "ut", "över")
)
_lock = threading.Lock()
_dictionary = None


def _load():
    global _dictionary
    with _lock:
        if _dictionary is None:
            path = settings.SWEDISH_DICTIONARY.removesuffix(".dic")
            try:
                _dictionary = Dictionary.from_files(path)
            except OSError:
                logger.error("No Swedish dictionary at %s.dic: install hunspell-sv (make does)", path)
                _dictionary = False
    return _dictionary


def readings(word):
    """``(base forms, compounds)`` of a lower-case word; each compound is ``[(surface, base), ...]``."""
    dictionary = _load()
    if not dictionary or not MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH or not word.isalpha():
        return [], []
    lookup = dictionary.lookuper
    bases = [form.stem.casefold() for form in islice(lookup.good_forms(word, compound_forms=False), MAX_READINGS)]
    if len(word) < MIN_COMPOUND_LENGTH:
        return bases, []
    compounds = []
    for form in islice(lookup.good_forms(word, affix_forms=False), MAX_READINGS):
        parts = [(part.text.casefold(), part.stem.casefold()) for part in form.parts]
        if not PARTICLES.intersection(base for _surface, base in parts):
            compounds.append(parts)
    return bases, compounds
