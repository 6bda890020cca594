from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HeroBlock(blocks.StructBlock):
    """The front page's opening: a heading, a sentence and the search box."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    search_placeholder = blocks.CharBlock(
        label=_("Search box hint"),
        required=False,
        max_length=80,
        help_text=_("An example search shown inside the empty search box."),
    )

    class Meta:
        icon = "search"
        label = _("Hero with search")
        template = "blocks/hero.html"
        preview_value = {
            "heading": "Find models that already work",
            "text": "Models and good practices from vocational education projects.",
            "search_placeholder": "guidance, transitions, apprenticeship",
        }
        description = _("A large heading with a search box.")
