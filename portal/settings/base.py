"""Settings shared by every environment.

This module is safe for production on its own: every secret and host name comes
from the environment, and nothing here turns on debugging.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "methodbank",
    "search",
    "accounts",
    "translation_requests",
    "reports",
    "adoptions",
    "axes",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.users_app.PortalUsersConfig",  # wagtail.users, limited to the portal's roles
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so that cached pages and static files carry the headers too.
    "portal.content_security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and everything else: a cached page needs none of them.
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a refused password check into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Every password check goes through authenticate(), and django-axes' backend runs
# first there: no login view, present or future, bypasses the limits below.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite under var/ is the embedded default; production passes DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default: write-ahead logging lets visitors read while an import
    # writes, and IMMEDIATE transactions avoid "database is locked" on upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_settings(cache_url):
    """The shared cache: a file cache under var/ by default, Redis or local memory from CACHE_URL.

    Every server process must see the same cache, because publishing a page
    empties the page cache through it; local memory only suits a single process.
    """
    if not cache_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(VAR_DIR / "cache"),
                "OPTIONS": {"MAX_ENTRIES": 5000},
            }
        }
    if cache_url.startswith(("redis://", "rediss://", "unix://")):
        return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": cache_url}}
    if cache_url == "locmem://":
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    raise ImproperlyConfigured(f"CACHE_URL must be redis://…, rediss://…, unix://… or locmem://, got {cache_url!r}")


CACHES = {
    **cache_settings(os.environ.get("CACHE_URL", "")),
    # Sign-up and password reset limits (accounts.throttle) must hold across gunicorn
    # workers, so they count in a database table; its migration creates it.
    "throttle": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "accounts_throttle"},
}
# How long an anonymous visitor's copy of a page may be served; publishing empties
# the page cache at once. 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# How long what is worked out from the published pages is kept (core.page_cache.kept: menus, the pages search
# hides); publishing changes it at once.
PUBLISHED_CACHE_SECONDS = int(os.environ.get("PUBLISHED_CACHE_SECONDS", "600"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Finnish first, then Swedish (Finland's second national
# language) and English. Source strings in code and templates are English.
LANGUAGE_CODE = "fi"
LANGUAGES = [
    ("fi", "Suomi"),
    ("sv", "Svenska"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A page sent for translation starts as a draft, not as a live copy of the source
# text under the new language; the translation is published once it is translated.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Each language has its own slugs (core.localization.OwnSlugInEachLanguage); when an editor or a
# translator changes one, the old address answers with a permanent redirect to the new one.
# Wagtail's default, stated here because bookmarks depend on it.
WAGTAILREDIRECTS_AUTO_CREATE = True
USE_I18N = True
# Dates in forms are written d.m.yyyy in Finnish and Swedish (portal/formats).
FORMAT_MODULE_PATH = ["portal.formats"]
USE_TZ = True
TIME_ZONE = "Europe/Helsinki"
LOCALE_PATHS = [BASE_DIR / "locale"]

# Machine translation in wagtail-localize's editor, off unless the environment turns it on.
DEEPL_FORMALITIES = ("default", "prefer_less", "prefer_more")


def machine_translator(environ):
    """wagtail-localize's machine translator, from the environment alone; None (off) by default.

    MACHINE_TRANSLATION turns it on and names the service, so that a key left in
    the environment never sends text anywhere by itself:

    - ``deepl``: DEEPL_API_KEY (a key ending in ":fx" uses DeepL's free API), and
      optionally DEEPL_FORMALITY (default, prefer_less or prefer_more);
    - ``libretranslate``: LIBRETRANSLATE_URL of a LibreTranslate server (it can run
      on the portal's own network, so no text leaves it) and its LIBRETRANSLATE_API_KEY
      if it asks for one.

    Translators then get "Translate with DeepL" (or LibreTranslate) in
    wagtail-localize's editor; the result is a draft they review and publish.
    """
    service = environ.get("MACHINE_TRANSLATION", "").strip().lower()
    if not service:
        return None
    if service == "deepl":
        key = environ.get("DEEPL_API_KEY", "").strip()
        if not key:
            raise ImproperlyConfigured("MACHINE_TRANSLATION=deepl needs DEEPL_API_KEY")
        options = {"AUTH_KEY": key}
        formality = environ.get("DEEPL_FORMALITY", "").strip()
        if formality:
            if formality not in DEEPL_FORMALITIES:
                raise ImproperlyConfigured(f"DEEPL_FORMALITY must be one of {', '.join(DEEPL_FORMALITIES)}")
            options["FORMALITY"] = formality
        return {"CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator", "OPTIONS": options}
    if service == "libretranslate":
        url = environ.get("LIBRETRANSLATE_URL", "").strip().rstrip("/")
        if not url:
            raise ImproperlyConfigured("MACHINE_TRANSLATION=libretranslate needs LIBRETRANSLATE_URL")
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {"LIBRETRANSLATE_URL": url, "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", "").strip()},
        }
    raise ImproperlyConfigured(f"MACHINE_TRANSLATION must be deepl, libretranslate or empty, got {service!r}")


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(os.environ)

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The licence of the open data (reports.open_data) and of the reports: named in every file and on the
# open data page. The default is Creative Commons Attribution 4.0.
OPEN_DATA_LICENCE_NAME = os.environ.get("OPEN_DATA_LICENCE_NAME") or "CC BY 4.0"
OPEN_DATA_LICENCE_URL = os.environ.get("OPEN_DATA_LICENCE_URL") or "https://creativecommons.org/licenses/by/4.0/"
# Reports and exports are stored here and reused until the content changes (reports.models.StoredReport).
REPORTS_DIR = Path(os.environ.get("REPORTS_DIR", VAR_DIR / "reports"))
# Example pages of every shared template and style under /<language>/styleguide/ (portal/styleguide.py).
STYLEGUIDE = False

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "menetelmapankki@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The client's address for every limit is REMOTE_ADDR (accounts.throttle.client_ip).
# Behind a reverse proxy, set this to the header the proxy writes the client's
# address into (e.g. HTTP_X_FORWARDED_FOR); otherwise every visitor shares the
# proxy's address. Never set it without such a proxy: anyone can send the header.
THROTTLE_CLIENT_IP_HEADER = os.environ.get("THROTTLE_CLIENT_IP_HEADER", "")

# Wrong passwords, on every sign-in form and page password (django-axes with
# accounts.lockout): five for one user name from one address lock that pair out
# for 15 minutes, so nobody can lock an editor out just by knowing the user name.
# Slower limits catch one user name tried from many addresses and one address
# trying many user names.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_FAILURES_PER_USERNAME = 30
LOGIN_FAILURES_PER_ADDRESS = 20
AXES_HANDLER = "accounts.lockout.LockoutHandler"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.client_ip"
# Refused tries during a lockout are not counted, so one address cannot push a
# user name towards its global limit on its own.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# Only failures are kept, and only for the cool-off: no log of every sign-in.
AXES_DISABLE_ACCESS_LOG = True
# Password reset e-mails are limited too (accounts.throttle).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "accounts.forms.ThrottledPasswordResetForm"  # noqa: S105 - a class path

# The sign-up form links to this; "{language}" becomes fi, sv or en.
PRIVACY_NOTICE_URL = os.environ.get("PRIVACY_NOTICE_URL") or "/{language}/tietosuojaseloste/"

# Sessions slide with activity: the open page editor pings the server, so an
# editor is not signed out mid-edit, and an idle session ends after this many seconds.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_SAVE_EVERY_REQUEST = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Per-task and per-publish lines drown out what matters in bulk jobs.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # django-axes says INFO about every sign-in; failures and lockouts are warnings.
        "axes": {"level": "WARNING"},
        # WeasyPrint tells each step of every PDF (reports) at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = _("Method bank")

# Stewardship: a review of an item holds this many months; a steward is reminded of an item due at most
# once in this many days (send_review_reminders).
REVIEW_PERIOD_MONTHS = int(os.environ.get("REVIEW_PERIOD_MONTHS", "12"))
REVIEW_REMINDER_DAYS = int(os.environ.get("REVIEW_REMINDER_DAYS", "30"))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Page editors save a draft revision this many milliseconds after each change, so
# nothing typed is lost when a session ends or a browser closes.
WAGTAIL_AUTOSAVE_INTERVAL = 1000
# Editors embed videos from YouTube and Vimeo only (methodbank/blocks/video.py): the pages may frame
# no other host (frame-src below), so the admin offers no other oEmbed provider either.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo],
    }
]
# The iframes that YouTube's and Vimeo's oEmbed answers contain load from these origins.
VIDEO_EMBED_ORIGINS = ["https://www.youtube.com", "https://player.vimeo.com"]
# Wagtail would show editors' pictures from gravatar.com, telling it who uses the admin; it shows
# its own default picture instead (and img-src allows no other host).
WAGTAIL_GRAVATAR_PROVIDER_URL = None


def origin_of(url):
    """The origin of an absolute URL (https://cdn.example.fi/media/) as a CSP source; None for a path on this site."""
    parts = urlsplit(url)
    if not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme else parts.netloc


# Content-Security-Policy (django-csp; portal/content_security.py): scripts, styles, fonts and
# images come only from the site itself, so that injected markup can neither run a script nor
# load anything from elsewhere. Neither scripts nor styles allow 'unsafe-inline': the templates
# have no inline scripts, event handlers or style attributes (JSON-LD and json_script blocks are
# data, not scripts). Public pages may not be framed, as X-Frame-Options: DENY already says; only
# previews are, by the admin (portal/content_security.py).
_own_images = [SELF, "data:", *filter(None, [origin_of(MEDIA_URL)])]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": _own_images,
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": VIDEO_EMBED_ORIGINS,
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# The Wagtail admin (/admin/) gets the same policy with what Wagtail 8 needs on top, as found in
# Chromium on the dashboard, page listings, page editors with their preview panel and choosers,
# evaluations, wagtail-localize's translation editor and image uploads:
# - 'unsafe-inline' scripts: Wagtail's date and date-time choosers (page editors, listing filters),
#   snippet choosers and inline panels, and wagtail-localize's editor, print inline <script>
#   elements without a nonce; a nonce would mean keeping copies of those Wagtail templates;
# - 'unsafe-inline' styles: Wagtail's bundled vendor.js inserts <style> elements in the page editor;
# - frames of the site itself: the preview panel shows /admin/pages/<id>/edit/preview/ in an iframe;
# - blob: images: the previews of images chosen for upload.
# Everything else holds in the admin too: no other hosts, no plugins, no framing by other sites.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [*_own_images, "blob:"],
        "frame-src": [SELF, *VIDEO_EMBED_ORIGINS],
        "frame-ancestors": [SELF],
    }
}

# Permissions-Policy (django-permissions-policy): the site uses none of these browser features,
# so no page, and no video frame, may ask for them. Full screen and picture-in-picture stay for
# the embedded videos.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self", *VIDEO_EMBED_ORIGINS],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": ["self", *VIDEO_EMBED_ORIGINS],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}


# Wagtail 8's wagtail.search.backends.<name> modules re-export modelsearch.backends.<name>; either path works.
# search.backends holds the portal's engine backend with one index per language.
SEARCH_BACKEND_PREFIXES = ("search.backends.", "wagtail.search.backends.", "modelsearch.backends.")
ENGINE_BACKEND = "search.backends.opensearch"


def search_backends(search_url, database_engine=None):
    """The database backend, or a search engine when SEARCH_URL names one.

    On PostgreSQL the database backend is search.backends.postgres, which
    analyses each document and query with its language's text search
    configuration (finnish, swedish, english); elsewhere it is modelsearch's,
    with SQLite's index written in bulk (search.database_backend).

    With an engine, the database backend is also configured as "database" so
    that search can fall back to it when the engine is unreachable. Without
    one it is configured once: two names for the same index made every save
    and every reindex do the work twice. The engine default is the portal's
    OpenSearch 3 backend with one SearchDocument index per language
    (search/backends/opensearch.py; scripts/search-engine and docker/compose.yml
    run 3.8.0). modelsearch's own backends still work, with the search results
    computed in the database; "opensearch2" needs opensearch-py 2, which is
    not installed.
    """
    database_engine = database_engine or DATABASES["default"]["ENGINE"]
    postgres = database_engine.startswith("django.db.backends.postgresql")
    database = {"BACKEND": "search.backends.postgres" if postgres else "search.database_backend"}
    if not search_url:
        return {"default": database}
    engine = os.environ.get("SEARCH_BACKEND", ENGINE_BACKEND)
    if not engine.startswith(SEARCH_BACKEND_PREFIXES):
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND must be a wagtail.search, modelsearch or search.backends backend, got {engine!r}"
        )
    return {
        "default": {
            "BACKEND": engine,
            "URLS": [search_url],
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "portal_"),
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
            "AUTO_UPDATE": True,
        },
        "database": database,
    }


WAGTAILSEARCH_BACKENDS = search_backends(os.environ.get("SEARCH_URL", ""))
# After the engine fails, searches and page updates skip it for this many seconds (search.engine_circuit),
# so that a hung engine costs one SEARCH_TIMEOUT per window rather than one per request.
SEARCH_RETRY_SECONDS = int(os.environ.get("SEARCH_RETRY_SECONDS", "30"))
# The Swedish word list that splits compounds (search/swedish.py): Debian's hunspell-sv.
SWEDISH_DICTIONARY = os.environ.get("SWEDISH_DICTIONARY", "/usr/share/hunspell/sv_FI.dic")
