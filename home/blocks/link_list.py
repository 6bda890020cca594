from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)
    text = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=120, help_text=_("Defaults to the page title.")
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give an external address, not both."))}
            )
        if value.get("url") and not value.get("text"):
            raise StructBlockValidationError(
                block_errors={"text": ValidationError(_("An external link needs a link text."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Link list")
        template = "blocks/link_list.html"
        preview_value = {
            "heading": "Useful links",
            "links": [{"url": "https://www.oph.fi/", "text": "Finnish National Agency for Education"}],
        }
        description = _("A titled list of links to pages or other sites.")
