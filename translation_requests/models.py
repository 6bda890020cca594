"""Visitors' requests to read a method bank item in a language it has not been translated into.

An item is all language versions of one page (their shared ``translation_key``),
so asking from the Finnish or the Swedish version counts for the same item. Each
row is one visitor's request for one item in one language; the unique
constraint is what keeps anything from being counted twice, also when two
requests race.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TranslationRequest(models.Model):
    translation_key = models.UUIDField(_("item"))
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name=_("requested language")
    )
    # A keyed hash of the visitor's address (translation_requests.demand.visitor_id), never the address.
    visitor = models.CharField(_("visitor"), max_length=64)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)

    class Meta:
        verbose_name = _("translation request")
        verbose_name_plural = _("translation requests")
        # Rows are written by visitors only; the admin's report needs nothing but "view".
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale", "visitor"], name="one_translation_request_per_visitor"
            )
        ]

    def __str__(self):
        return f"{self.translation_key} → {self.locale_id}"
