"""Local development: debug on, console e-mail, a throwaway secret."""

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
# Demo content, factories and load_demo: development and tests only (production lacks factory-boy).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - never used outside a developer's machine
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STYLEGUIDE = True
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# A visitor of the demo sees the portal's 404 page, not Django's debug page (portal/not_found.py).
MIDDLEWARE = [*MIDDLEWARE, "portal.not_found.PortalNotFoundPageMiddleware"]  # noqa: F405
