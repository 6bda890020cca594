from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.bank_overview import featured_cards


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

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["items"] = featured_cards(value["pages"], (parent_context or {}).get("request"))
        return context
