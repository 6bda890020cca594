from django import template
from django.urls import reverse
from django.utils import translation

from methodbank.models import MethodBankPage
from translation_requests.demand import missing_languages, public_versions

register = template.Library()


@register.simple_tag
def translation_offers(page):
    """One ``{"code", "url"}`` per site language the item has no public version in, each with the
    address of the request page in that language.

    Nothing for a page that visitors cannot see themselves (a preview, a private page): the request
    page answers only for public items.
    """
    if not isinstance(page, MethodBankPage) or not page.pk:
        return []
    versions = public_versions(page)
    if page.pk not in {version.pk for version in versions.values()}:
        return []
    offers = []
    for code in missing_languages(versions):
        with translation.override(code):
            offers.append({"code": code, "url": reverse("translation_requests:request", args=[page.pk])})
    return offers
