"""Who looks after an item, and when someone last checked that it still holds.

A review is a row of its own, not a field of the page: page fields travel with
revisions, so publishing an older draft would bring back an older review date,
and an ordinary edit could set it. Reviews are keyed by the item's
``translation_key``, so a review covers every language version at once
(synchronised, never translated).
"""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.db.models import Max, Min, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REVIEW_LOG_ACTION = "methodbank.review"


def review_period():
    """How long a review holds: ``REVIEW_PERIOD_MONTHS`` (12 by default)."""
    return relativedelta(months=settings.REVIEW_PERIOD_MONTHS)


def review_due_before(now=None):
    """Items last reviewed before this moment (or never) are due."""
    return (now or timezone.now()) - review_period()


class ItemReview(models.Model):
    """One deliberate review of an item: the reviewer ticked every point of the checklist."""

    page = models.ForeignKey(
        "methodbank.MethodBankPage", verbose_name=_("Item"), on_delete=models.CASCADE, related_name="reviews"
    )
    translation_key = models.UUIDField(db_index=True, editable=False)
    reviewed_at = models.DateTimeField(_("Reviewed at"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("Note"), blank=True)

    class Meta:
        verbose_name = _("Review")
        verbose_name_plural = _("Reviews")
        ordering = ["-reviewed_at"]

    def __str__(self):
        return f"{self.page_id} {self.reviewed_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        self.translation_key = self.page.translation_key
        super().save(*args, **kwargs)


class ReviewReminder(models.Model):
    """That one address was reminded of one item: the reminder command sends it again only after a while."""

    recipient = models.EmailField(_("Recipient"))
    translation_key = models.UUIDField()
    sent_at = models.DateTimeField(_("Sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("Review reminder")
        verbose_name_plural = _("Review reminders")
        indexes = [models.Index(fields=["recipient", "translation_key"])]

    def __str__(self):
        return f"{self.recipient} {self.sent_at:%Y-%m-%d}"


def last_reviewed(pages):
    """Annotate ``last_reviewed`` (any language version's latest review, or None) on a page queryset."""
    latest = (
        ItemReview.objects.filter(translation_key=OuterRef("translation_key"))
        .values("translation_key")
        .annotate(latest=Max("reviewed_at"))
        .values("latest")
    )
    return pages.annotate(last_reviewed=Subquery(latest))


def due_for_review(pages, now=None):
    """The pages whose item was never reviewed or not within the review period."""
    due = review_due_before(now)
    return last_reviewed(pages).filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=due))


def one_version_per_item(pages):
    """Keep each item's first version (lowest id) among ``pages``: a review covers every language."""
    first = (
        pages.model.objects.filter(translation_key=OuterRef("translation_key"))
        .values("translation_key")
        .annotate(first=Min("pk"))
        .values("first")
    )
    return pages.filter(pk=Subquery(first))


class PageLink(models.Model):
    """An external address one page links to, as ``check_links`` last found it; the result is in core's
    ``LinkStatus`` under the same address."""

    page = models.ForeignKey(
        "methodbank.MethodBankPage", verbose_name=_("Item"), on_delete=models.CASCADE, related_name="external_links"
    )
    url = models.URLField(_("Address"), max_length=2000, db_index=True)

    class Meta:
        verbose_name = _("External link")
        verbose_name_plural = _("External links")
        constraints = [models.UniqueConstraint(fields=["page", "url"], name="methodbank_pagelink_unique")]

    def __str__(self):
        return self.url
