"""A small fixed-window rate limiter for sign-ups and logins.

Counts live in the "throttle" cache, a database table, so every gunicorn worker
sees the same numbers and no extra service is needed. A window starts with the
first counted attempt and the count expires with it.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

CACHE_ALIAS = "throttle"
CACHE_TABLE = "accounts_throttle"  # LOCATION of the cache in settings; created by a migration

# (attempts, seconds); override in settings with the same names.
SIGNUPS_PER_IP = (5, 60 * 60)
SIGNUP_MAILS_PER_ADDRESS = (3, 24 * 60 * 60)
LOGIN_FAILURES_PER_USERNAME = (5, 15 * 60)
LOGIN_FAILURES_PER_IP = (30, 15 * 60)


def limit(name):
    return getattr(settings, f"THROTTLE_{name}", globals()[name])


def _key(scope, value):
    digest = hashlib.sha256(str(value).strip().lower().encode()).hexdigest()
    return f"throttle:{scope}:{digest}"


def _cache():
    return caches[CACHE_ALIAS]


def hit(scope, value, name):
    """Count one attempt; ``True`` while the attempts stay within the limit called ``name``."""
    attempts, seconds = limit(name)
    key = _key(scope, value)
    cache = _cache()
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count <= attempts


def is_blocked(scope, value, name):
    attempts, _seconds = limit(name)
    return _cache().get(_key(scope, value), 0) >= attempts


def reset(scope, value):
    _cache().delete(_key(scope, value))


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the header a trusted proxy sets (THROTTLE_CLIENT_IP_HEADER)."""
    header = getattr(settings, "THROTTLE_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        # X-Forwarded-For may hold a chain; the proxy we trust appends the client last.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
