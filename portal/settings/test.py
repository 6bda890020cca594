"""The test suite: fast hashing, in-memory e-mail, no manifest needed."""

import os

from .base import *  # noqa: F403

DEBUG = False
# Demo content, factories and load_demo: development and tests only (production lacks factory-boy).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Each test builds its own content; a page cache shared across tests would serve
# another test's pages. The caching tests turn it on for themselves.
CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # noqa: F405
PAGE_CACHE_SECONDS = 0
PUBLISHED_CACHE_SECONDS = 0
# Tests never reach a translation service, whatever MACHINE_TRANSLATION the environment sets.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# Tests write to indexes of their own, so a developer's engine keeps the demo's indexes; each pytest-xdist
# worker (gw0, gw1, …) has its own, as it has its own test database.
_search_engine = WAGTAILSEARCH_BACKENDS["default"]  # noqa: F405
if "INDEX_PREFIX" in _search_engine:
    _worker = os.environ.get("PYTEST_XDIST_WORKER")
    _search_engine["INDEX_PREFIX"] = f"test_{_worker + '_' if _worker else ''}{_search_engine['INDEX_PREFIX']}"
