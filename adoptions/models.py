"""Adoptions: an organisation records that it uses a model or a good practice.

An item is all language versions of one page (their shared ``translation_key``),
as for translation requests, so an adoption recorded from the Swedish version
counts on the Finnish one too. The organisation and the region are stored as
one row of each translatable snippet (the first created of its translations,
see ``canonical``) and shown in the visitor's language. A person may name an
organisation the method bank does not know yet (``proposed_organisation``); a
moderator adds it to the organisations before approving.

Nothing is public before a moderator approves it (``state``). One organisation
has one adoption per item: the unique constraints keep it so, also when two
submissions race; a new submission updates the record and sends it back to
moderation.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Adoption(models.Model):
    class Status(models.TextChoices):
        TRYING = "trying", _("Trying it out")
        IN_USE = "in_use", _("In use")
        STOPPED = "stopped", _("Stopped using it")

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for a moderator")
        APPROVED = "approved", _("Approved: public")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    translation_key = models.UUIDField(_("item"), db_index=True)
    organisation = models.ForeignKey(
        "methodbank.Organisation",
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adoptions",
    )
    proposed_organisation = models.CharField(
        _("Proposed new organisation"),
        max_length=255,
        blank=True,
        help_text=_("An organisation the method bank does not list yet; a moderator adds it before approving."),
    )
    region = models.ForeignKey(
        "methodbank.Region", verbose_name=_("Region"), on_delete=models.PROTECT, related_name="adoptions"
    )
    started_on = models.DateField(_("Started"))
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.IN_USE)
    stop_reason = models.TextField(_("Why it stopped"), blank=True, max_length=1000)
    experience = models.TextField(_("Experience"), blank=True, max_length=2000)
    language = models.CharField(_("Language of the experience"), max_length=5, choices=settings.LANGUAGES)
    contact_name = models.CharField(_("Public contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("Public contact e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="adoptions",
    )
    state = models.CharField(_("Moderation"), max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("Decided at"), null=True, blank=True)
    message = models.TextField(_("Moderator's note"), blank=True)
    created_at = models.DateTimeField(_("Recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Updated at"), auto_now=True)

    class Meta:
        verbose_name = _("Adoption")
        verbose_name_plural = _("Adoptions")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="one_adoption_per_item_and_organisation",
            ),
            models.UniqueConstraint(
                "translation_key",
                Lower("proposed_organisation"),
                condition=models.Q(organisation__isnull=True),
                name="one_adoption_per_item_and_proposed_organisation",
            ),
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | ~models.Q(proposed_organisation=""),
                name="adoption_names_an_organisation",
            ),
        ]
        indexes = [models.Index(fields=["translation_key", "state"], name="adoption_item_state")]

    def __str__(self):
        return f"{self.organisation_name} ({self.get_status_display()})"

    @classmethod
    def stopped_filter(cls):
        return models.Q(status=cls.Status.STOPPED)

    @property
    def organisation_name(self):
        return self.organisation.name if self.organisation_id else self.proposed_organisation

    @property
    def is_public(self):
        return self.state == self.State.APPROVED


class ContactOptOut(models.Model):
    """An item's contact person who asked, through the link in an e-mail, to hear no more about adoptions."""

    email = models.EmailField(_("E-mail address"), unique=True)
    created_at = models.DateTimeField(_("Opted out at"), auto_now_add=True)

    class Meta:
        verbose_name = _("Contact who opted out")
        verbose_name_plural = _("Contacts who opted out")

    def __str__(self):
        return self.email
