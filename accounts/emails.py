"""E-mails to applicants and moderators, rendered from templates/emails/ in the recipient's language."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def send(template, recipient, context, language):
    """Send ``emails/<template>.txt`` to one address; ``False`` (and a log entry) when the mail server fails.

    The caller decides what a failure means: a visitor still gets the same page,
    a moderator is told to pass the message on another way.
    """
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "base_url": settings.WAGTAILADMIN_BASE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        body = render_to_string(f"emails/{template}.txt", context).strip() + "\n"
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send the %s e-mail", template)
        return False
    return True
