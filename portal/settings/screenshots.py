"""`make screenshots`: the demo database as a visitor sees it, with real 404 pages (DEBUG off) and the
example pages of portal/styleguide.py. Run the server with `runserver --insecure` to serve static files."""

from .dev import *  # noqa: F403

DEBUG = False
STYLEGUIDE = True
