from bs4 import BeautifulSoup
from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from core.models import LinkStatus

register = template.Library()
GONE_NOTICE = "includes/gone_link.html"


def _long_gone(context):
    """``{address: check}`` of the addresses gone over 30 days, read once per request however many links it has."""
    request = context.get("request")
    gone = getattr(request, "_gone_links", None)
    if gone is None:
        gone = {link.url: link for link in LinkStatus.objects.long_gone()}
        if request is not None:
            request._gone_links = gone
    return gone


@register.simple_tag(takes_context=True)
def gone_link(context, url):
    """The check of ``url`` when the address has been gone over 30 days (to mark it), else None."""
    return _long_gone(context).get(url) if url else None


@register.simple_tag(takes_context=True)
def richtext_marking_gone_links(context, value):
    """Wagtail's ``richtext``, with the notice of ``gone_link`` after each link to an address gone over 30 days."""
    html = str(richtext(value))
    gone = [url for url in _long_gone(context) if url in html]
    if not gone:  # parsed only when a gone address occurs: nearly never
        return mark_safe(html)  # noqa: S308 - Wagtail's richtext output, already safe
    soup = BeautifulSoup(html, "html.parser")
    for anchor in soup.find_all("a", href=True):
        check = _long_gone(context).get(anchor["href"])
        if check is not None:
            notice = render_to_string(GONE_NOTICE, {"gone": check}, request=context.get("request"))
            anchor.insert_after(BeautifulSoup(notice, "html.parser"))
    return mark_safe(str(soup))  # noqa: S308 - parsed from the safe richtext output; the notice is a template
