"""Language switcher and hreflang links that point at the same page in each language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


def _home_in(locale, request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale)


def _query_without_page(request):
    """``?…`` of the request without the result page number, or ``""``."""
    if request is None:
        return ""
    query = request.GET.copy()
    query.pop("page", None)
    return f"?{query.urlencode()}" if query else ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: where the switcher goes, and whether it is the same page.

    For a Wagtail page, each language links to that page's translation, or to that
    language's home page (flagged ``is_fallback``) when no translation exists. A draft
    translation, or one behind a login or a password, counts as missing. Other views
    (search, sign-up) translate their own URL. Both keep the query, so a visitor switching language
    in the middle of a filtered search keeps the search and its filters (filter values are codes,
    the same in every language), but not the result page: the other language may have fewer pages.
    """
    request = context.get("request")
    query = _query_without_page(request)
    page = context.get("page")
    current = translation.get_language()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translated in page.get_translations(inclusive=True).live().public().select_related("locale"):
            translations[translated.locale.language_code] = translated

    links = []
    for code, name in settings.LANGUAGES:
        url, is_fallback = None, False
        if isinstance(page, Page) and page.pk:
            if code in translations:
                url = translations[code].get_url(request=request) + query
            elif code in locales:
                home = _home_in(locales[code], request)
                url = home.get_url(request=request) if home else f"/{code}/"
                is_fallback = True
        elif request is not None:
            url = translate_url(request.path, code) + query
        links.append(
            {
                "code": code,
                "name": name,
                "url": url or f"/{code}/",
                "is_current": code == current,
                "is_fallback": is_fallback,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """``<link rel=alternate hreflang>`` targets: existing translations plus x-default."""
    request = context.get("request")
    page = context.get("page")
    links = []
    if isinstance(page, Page) and page.pk:
        for translated in page.get_translations(inclusive=True).live().public().select_related("locale"):
            url = translated.get_url(request=request)
            if request is not None:
                url = request.build_absolute_uri(url)
            links.append({"hreflang": translated.locale.language_code, "url": url})
        links.sort(key=lambda link: [code for code, _ in settings.LANGUAGES].index(link["hreflang"]))
    elif request is not None:
        for code, _name in settings.LANGUAGES:
            links.append({"hreflang": code, "url": request.build_absolute_uri(translate_url(request.path, code))})
    if links:
        default = next((link for link in links if link["hreflang"] == settings.LANGUAGE_CODE), links[0])
        links.append({"hreflang": "x-default", "url": default["url"]})
    return links
