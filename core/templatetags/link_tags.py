from django import template

from core.models import LinkStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def gone_link(context, url):
    """The check of ``url`` when the address has been gone over 30 days (to mark it), else None.

    The page's long-gone addresses are read once per request, however many links it has.
    """
    if not url:
        return None
    request = context.get("request")
    gone = getattr(request, "_gone_links", None)
    if gone is None:
        gone = {link.url: link for link in LinkStatus.objects.long_gone()}
        if request is not None:
            request._gone_links = gone
    return gone.get(url)
