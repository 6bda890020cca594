"""The page numbers a pagination shows: first and last, the current one and its neighbours, gaps between."""

from django import template
from django.core.paginator import Paginator

register = template.Library()


@register.simple_tag
def page_links(number, num_pages):
    """``[{"number": 3, "current": False} or {"gap": True}, ...]`` for page ``number`` of ``num_pages``.

    Django's elided page range decides which numbers to show; the search service pages its results without a
    Paginator, so one is made over the page numbers alone (one item a page; nothing is read).
    """
    pages = Paginator(range(num_pages), 1).get_elided_page_range(number, on_each_side=1, on_ends=1)
    return [
        {"gap": True} if page == Paginator.ELLIPSIS else {"number": page, "current": page == number} for page in pages
    ]
