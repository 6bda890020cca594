"""WSGI entry point; gunicorn serves ``portal.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# Imported once Django is set up: search.analysis reads the settings.
from search.analysis import load_dictionaries  # noqa: E402

load_dictionaries()
