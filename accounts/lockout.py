"""The one limit on wrong passwords, built on django-axes.

Every sign-in form calls ``authenticate()``, where axes' backend runs first (see
AUTHENTICATION_BACKENDS), so the admin's sign-in, Wagtail's public sign-in for
private pages in every language and any later login view share the same
counts. Page and document passwords are not checked by ``authenticate()``;
``password_restriction_view`` reports their failures to the same counts.

Axes locks a user name from one address (AXES_LOCKOUT_PARAMETERS). The handler
adds the slower limits: one user name from any address, and one address for any
user name.
"""

from functools import wraps

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_credentials
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Sum
from django.shortcuts import render
from django.utils.translation import ngettext


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per user name and one per address on top."""

    def over_global_limit(self, request, credentials):
        username = credentials.get(settings.AXES_USERNAME_FORM_FIELD) if credentials else None
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))

        def failures(**match):
            return recent.filter(**match).aggregate(total=Sum("failures_since_start"))["total"] or 0

        if username is not None and failures(username=username) >= settings.LOGIN_FAILURES_PER_USERNAME:
            return True
        address = request.axes_ip_address
        return address is not None and failures(ip_address=address) >= settings.LOGIN_FAILURES_PER_ADDRESS

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or self.over_global_limit(request, credentials)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and not request.axes_locked_out and self.over_global_limit(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials


def lockout_response(request, original_response=None, credentials=None):
    """A page in the visitor's language saying how long to wait (429), instead of the sign-in form."""
    minutes = max(1, int(get_cool_off(request).total_seconds()) // 60)
    message = ngettext(
        "Too many failed sign-in attempts. Wait up to %(minutes)s minute and try again.",
        "Too many failed sign-in attempts. Wait up to %(minutes)s minutes and try again.",
        minutes,
    ) % {"minutes": minutes}
    # Rendered at once: axes' middleware returns it after the view's response was finished.
    return render(request, "accounts/locked_out.html", {"message": message}, status=429)


def password_restriction_view(view, kind, restriction_argument):
    """Wrap Wagtail's page or document password view so that wrong passwords count like wrong logins.

    The restriction stands in for the user name: guesses at one page's password
    from one address lock that address out of it, and count towards the
    address's limit across every password form. ``kind`` keeps page and
    collection restrictions with the same id apart.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        # A colon never appears in a user name, so this cannot be anybody's.
        credentials = get_credentials(f"{kind}-password:{kwargs[restriction_argument]}")
        if not AxesProxyHandler.is_allowed(request, credentials):
            return lockout_response(request, credentials=credentials)
        response = view(request, *args, **kwargs)
        if response.status_code == 200:  # the form again: the password was wrong
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        return response

    return wrapper
