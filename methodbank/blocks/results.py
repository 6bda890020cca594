from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import RichText

from .section import SectionBlock


class MetricBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Metric"), max_length=200)
    value = blocks.CharBlock(label=_("Result"), max_length=200)

    class Meta:
        icon = "table"
        label = _("Metric")


class ResultsBlock(SectionBlock):
    """What the pilots showed, with figures where the project measured them."""

    metrics = blocks.ListBlock(MetricBlock(), label=_("Metrics"), required=False, default=[])

    class Meta:
        icon = "success"
        label = _("Results and metrics")
        template = "blocks/results.html"
        description = _("What the pilots achieved and how it was measured.")
        preview_value = {
            "text": RichText("<p>Fewer students dropped out in the pilot groups.</p>"),
            "metrics": [{"name": "Students who dropped out", "value": "down from 12 % to 7 %"}],
        }
