"""What the link checker found at each external address; it knows nothing of pages (core/link_checker.py)."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A link gone this long is marked on public pages: a short outage is not "gone".
GONE_AFTER = timedelta(days=30)


class LinkStatusQuerySet(models.QuerySet):
    def long_gone(self, now=None):
        """The addresses gone (404 or 410) for over ``GONE_AFTER``: what public pages mark."""
        return self.filter(status=LinkStatus.Status.GONE, status_since__lte=(now or timezone.now()) - GONE_AFTER)


class LinkStatus(models.Model):
    class Status(models.TextChoices):
        OK = "ok", _("Works")
        REDIRECTED = "redirected", _("Redirected")
        GONE = "gone", _("Gone")
        UNREACHABLE = "unreachable", _("Unreachable after retries")

    url = models.URLField(_("Address"), max_length=2000, unique=True)
    status = models.CharField(_("Status"), max_length=12, choices=Status.choices)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    final_url = models.URLField(_("Redirected to"), max_length=2000, blank=True)
    error = models.CharField(_("Error"), max_length=255, blank=True)
    checked_at = models.DateTimeField(_("Checked at"))
    status_since = models.DateTimeField(_("In this status since"))
    archived_url = models.URLField(
        _("Archived copy"),
        max_length=2000,
        blank=True,
        help_text=_("An archived copy of the page, such as one in the Internet Archive, for when the link is gone."),
    )

    objects = LinkStatusQuerySet.as_manager()

    class Meta:
        verbose_name = _("Link check")
        verbose_name_plural = _("Link checks")
        ordering = ["url"]

    def __str__(self):
        return f"{self.url} ({self.status})"

    @property
    def is_broken(self):
        return self.status in (self.Status.GONE, self.Status.UNREACHABLE)

    def record(self, status, http_status=None, final_url="", error="", now=None):
        """Store a new check; ``status_since`` moves only when the status changes."""
        now = now or timezone.now()
        if status != self.status or self.status_since is None:
            self.status_since = now
        self.status = status
        self.http_status = http_status
        self.final_url = final_url
        self.error = error[:255]
        self.checked_at = now
