"""Settings for benchmark runs: production behaviour (no debug, cached templates) with data under var/bench/.

``python -m bench`` sets VAR_DIR, DATABASE_URL and SEARCH_URL for the chosen
backend before Django starts; gunicorn inherits them.
"""

from portal.settings.base import *  # noqa: F403

# The benchmark builds its bank on the demo site (bench/run.py), as a developer's machine does.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
SECRET_KEY = "bench-only-not-secret"  # noqa: S105 - never leaves the benchmark machine
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# Pages link their stylesheet by name; the benchmark never runs collectstatic.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# WhiteNoise serves static/ straight from the finders, so the same gunicorn gives the static-file baseline.
WHITENOISE_USE_FINDERS = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
