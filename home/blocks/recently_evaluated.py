from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.bank_overview import overview_for
from methodbank.models import Evaluation


class RecentlyEvaluatedBlock(blocks.StructBlock):
    """The models and good practices whose completed evaluations are the newest."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    count = blocks.IntegerBlock(label=_("Number of items"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "tick-inverse"
        label = _("Recently evaluated")
        template = "blocks/recently_evaluated.html"
        preview_value = {"heading": "Recently evaluated", "count": 3}
        description = _("The items evaluated last, with their evaluation.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        overview = overview_for((parent_context or {}).get("request"))
        context["items"] = overview.recently_evaluated(value["count"])
        # Every evaluated item: peer-reviewed ones and those that went on to the expert evaluation.
        context["more_url"] = overview.listing_url(evaluation=[Evaluation.PEER, Evaluation.EXPERT])
        return context
