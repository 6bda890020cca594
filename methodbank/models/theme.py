from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .taxonomy_term import TaxonomyTerm


class Theme(TaxonomyTerm):
    """The report's main themes (A–D) and, one level down, their sub-themes (A1, A2, …)."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("Main theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a main theme; choose the main theme for a sub-theme."),
    )
    description = models.TextField(_("Description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("word_forms"),
        FieldPanel("parent"),
        FieldPanel("description"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("word_forms"),
        TranslatableField("description"),
        # Search facets filter by code in every language: translators may not override it.
        SynchronizedField("code", overridable=False),
        SynchronizedField("parent"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Theme")
        verbose_name_plural = _("Themes")
        constraints = [models.UniqueConstraint(fields=["code", "locale"], name="unique_theme_code_per_locale")]

    @property
    def is_main_theme(self):
        return self.parent_id is None

    def clean(self):
        super().clean()
        if self.parent is not None and self.parent.parent_id is not None:
            raise ValidationError({"parent": _("Themes have two levels: choose a main theme, not a sub-theme.")})
