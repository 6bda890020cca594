from django import template
from wagtail.models import Locale, Site

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
def menu_pages(home):
    """Pages editors flagged "show in menus" directly under the home page."""
    if home is None:
        return []
    return home.get_children().live().in_menu().specific()
