from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ContributeBlock(blocks.StructBlock):
    """How a project adds its models to the bank, with a link to the sign-up page."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=600)
    link_text = blocks.CharBlock(
        label=_("Link text"),
        max_length=80,
        help_text=_("The link to the sign-up page, for example “Sign up as a contributor”."),
    )
    instructions = blocks.PageChooserBlock(
        label=_("Instructions page"), required=False, help_text=_("A page on how to describe a model, if any.")
    )

    class Meta:
        icon = "user"
        label = _("How to contribute")
        template = "blocks/contribute.html"
        preview_value = {
            "heading": "Add your project's models",
            "text": "Projects describe their models and good practices themselves. Sign up, and a moderator "
            "approves your account.",
            "link_text": "Sign up as a contributor",
            "instructions": None,
        }
        description = _("A short invitation to contribute, with a link to the sign-up page.")
