from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import RichText

from .section import SectionBlock


class TargetGroupBlock(SectionBlock):
    class Meta:
        icon = "group"
        label = _("Target group")
        description = _("Who the model is for and who carries it out.")
        preview_value = {
            "text": RichText("<p>Ninth-graders who are unsure of their next step, and their counsellors.</p>")
        }
