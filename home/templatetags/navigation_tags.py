from django import template
from wagtail.models import Locale, Page, Site

from methodbank.models.method_bank_page import public_versions

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page in the active language, falling back to the site's root page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return site.root_page
    return site.root_page.get_translation_or_none(locale) or site.root_page


@register.simple_tag
def public_children(home):
    """The pages directly under the home page that any visitor may see, for the main menu and the footer."""
    if home is None:
        return []
    return list(home.get_children().live().public())


@register.filter
def public_version(page):
    """``page|public_version``: the chosen page in the visitor's language when possible, or None if visitors may
    not see it (a draft, or behind a login or a password)."""
    if page is None:
        return None
    versions = public_versions(Page.objects.filter(translation_key=page.translation_key))
    return versions[0] if versions else None
