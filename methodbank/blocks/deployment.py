from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import RichText

from core.blocks import RichTextBlock

from .section import SectionBlock


class DeploymentBlock(SectionBlock):
    """How another school takes the model into use, in the three parts the report's template asks for."""

    text = RichTextBlock(label=_("Staff motivation and orientation"), required=False)
    marketing = RichTextBlock(label=_("Marketing"), required=False)
    materials = RichTextBlock(label=_("Materials"), required=False)

    class Meta:
        icon = "upload"
        label = _("Deployment")
        template = "blocks/deployment.html"
        description = _("Orienting staff, marketing the model and the materials that help.")
        preview_value = {
            "text": RichText("<p>A two-hour briefing for the whole teaching team.</p>"),
            "marketing": RichText("<p>A leaflet for guardians and a short video for social media.</p>"),
            "materials": RichText("<p>Slides, a planning template and a feedback form.</p>"),
        }
