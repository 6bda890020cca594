from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import RichText

from .section import SectionBlock


class ResourcesBlock(SectionBlock):
    class Meta:
        icon = "cogs"
        label = _("Resources")
        description = _("The people, time, money and tools the model needs.")
        preview_value = {"text": RichText("<p>One counsellor for every forty students and a shared calendar.</p>")}
