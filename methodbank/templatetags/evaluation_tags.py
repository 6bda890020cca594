from django import template

from methodbank.models.evaluation import completed_evaluations

register = template.Library()


@register.simple_tag
def evaluation_records(page):
    """``{% evaluation_records page as records %}``: the completed evaluations of the page, newest first."""
    return list(completed_evaluations(page))
