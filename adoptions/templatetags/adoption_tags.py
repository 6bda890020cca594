from django import template

from ..summary import item_summary

register = template.Library()


@register.simple_tag
def adoption_summary(page):
    """The approved adoptions of the item ``page`` belongs to, for its page (see ``summary.item_summary``)."""
    return item_summary(page)
