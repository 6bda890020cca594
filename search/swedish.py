"""Swedish base forms and compound parts from Debian's hunspell-sv dictionary, read by spylls.

spylls is Hunspell in Python. With the sv_FI dictionary's compounding rules
it reads ``yrkeshögskolan`` as *yrke* (in its compound-forming shape
``yrkes``) + *högskola* (``högskolan``), and ``studiehandledare`` as *studie*
+ *handleda* (``handledare``). This module only turns those readings into
base forms and parts for ``search.analysis``.
"""

import logging
import threading

from django.conf import settings
from spylls.hunspell import Dictionary
from spylls.hunspell.algo.lookup import CompoundForm

logger = logging.getLogger(__name__)

MAX_WORD_LENGTH = 40
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
    if not dictionary or len(word) > MAX_WORD_LENGTH or not word.isalpha():
        return [], []
    bases, compounds = [], []
    for index, form in enumerate(dictionary.lookuper.good_forms(word)):
        if index == MAX_READINGS:
            break
        if isinstance(form, CompoundForm):
            parts = [(part.text.casefold(), part.stem.casefold()) for part in form.parts]
            if not PARTICLES.intersection(base for _surface, base in parts):
                compounds.append(parts)
        else:
            bases.append(form.stem.casefold())
    return bases, compounds
