from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

business_id_validator = RegexValidator(r"^\d{7}-\d$", _("Enter a Finnish business ID in the form 1234567-8."))


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A school, agency or association that leads or takes part in projects."""

    name = models.CharField(_("Name"), max_length=255)
    business_id = models.CharField(
        _("Business ID"),
        max_length=9,
        blank=True,
        validators=[business_id_validator],
        help_text=_("The Finnish business ID (Y-tunnus), in the form 1234567-8."),
    )
    website = models.URLField(_("Website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("business_id"), FieldPanel("website")]
    translatable_fields = [
        TranslatableField("name"),
        # Codes and addresses are the same in every language: translators may not override them.
        SynchronizedField("business_id", overridable=False),
        SynchronizedField("website", overridable=False),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name
