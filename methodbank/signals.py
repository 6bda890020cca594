"""Keep ``MethodBankPage.edited_at``, the date a person last published a change to an item.

Pages show it as "Updated". Every publication moves ``last_published_at``, an import's
too; an import must not pose as a review, so its publications are left out.
"""

from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from methodbank.models import MethodBankPage
from methodbank.models.method_bank_page import IMPORT_LOG_ACTION


def record_edit(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, MethodBankPage):
        return
    if revision is not None and PageLogEntry.objects.filter(revision=revision, action=IMPORT_LOG_ACTION).exists():
        return
    instance.edited_at = instance.last_published_at
    MethodBankPage.objects.filter(pk=instance.pk).update(edited_at=instance.edited_at)


def connect():
    page_published.connect(record_edit, dispatch_uid="methodbank.record_edit")
