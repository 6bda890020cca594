"""A small fixed-window rate limiter for anonymous forms: sign-ups, password resets and translation requests.

Counts live in the "throttle" cache, a database table, so every gunicorn worker
sees the same numbers and no extra service is needed. A window starts with the
first counted attempt and the count expires with it. Wrong passwords are
limited by django-axes instead (accounts.lockout), with the same client address.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import caches

CACHE_ALIAS = "throttle"
CACHE_TABLE = "accounts_throttle"  # LOCATION of the cache in settings; created by a migration

# (attempts, seconds); override in settings with the same names.
SIGNUPS_PER_IP = (5, 60 * 60)
SIGNUP_MAILS_PER_ADDRESS = (3, 24 * 60 * 60)
PASSWORD_RESETS_PER_IP = (5, 60 * 60)
PASSWORD_RESET_MAILS_PER_ADDRESS = (3, 60 * 60)
# Requests to translate method bank items (translation_requests.views), counted whatever their answer.
TRANSLATION_REQUESTS_PER_IP = (20, 60 * 60)


def limit(name):
    return getattr(settings, f"THROTTLE_{name}", globals()[name])


def _key(scope, value):
    digest = hashlib.sha256(str(value).strip().lower().encode()).hexdigest()
    return f"throttle:{scope}:{digest}"


def hit(scope, value, name):
    """Count one attempt; ``True`` while the attempts stay within the limit called ``name``."""
    attempts, seconds = limit(name)
    key = _key(scope, value)
    cache = caches[CACHE_ALIAS]
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count <= attempts


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or what a configured proxy wrote into THROTTLE_CLIENT_IP_HEADER.

    The header is read only when the setting names it, since without a proxy
    in front anyone can send it with any address.
    """
    header = settings.THROTTLE_CLIENT_IP_HEADER
    if header and request.META.get(header):
        # X-Forwarded-For may hold a chain; the proxy we trust appends the client last.
        forwarded = request.META[header].split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:  # not what a proxy writes: count the connection itself
            pass
    return request.META.get("REMOTE_ADDR", "")
