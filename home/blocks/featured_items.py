from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FeaturedItemsBlock(blocks.StructBlock):
    """Hand-picked pages shown as cards; each card shows the page in the visitor's language."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("Page")), label=_("Pages"), min_num=1, max_num=12)

    class Meta:
        icon = "pick"
        label = _("Featured items")
        template = "blocks/featured_items.html"
        preview_value = {"heading": "Featured models", "pages": []}
        description = _("Cards linking to chosen pages.")
