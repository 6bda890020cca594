from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .taxonomy_term import TaxonomyTerm


class Region(TaxonomyTerm):
    """Finland's regions (maakunnat), coded as in ISO 3166-2:FI, plus one entry for the whole country."""

    is_national = models.BooleanField(
        _("Whole country"), default=False, help_text=_("Marks the entry that stands for all of Finland.")
    )

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("word_forms"), FieldPanel("is_national")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("word_forms"),
        # Search facets filter by code in every language: translators may not override it.
        SynchronizedField("code", overridable=False),
        SynchronizedField("sort_order"),
        SynchronizedField("is_national"),
    ]
    search_fields = [*TaxonomyTerm.search_fields, index.FilterField("is_national")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Region")
        verbose_name_plural = _("Regions")
        constraints = [models.UniqueConstraint(fields=["code", "locale"], name="unique_region_code_per_locale")]
