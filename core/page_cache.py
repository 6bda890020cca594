"""A whole-page cache for anonymous visitors, emptied whenever published content changes.

Every anonymous visitor sees the same public pages, so the rendered HTML is kept
and served again without touching the database. What never comes from the cache:

- anything for a request that carries a session or messages cookie: signed-in
  editors (and visitors who passed a page password) always get a fresh page;
- the admin, previews and documents: only language-prefixed public URLs
  (``/fi/…``, ``/sv/…``, ``/en/…``) are cached;
- responses that set a cookie (a page with a form and its CSRF token, for
  example), that say they are private, and anything but a 200.

Changes that visitors can see empty the cache at once: publishing,
unpublishing, moving or deleting a page, saving a live page, making a page
private or public again (a view restriction on it or on an ancestor), and
saving a site, a locale or any model of an app whose config says
``public_content = True`` (the method bank's terms and organisations, for
example: their names appear on pages). What visitors cannot see leaves it alone: saving a draft (the editor
autosaves about once a second while someone types), locking a page, a workflow
step, and saving a page that is not live. Emptying means bumping a generation
number that is part of every key, so it is one cache write however many pages
are cached; old entries expire on their own. The bump happens again when the
transaction commits, so a page rendered from the old data just before the
commit is never stored under the new generation.

Work that a view does on every request, such as counting a search for the
popular-search report, must not be skipped by a cache hit: the view leaves a
note with ``note_for_cache_hits``, the note is kept with the cached page, and
each hit sends it with the ``served_from_cache`` signal.

What is worked out from published content alone (the menus, the pages search must hide) is kept under the
same generation with ``kept``, so that it changes whenever the cached pages do.

The cache must be shared by all server processes (a file cache by default,
Redis with ``CACHE_URL``), or a publish would only reach the process that
handled it.
"""

import hashlib
import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.http import HttpResponse
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
# Part of every entry's key: entries are (headers, content, notes); a deploy must not read an older layout.
ENTRY_FORMAT = 2
# What saving a draft revision, locking a page or a workflow step writes: nothing a visitor sees.
DRAFT_FIELDS = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "locked",
        "locked_at",
        "locked_by",
    }
)

# Sent with ``request`` and ``notes`` when a page is served from the cache; see note_for_cache_hits.
served_from_cache = Signal()


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def _bump():
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate():
    """Forget every cached page, now and again when the current transaction commits."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def kept(name, build):
    """``build()``, kept under the current generation: for what is worked out from published content alone (the
    menus, the pages search must hide), so that whatever empties the page cache also changes it at once. For
    editors and page cache misses too; ``PUBLISHED_CACHE_SECONDS = 0`` works it out every time."""
    seconds = settings.PUBLISHED_CACHE_SECONDS
    if not seconds:
        return build()
    key = f"published:{name}:{current_generation()}"
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, seconds)
    return found


def note_for_cache_hits(request, name, value):
    """Keep ``name: value`` with the cached copy of this response; every hit sends it with ``served_from_cache``."""
    request.page_cache_notes = {**getattr(request, "page_cache_notes", {}), name: value}


def _content_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and update_fields <= DRAFT_FIELDS:
        return
    # A page that is not live is seen by no visitor; unpublishing sends page_unpublished.
    if isinstance(instance, Page) and not instance.live:
        return
    invalidate()


def _content_changed(sender, **kwargs):
    invalidate()


def _page_event(sender, **kwargs):
    invalidate()


def connect_signals():
    # Per model rather than for every model: a delete signal on a model costs
    # Django its fast bulk delete.
    for model in apps.get_models():
        if issubclass(model, Page | Site | Locale) or getattr(model._meta.app_config, "public_content", False):
            post_save.connect(_content_saved, sender=model, dispatch_uid=f"page_cache_save_{model._meta.label}")
            post_delete.connect(_content_changed, sender=model, dispatch_uid=f"page_cache_delete_{model._meta.label}")
    # A restriction hides its page and every page below it; who may pass it (its groups) no visitor sees.
    post_save.connect(_content_changed, sender=PageViewRestriction, dispatch_uid="page_cache_restriction_saved")
    post_delete.connect(_content_changed, sender=PageViewRestriction, dispatch_uid="page_cache_restriction_deleted")
    page_published.connect(_page_event, dispatch_uid="page_cache_published")
    page_unpublished.connect(_page_event, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_page_event, dispatch_uid="page_cache_moved")


class AnonymousPageCacheMiddleware:
    """Serve public pages to anonymous visitors from the cache; see the module docstring for what is excluded."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.PAGE_CACHE_SECONDS
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
        # A signed-in editor, or a visitor with a message waiting, gets a fresh page.
        self.personal_cookies = (settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages"))

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        key = self.key_for(request)
        cached = cache.get(key)
        if cached is not None:
            return self.serve_cached(request, cached)
        response = self.get_response(request)
        if request.method == "GET" and self.is_cacheable_response(response):
            cache.set(key, self.freeze(request, response), timeout=self.timeout)
            response["X-Page-Cache"] = "miss"
        return response

    def is_cacheable_request(self, request):
        return (
            self.timeout > 0
            and request.method in ("GET", "HEAD")
            and request.path.startswith(self.prefixes)
            and not any(name in request.COOKIES for name in self.personal_cookies)
        )

    @staticmethod
    def is_cacheable_response(response):
        # "Vary: Cookie" is not a reason to skip: every page checks for a signed-in
        # user, and requests with a session cookie never reach the cache.
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in ("private", "no-store", "no-cache"))

    @staticmethod
    def key_for(request):
        # Scheme and host matter: hreflang links are absolute URLs.
        url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(url.encode()).hexdigest()
        return f"page-cache:{ENTRY_FORMAT}:{current_generation()}:{digest}"

    @staticmethod
    def freeze(request, response):
        headers = [(name, value) for name, value in response.items() if name.lower() != "x-page-cache"]
        return headers, response.content, getattr(request, "page_cache_notes", {})

    @staticmethod
    def serve_cached(request, cached):
        headers, content, notes = cached
        if notes:
            # Robust: a receiver that fails (the database is down) must not cost the visitor the cached page.
            for receiver, error in served_from_cache.send_robust(
                AnonymousPageCacheMiddleware, request=request, notes=notes
            ):
                if isinstance(error, Exception):
                    logger.error("%s failed on a cached page: %r", receiver, error, exc_info=error)
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
