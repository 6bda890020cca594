from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import RichText

FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/rich_text.html"
        preview_value = RichText("<p>Students plan their own study path together with a counsellor.</p>")
        description = _("Paragraphs, lists and links.")
