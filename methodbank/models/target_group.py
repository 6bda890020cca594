from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .taxonomy_term import TaxonomyTerm


class TargetGroup(TaxonomyTerm):
    """Who a model or practice is for, such as applicants or students at risk of dropping out."""

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("word_forms")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Target group")
        verbose_name_plural = _("Target groups")
        constraints = [models.UniqueConstraint(fields=["code", "locale"], name="unique_target_group_code_per_locale")]
