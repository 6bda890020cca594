from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    """A request for a contributor account, sent from the public sign-up page.

    The account behind it stays inactive until a moderator approves the request.
    The request itself is kept after the decision, so moderators can see who
    decided what and when.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    first_name = models.CharField(_("First name"), max_length=150)
    last_name = models.CharField(_("Last name"), max_length=150)
    email = models.EmailField(_("E-mail address"))
    organisation = models.CharField(_("Organisation"), max_length=255)
    project = models.CharField(_("Project"), max_length=255)
    language = models.CharField(_("Language"), max_length=5, choices=settings.LANGUAGES, default="fi")
    consent_at = models.DateTimeField(_("Agreed to the privacy notice at"))
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registration",
    )
    created_at = models.DateTimeField(_("Sent at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("Decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("Message to the applicant"), blank=True)

    class Meta:
        verbose_name = _("Account request")
        verbose_name_plural = _("Account requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING
