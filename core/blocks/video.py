from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"), help_text=_("For example a YouTube or Vimeo link."))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=255,
        help_text=_("Tells screen reader users what the video is about."),
    )
    transcript = blocks.TextBlock(label=_("Transcript or description"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"
        preview_value = {"title": "How the peer review works", "transcript": "A short introduction."}
        description = _("An embedded video with a title and an optional transcript.")
