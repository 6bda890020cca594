"""System checks: the language tools that search analysis needs are installed."""

from django.conf import settings
from django.core import checks

from search import finnish


@checks.register(checks.Tags.compatibility)
def language_tools(app_configs, **kwargs):
    problems = []
    try:
        finnish.check_available()
    except finnish.VoikkoUnavailable as error:
        problems.append(checks.Error(str(error), id="sitesearch.E001"))
    dictionary = settings.SWEDISH_DICTIONARY
    try:
        with open(dictionary, encoding="utf-8"):
            pass
    except OSError:
        problems.append(
            checks.Error(
                f"Swedish search needs the word list {dictionary}: install the Debian package hunspell-sv (make does),"
                " or set SWEDISH_DICTIONARY.",
                id="sitesearch.E002",
            )
        )
    return problems
