from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .taxonomy_term import TaxonomyTerm


class Keyword(TaxonomyTerm):
    """A free keyword that editors add, such as "peer mentoring" or "apprenticeship"."""

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("word_forms")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Keyword")
        verbose_name_plural = _("Keywords")
        constraints = [models.UniqueConstraint(fields=["code", "locale"], name="unique_keyword_code_per_locale")]
