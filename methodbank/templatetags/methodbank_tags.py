from django import template
from django.utils.dateformat import format as date_format
from django.utils.html import format_html

register = template.Library()


@register.filter
def localized_terms(page, field_name):
    """``page|localized_terms:"themes"``: the page's terms named in the visitor's language."""
    return page.localized_terms(field_name)


@register.simple_tag
def project_date(page, day):
    """``{% project_date page page.end_date %}``: a project's date as a ``<time>``, to the month when the
    source gives months only (7/2018) rather than a day it never stated."""
    if page.dates_by_month:
        return format_html('<time datetime="{}">{}</time>', date_format(day, "Y-m"), date_format(day, "n/Y"))
    return format_html('<time datetime="{}">{}</time>', date_format(day, "Y-m-d"), date_format(day, "j.n.Y"))
