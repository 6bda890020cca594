from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from .section import TitledSection


class ExternalLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Address"))
    title = blocks.CharBlock(label=_("Link text"), max_length=255)

    class Meta:
        icon = "link-external"
        label = _("External link")
        template = "blocks/external_link.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), max_length=255, required=False, help_text=_("Leave empty to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Attachment")
        template = "blocks/document_link.html"


class LinksBlock(TitledSection, blocks.StructBlock):
    """Further reading and downloadable materials, such as the model's workbook."""

    links = blocks.StreamBlock(
        [("link", ExternalLinkBlock()), ("document", DocumentLinkBlock())], label=_("Links and attachments")
    )

    class Meta:
        icon = "link"
        label = _("Links and attachments")
        template = "blocks/links.html"
        description = _("Web links and attached documents.")
        preview_value = {
            "links": [("link", {"url": "https://www.oph.fi/", "title": "Finnish National Agency for Education"})]
        }
