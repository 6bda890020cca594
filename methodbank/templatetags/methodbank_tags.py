from django import template

register = template.Library()


@register.filter
def localized_terms(page, field_name):
    """``page|localized_terms:"themes"``: the page's terms named in the visitor's language."""
    return page.localized_terms(field_name)
