"""Who is asking, for which item, and in which languages an item is still missing.

A visitor needs no account, so "the same visitor" is the same network address:
the one every other limit in the portal counts (accounts.throttle.client_ip,
which honours THROTTLE_CLIENT_IP_HEADER behind a proxy). Only a keyed hash of
it is stored. People behind one shared address (a school's network) therefore
count once per item and language: the report errs towards too few requests,
never too many.
"""

from django.conf import settings
from django.db import connection
from django.utils.crypto import salted_hmac
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from accounts.throttle import client_ip
from methodbank.models import MethodBankPage

from .models import TranslationRequest


def visitor_id(request):
    """A keyed hash of the visitor's address: equal for equal addresses, and no way back to the address
    without SECRET_KEY (rotating the key lets earlier visitors count once more)."""
    return salted_hmac("translation_requests.visitor", client_ip(request), algorithm="sha256").hexdigest()


def language_name(code):
    """``sv`` as a label in the active language: "Ruotsi", "Svenska", "Swedish".

    Only as a label: Finnish would inflect it in a sentence, so messages never embed it.
    """
    return capfirst(get_language_info(code)["name_translated"])


def public_item(page_id):
    """The method bank page any visitor may read with this id, or None: unknown, a draft, or private."""
    # The URL takes any digits; the database refuses a number beyond its id column's range.
    _smallest, largest = connection.ops.integer_field_range(Page._meta.pk.get_internal_type())
    if page_id > largest:
        return None
    return MethodBankPage.objects.live().public().select_related("locale").filter(pk=page_id).first()


def public_versions(item):
    """``{language code: page}`` for the item's versions that any visitor may read."""
    pages = item.get_translations(inclusive=True).live().public().select_related("locale")
    return {page.locale.language_code: page for page in pages}


def missing_languages(versions):
    """The site's languages, in the site's order, that have no public version among ``versions``."""
    return [code for code, _name in settings.LANGUAGES if code not in versions]


def record(item, language, request):
    """Count the visitor's request to read ``item`` in ``language``: True if counted, False if asked already.

    The unique constraint decides, so two requests that race still count once.
    """
    locale = Locale.objects.get(language_code=language)
    _request, created = TranslationRequest.objects.get_or_create(
        translation_key=item.translation_key, locale=locale, visitor=visitor_id(request)
    )
    return created
