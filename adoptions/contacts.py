"""The item's contact people hear by e-mail when an organisation's adoption of it first becomes public.

The addresses are those of the contact persons on the item's first written version (its own language),
else of the contact organisations when no person has one. Each mail carries a signed link (``opt_out_url``)
to a public page where the person stops these mails; the signature proves the address came from us, so
nobody can opt out someone else. The link has no expiry: an old mail's link still works.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from accounts import emails
from methodbank.models import MethodBankPage

from .models import ContactOptOut

OPT_OUT_SALT = "adoptions.contact-opt-out"


def opt_out_token(address):
    return signing.dumps(address.lower(), salt=OPT_OUT_SALT)


def address_in(token):
    """The address an opt-out link was made for; raises ``signing.BadSignature`` for a link we did not make."""
    return signing.loads(token, salt=OPT_OUT_SALT)


def opt_out_url(address, language):
    with translation.override(language):
        path = reverse("adoptions:opt_out", args=[opt_out_token(address)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def original_version(translation_key):
    """The item as first written, in its own language, if any visitor may read it."""
    return (
        MethodBankPage.objects.live()
        .public()
        .filter(translation_key=translation_key)
        .select_related("locale")
        .order_by("pk")
        .first()
    )


def addresses(page):
    """The contact persons' addresses on ``page``, else its contact organisations'; each once."""
    found = {"person": {}, "organisation": {}}
    for block in page.contacts:
        address = (block.value.get("email") or "").strip()
        if address:
            found[block.block_type].setdefault(address.lower(), address)
    return list((found["person"] or found["organisation"]).values())


def tell_contacts(adoption):
    """E-mail the item's contacts that ``adoption`` is public, except those who opted out."""
    item = original_version(adoption.translation_key)
    if item is None:
        return
    recipients = addresses(item)
    opted_out = set(
        ContactOptOut.objects.filter(email__in=[address.lower() for address in recipients]).values_list(
            "email", flat=True
        )
    )
    language = item.locale.language_code
    context = {
        "adoption": adoption,
        "item": item,
        "item_url": item.get_full_url(),
        # A snippet's name in the item's language, else its own (Wagtail's TranslatableMixin lookup).
        "organisation": (adoption.organisation.get_translation_or_none(item.locale) or adoption.organisation).name,
        "region": (adoption.region.get_translation_or_none(item.locale) or adoption.region).name,
    }
    for address in recipients:
        if address.lower() not in opted_out:
            emails.send(
                "adoption_to_contacts",
                address,
                {**context, "opt_out_url": opt_out_url(address, language)},
                language,
            )
