from django import template
from django.utils import translation
from wagtail.models import Locale, Page, Site

from core import page_cache
from home.models import FooterLink
from methodbank.models import MethodBankIndexPage
from methodbank.models.method_bank_page import public_versions

register = template.Library()


def _kept(request, name, build):
    """``build()`` for this site and language, kept while published content stays as it is: the navigation is the
    same on every page and for everyone, and reading it cost about 8 ms of every page at 20,000 pages."""
    site = Site.find_for_request(request) if request else None
    return page_cache.kept(f"navigation:{name}:{site.pk if site else 0}:{translation.get_language()}", build)


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page in the active language, falling back to the site's root page."""
    request = context.get("request")
    return _kept(request, "home", lambda: _site_home(request))


def _site_home(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return site.root_page
    return site.root_page.get_translation_or_none(locale) or site.root_page


def footer_keys(request):
    """The translation keys of the pages the site's navigation setting puts in the footer, in their order.

    Read once per request: the main menu and the footer both ask.
    """
    if request is None:
        return []
    if not hasattr(request, "_footer_keys"):
        site = Site.find_for_request(request)
        # One query, without reading (or creating) the setting itself: a site without one has no footer pages.
        links = FooterLink.objects.filter(navigation__site=site).order_by("sort_order", "pk") if site else None
        request._footer_keys = list(links.values_list("page__translation_key", flat=True)) if links is not None else []
    return request._footer_keys


@register.simple_tag(takes_context=True)
def main_menu(context, home):
    """The main menu: ``bank`` (the method bank, which comes first, with the search after it) and ``pages`` (the
    other pages under the home page shown in menus, in the tree's order), leaving out the footer's pages."""
    if home is None:
        return {"bank": [], "pages": []}
    request = context.get("request")
    return _kept(request, f"menu:{home.pk}", lambda: _main_menu(request, home))


def _main_menu(request, home):
    footer = set(footer_keys(request))
    pages = [
        page
        for page in home.get_children().live().public().filter(show_in_menus=True)
        if page.translation_key not in footer
    ]
    # specific_class reads Django's cached content types: no query per page.
    bank = [page for page in pages if issubclass(page.specific_class, MethodBankIndexPage)]
    return {"bank": bank, "pages": [page for page in pages if page not in bank]}


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The footer's pages in the visitor's language where they have a version in it, in the editor's order."""
    request = context.get("request")
    return _kept(request, "footer", lambda: _footer_pages(request))


def _footer_pages(request):
    keys = footer_keys(request)
    versions = {page.translation_key: page for page in public_versions(Page.objects.filter(translation_key__in=keys))}
    return [versions[key] for key in keys if key in versions]


@register.filter
def public_version(page):
    """``page|public_version``: the chosen page in the visitor's language when possible, or None if visitors may
    not see it (a draft, or behind a login or a password)."""
    if not page:
        return None
    versions = public_versions(Page.objects.filter(translation_key=page.translation_key))
    return versions[0] if versions else None
