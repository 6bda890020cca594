from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.bank_overview import overview_for
from methodbank.models import ItemType


class NewestItemsBlock(blocks.StructBlock):
    """The items of one type published last, with a link to the whole listing sorted the same way."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    item_type = blocks.ChoiceBlock(label=_("Type"), choices=ItemType.choices, default=ItemType.MODEL)
    count = blocks.IntegerBlock(label=_("Number of items"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "date"
        label = _("Newest items")
        template = "blocks/newest_items.html"
        preview_value = {"heading": "Newest models", "item_type": ItemType.MODEL, "count": 3}
        description = _("The items of one type published last.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        overview = overview_for((parent_context or {}).get("request"))
        context["items"] = overview.newest(value["item_type"], value["count"])
        context["more_url"] = overview.listing_url(type=value["item_type"], sort="newest")
        return context
