from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.bank_overview import overview_for


class BankFiguresBlock(blocks.StructBlock):
    """The bank in numbers: items, models, projects and regions, counted live."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)

    class Meta:
        icon = "table"
        label = _("Figures of the bank")
        template = "blocks/bank_figures.html"
        preview_value = {"heading": "The bank in numbers"}
        description = _("How many items, models, projects and regions the bank has.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["overview"] = overview_for((parent_context or {}).get("request"))
        return context
