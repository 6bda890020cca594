from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import RichText

from .section import SectionBlock


class ImplementationBlock(SectionBlock):
    class Meta:
        icon = "list-ul"
        label = _("Content and actions")
        description = _("What is done, by whom and in what order.")
        preview_value = {"text": RichText("<p>Each student meets a counsellor three times during the first term.</p>")}
