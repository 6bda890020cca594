"""E-mail each steward the items they look after that are due for review, in the steward's language.

Run it daily or weekly from cron or a systemd timer (docs/operations.md). It is idempotent: an
address is reminded of the same item at most once in ``REVIEW_REMINDER_DAYS``, and each reminder is
recorded right after its e-mail is sent, so an interrupted run sends nothing twice when run again
(unless it stopped between the mail server's answer and that record).
"""

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page
from wagtail.users.models import UserProfile

from methodbank.models import MethodBankPage, ReviewReminder
from methodbank.models.stewardship import due_for_review, one_version_per_item

logger = logging.getLogger(__name__)


@dataclass
class Recipient:
    address: str
    language: str
    has_account: bool
    pages: list = field(default_factory=list)


def steward_language(user):
    """The user's preferred admin language when the site has it, else the site's default."""
    codes = {code for code, _name in settings.LANGUAGES}
    if user is not None:
        preferred = UserProfile.get_for_user(user).preferred_language
        if preferred in codes:
            return preferred
    return settings.LANGUAGE_CODE


class Command(BaseCommand):
    help = "E-mail each steward their items that are due for review."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would be sent; send nothing.")

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        recipients, unreachable = self.recipients(now)
        sent = 0
        for recipient in recipients.values():
            titles = ", ".join(page.title for page in recipient.pages)
            if dry_run:
                self.stdout.write(f"{recipient.address} ({recipient.language}): {titles}")
                continue
            if self.send(recipient):
                ReviewReminder.objects.bulk_create(
                    ReviewReminder(recipient=recipient.address, translation_key=page.translation_key, sent_at=now)
                    for page in recipient.pages
                )
                sent += 1
                self.stdout.write(f"Reminded {recipient.address} of {len(recipient.pages)} item(s): {titles}")
            else:
                self.stderr.write(f"Could not send to {recipient.address}; it will be tried again on the next run.")
        for page, reason in unreachable:
            self.stdout.write(f"Nobody to remind of “{page.title}” (id {page.pk}): {reason}")
        self.stdout.write(f"{sent} reminder(s) sent; {len(unreachable)} item(s) due without a steward to remind.")

    def recipients(self, now):
        """``({address: Recipient}, [(page, reason)])``: who gets which items now, and the items nobody gets."""
        pages = due_for_review(one_version_per_item(MethodBankPage.objects.live()), now).select_related("steward")
        recently = now - timedelta(days=settings.REVIEW_REMINDER_DAYS)
        reminded = set(ReviewReminder.objects.filter(sent_at__gte=recently).values_list("recipient", "translation_key"))
        recipients, unreachable = {}, []
        for page in pages.order_by("title", "pk"):
            user = page.steward
            if user is not None and user.is_active and user.email:
                address, language, has_account = user.email, steward_language(user), True
            elif page.steward_email:
                address, language, has_account = page.steward_email, settings.LANGUAGE_CODE, False
            else:
                if user is None:
                    reason = "no steward is set."
                elif not user.is_active:
                    reason = f"the steward {user.get_username()} no longer has an active account; choose a new one."
                else:
                    reason = f"the steward {user.get_username()} has no e-mail address."
                unreachable.append((page, reason))
                continue
            if (address, page.translation_key) in reminded:
                continue
            recipient = recipients.setdefault(address.lower(), Recipient(address, language, has_account))
            recipient.pages.append(page)
        return recipients, unreachable

    def send(self, recipient):
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        items = []
        for page in recipient.pages:
            version = self.version_in(page, recipient.language)
            items.append(
                {
                    "title": version.title,
                    "last_reviewed": page.last_reviewed,
                    "url": version.full_url or "",
                    "review_url": base_url + reverse("methodbank_review", args=[version.pk])
                    if recipient.has_account
                    else "",
                }
            )
        context = {
            "site_name": settings.WAGTAIL_SITE_NAME,
            "items": items,
            "period_months": settings.REVIEW_PERIOD_MONTHS,
        }
        with translation.override(recipient.language):
            subject = " ".join(render_to_string("emails/review_reminder_subject.txt", context).split())
            body = render_to_string("emails/review_reminder.txt", context).strip() + "\n"
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.address])
        except (smtplib.SMTPException, OSError):
            logger.exception("Could not send a review reminder")
            return False
        return True

    def version_in(self, page, language):
        """The item's live version in the recipient's language, else the one given."""
        translated = (
            Page.objects.live()
            .filter(translation_key=page.translation_key, locale__language_code=language)
            .specific()
            .first()
        )
        return translated or page
