"""Every user-facing string has a Finnish and a Swedish translation."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_po_file_is_complete(language):
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], f"{language}: untranslated entries"
    assert fuzzy == [], f"{language}: fuzzy entries"
    assert len(po) > 50


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_placeholders_survive_translation(language):
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    for entry in po.translated_entries():
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            for placeholder in ("%(counter)s", "%(number)s", "%(total)s", "%(name)s"):
                if placeholder in entry.msgid:
                    assert placeholder in text, f"{language}: {entry.msgid!r} lost {placeholder}"


def test_languages_are_finnish_swedish_english():
    assert settings.LANGUAGE_CODE == "fi"
    assert [code for code, _name in settings.LANGUAGES] == ["fi", "sv", "en"]
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES
    assert settings.WAGTAIL_I18N_ENABLED
    assert settings.LOCALE_PATHS == [Path(settings.BASE_DIR) / "locale"]
