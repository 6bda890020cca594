"""What happens to an adoption: recording it from the public form, and a moderator's decision.

Moderators hear about each new or changed adoption by e-mail, as they do about
sign-ups (``accounts.registration.moderators`` and ``accounts.emails``), and
decide in the admin (``wagtail_hooks``). Approving or withdrawing one changes
what visitors see, so it empties the page cache. The first approval of an
adoption also tells the item's contact people (``contacts``).
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Locale, ModelLogEntry
from wagtail.users.models import UserProfile

from accounts import emails
from accounts.registration import moderators
from core import page_cache
from methodbank.models import MethodBankPage, Organisation, Region
from methodbank.models.choices import ItemType

from . import contacts
from .models import Adoption

ADOPTABLE_TYPES = (ItemType.MODEL, ItemType.PRACTICE)
ADMIN_NAMESPACE = "adoption_moderation"
# The fields a person fills in; a submission equal to the record in all of them changes nothing.
FORM_FIELDS = (
    "region",
    "started_on",
    "status",
    "stop_reason",
    "experience",
    "language",
    "contact_name",
    "contact_email",
)


class TakenError(Exception):
    """Another person already recorded this organisation's adoption of the item."""


def adoptable_item(page_id):
    """The model or good practice any visitor may read with this id, or None: unknown, a draft, private or other."""
    if page_id > 2**31 - 1:  # beyond every database's id column
        return None
    return (
        MethodBankPage.objects.live()
        .public()
        .filter(pk=page_id, item_type__in=ADOPTABLE_TYPES)
        .select_related("locale")
        .first()
    )


def canonical(term):
    """One row stands for a translatable snippet in every language: the first created of its translations."""
    return type(term).objects.filter(translation_key=term.translation_key).order_by("pk").first()


def default_region(organisation):
    """The organisation's region: where its latest adoption is, else the region of a project it leads."""
    earlier = Adoption.objects.filter(organisation=organisation).order_by("-updated_at").first()
    if earlier is not None:
        return earlier.region
    keys = Organisation.objects.filter(translation_key=organisation.translation_key).values("pk")
    region = (
        Region.objects.filter(is_national=False, methodbankpage__projectpage__lead_organisation__in=keys)
        .order_by("sort_order")
        .first()
    )
    return canonical(region) if region is not None else None


def submit(item, data, user):
    """Record or update the adoption described by a valid form's ``data``.

    Returns ``(adoption, outcome)``: "created", "updated" (back to moderation) or "unchanged" (the same
    submission again). Raises ``TakenError`` when someone else recorded this organisation's adoption.
    """
    organisation = data["organisation"]
    identity = (
        {"organisation": organisation}
        if organisation
        else {"organisation": None, "proposed_organisation__iexact": data["new_organisation"]}
    )
    values = {name: data[name] for name in FORM_FIELDS}
    with transaction.atomic():
        existing = Adoption.objects.select_for_update().filter(translation_key=item.translation_key, **identity).first()
        if existing is not None:
            if existing.user_id != user.pk:
                raise TakenError
            if all(getattr(existing, name) == value for name, value in values.items()):
                return existing, "unchanged"
            for name, value in values.items():
                setattr(existing, name, value)
            was_public = existing.is_public
            existing.state = Adoption.State.PENDING
            existing.save()
            if was_public:
                changed_publicly(existing)
            adoption, outcome = existing, "updated"
        else:
            try:
                with transaction.atomic():
                    adoption = Adoption.objects.create(
                        translation_key=item.translation_key,
                        organisation=organisation,
                        proposed_organisation="" if organisation else data["new_organisation"],
                        user=user,
                        **values,
                    )
            except IntegrityError:  # the same form sent twice at the same moment
                adoption = Adoption.objects.get(translation_key=item.translation_key, **identity)
                return adoption, "unchanged"
            outcome = "created"
        log(adoption, f"adoptions.adoption.{'submit' if outcome == 'created' else 'update'}", user=user)
    tell_moderators(adoption, item)
    return adoption, outcome


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def tell_moderators(adoption, item):
    review_url = admin_url(f"{ADMIN_NAMESPACE}:inspect", adoption.pk)
    for moderator in moderators():
        emails.send(
            "adoption_to_moderators",
            moderator.email,
            {"adoption": adoption, "item": item, "review_url": review_url},
            UserProfile.get_for_user(moderator).get_preferred_language(),
        )


def item_for(adoption):
    """The item's version in the default language, or any public version."""
    versions = MethodBankPage.objects.filter(translation_key=adoption.translation_key).select_related("locale")
    return versions.filter(locale=Locale.get_default()).first() or versions.first()


def item_titles(keys):
    """Each item's title in the active language, else in the first language it was written in."""
    titles = {}
    active = Locale.get_active().pk
    for page in MethodBankPage.objects.filter(translation_key__in=keys).order_by("pk"):
        if page.translation_key not in titles or page.locale_id == active:
            titles[page.translation_key] = page.title
    return titles


def changed_publicly(adoption):
    """What visitors see of the item changed: forget the cached pages."""
    page_cache.invalidate()


@transaction.atomic
def approve(adoption, moderator, message=""):
    """Make the adoption public; a proposed organisation becomes one of the method bank's organisations.

    The first approval tells the item's contacts, once the decision is saved; approving again after
    the organisation changed its record does not.
    """
    first = not ModelLogEntry.objects.for_instance(adoption).filter(action="adoptions.adoption.approve").exists()
    if adoption.organisation_id is None:
        name = adoption.proposed_organisation
        known = Organisation.objects.filter(name__iexact=name).order_by("pk").first()
        adoption.organisation = (
            canonical(known) if known else Organisation.objects.create(name=name, locale=Locale.get_default())
        )
        adoption.proposed_organisation = ""
    _decide(adoption, Adoption.State.APPROVED, moderator, message)
    log(adoption, "adoptions.adoption.approve", user=moderator)
    changed_publicly(adoption)
    if first:
        # robust: a failure is logged; the decision stands.
        transaction.on_commit(lambda: contacts.tell_contacts(adoption), robust=True)


@transaction.atomic
def reject(adoption, moderator, message=""):
    _decide(adoption, Adoption.State.REJECTED, moderator, message)
    log(adoption, "adoptions.adoption.reject", user=moderator)


@transaction.atomic
def withdraw(adoption, moderator, message=""):
    """Take an approved adoption off the item's page."""
    _decide(adoption, Adoption.State.WITHDRAWN, moderator, message)
    log(adoption, "adoptions.adoption.withdraw", user=moderator)
    changed_publicly(adoption)


def _decide(adoption, state, moderator, message):
    adoption.state = state
    adoption.decided_by = moderator
    adoption.decided_at = timezone.now()
    adoption.message = message
    adoption.save()
