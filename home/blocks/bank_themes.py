from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.bank_overview import overview_for


class BankThemesBlock(blocks.StructBlock):
    """The bank's main themes with their sub-themes, each with the live count of its items and a link to them."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)

    class Meta:
        icon = "folder-open-inverse"
        label = _("Themes of the bank")
        template = "blocks/bank_themes.html"
        preview_value = {"heading": "Browse by theme", "text": ""}
        description = _("The four themes and their sub-themes, with the number of items in each.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["overview"] = overview_for((parent_context or {}).get("request"))
        return context
