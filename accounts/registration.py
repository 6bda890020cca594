"""What happens to a sign-up: the request, and a moderator's approval or rejection.

The sign-up page answers the same way whether or not the address already has an
account; only the e-mail that follows differs, and only the owner of the
address can read it. Both cases also do the same slow work, hashing a password
and e-mailing the address, so the time the answer takes does not tell either.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from . import emails, throttle
from .models import Registration
from .roles import CONTRIBUTORS, MODERATORS

# The admin page where a moderator reads a request and decides on it (see wagtail_hooks).
ADMIN_NAMESPACE = "account_requests"
REVIEW_URL_NAME = f"{ADMIN_NAMESPACE}:inspect"


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def address_in_use(email):
    User = get_user_model()
    return User.objects.filter(email__iexact=email).exists() or User.objects.filter(username__iexact=email).exists()


def submit(data, language):
    """Record a sign-up from the public form and send the e-mails that follow from it."""
    email = data["email"].strip().lower()
    # Each submission e-mails the address, so the address is limited too; past
    # the limit nothing is sent, and the visitor still sees the usual answer.
    if not throttle.hit("signup-mail", email, "SIGNUP_MAILS_PER_ADDRESS"):
        return None
    # The new account's password: random and never shown, since the person sets
    # their own through the link in the approval e-mail, which also proves the
    # address is theirs. Hashing it is by far the slowest step, so it is done
    # before knowing whether an account is needed.
    password_hash = make_password(secrets.token_urlsafe(32))
    if address_in_use(email):
        tell_owner(email, language)
        return None
    try:
        registration = create_request(data, email, password_hash, language)
    except IntegrityError:  # the same address, sent twice at the same moment
        tell_owner(email, language)
        return None

    emails.send("registration_received", email, {"registration": registration}, language)
    review_url = admin_url(REVIEW_URL_NAME, registration.pk)
    for moderator in moderators():
        emails.send(
            "registration_to_moderators",
            moderator.email,
            {"registration": registration, "review_url": review_url},
            UserProfile.get_for_user(moderator).get_preferred_language(),
        )
    return registration


def tell_owner(email, language):
    """Instead of a second account, remind the owner of the address how to sign in."""
    emails.send(
        "registration_exists",
        email,
        {"login_url": admin_url("wagtailadmin_login"), "reset_url": admin_url("wagtailadmin_password_reset")},
        language,
    )


@transaction.atomic
def create_request(data, email, password_hash, language):
    """An inactive account and the request that a moderator decides on."""
    user = get_user_model().objects.create(
        username=email,
        email=email,
        password=password_hash,
        first_name=data["first_name"],
        last_name=data["last_name"],
        is_active=False,
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    registration = Registration.objects.create(
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=email,
        organisation=data["organisation"],
        project=data["project"],
        language=language,
        consent_at=timezone.now(),
        user=user,
    )
    log(registration, "accounts.registration.request")
    return registration


def moderators():
    """Who hears about new requests: the moderators, or the administrators while there are none."""
    User = get_user_model()
    active = User.objects.filter(is_active=True).exclude(email="")
    return active.filter(groups__name=MODERATORS).distinct() or active.filter(is_superuser=True)


def set_password_url(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return admin_url("wagtailadmin_password_reset_confirm", uid, default_token_generator.make_token(user))


@transaction.atomic
def approve(registration, moderator, message=""):
    """Activate the account as a contributor and send the person a link to choose a password.

    Returns whether the e-mail went out.
    """
    user = registration.user
    user.is_active = True
    user.save(update_fields=["is_active"])
    user.groups.add(Group.objects.get(name=CONTRIBUTORS))
    _decide(registration, Registration.Status.APPROVED, moderator, message)
    log(registration, "accounts.registration.approve", user=moderator)
    return emails.send(
        "registration_approved",
        registration.email,
        {
            "registration": registration,
            "set_password_url": set_password_url(user),
            "login_url": admin_url("wagtailadmin_login"),
            "reset_url": admin_url("wagtailadmin_password_reset"),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
        },
        registration.language,
    )


@transaction.atomic
def reject(registration, moderator, message=""):
    """Remove the unused account and tell the person why. Returns whether the e-mail went out."""
    user = registration.user
    registration.user = None
    _decide(registration, Registration.Status.REJECTED, moderator, message)
    if user is not None and not user.is_active and user.last_login is None:
        user.delete()
    log(registration, "accounts.registration.reject", user=moderator)
    return emails.send(
        "registration_rejected", registration.email, {"registration": registration}, registration.language
    )


def _decide(registration, status, moderator, message):
    registration.status = status
    registration.decided_by = moderator
    registration.decided_at = timezone.now()
    registration.message = message
    registration.save()
