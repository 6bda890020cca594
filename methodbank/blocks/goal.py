from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import RichText

from .section import SectionBlock


class GoalBlock(SectionBlock):
    class Meta:
        icon = "crosshairs"
        label = _("Goal")
        description = _("What the model aims to change, and why it matters.")
        preview_value = {"text": RichText("<p>Students find a study place that suits them and stay in it.</p>")}
