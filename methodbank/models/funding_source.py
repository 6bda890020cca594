from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .taxonomy_term import TaxonomyTerm


class FundingSource(TaxonomyTerm):
    """Who paid for a project, such as the European Social Fund or the National Agency for Education."""

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("word_forms")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Funding source")
        verbose_name_plural = _("Funding sources")
        constraints = [models.UniqueConstraint(fields=["code", "locale"], name="unique_funding_code_per_locale")]
