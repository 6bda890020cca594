from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredReport(models.Model):
    """A report or export made once and served again until the content changes (``fingerprint``).

    Keyed by the selection (``Selection.key``), language and format. The file lives under
    ``settings.REPORTS_DIR``; ``status`` and ``done``/``total`` show the progress of one being made.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Being made")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    selection_key = models.CharField(_("Selection"), max_length=32)
    selection_label = models.TextField(_("Selection in words"), blank=True)
    selection_params = models.JSONField(_("Selection parameters"), default=dict)
    language = models.CharField(_("Language"), max_length=5)
    format = models.CharField(_("Format"), max_length=10)
    fingerprint = models.CharField(_("Content fingerprint"), max_length=200, blank=True)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    done = models.PositiveIntegerField(_("Items done"), default=0)
    total = models.PositiveIntegerField(_("Items in all"), default=0)
    file_name = models.CharField(_("File"), max_length=200, blank=True)
    error = models.TextField(_("Error"), blank=True)
    updated_at = models.DateTimeField(_("Updated at"), auto_now=True)

    class Meta:
        verbose_name = _("Stored report")
        verbose_name_plural = _("Stored reports")
        constraints = [
            models.UniqueConstraint(fields=["selection_key", "language", "format"], name="unique_stored_report")
        ]

    def __str__(self):
        return f"{self.selection_label} ({self.language}, {self.format})"
