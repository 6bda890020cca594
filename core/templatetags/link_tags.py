from django import template

from core.models import LinkStatus

register = template.Library()


@register.simple_tag
def gone_link(url):
    """The check of ``url`` when the address has been gone over 30 days (to mark it), else None."""
    if not url:
        return None
    link = LinkStatus.objects.filter(url=url, status=LinkStatus.Status.GONE).first()
    return link if link is not None and link.gone_long() else None
