from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .contact import PhoneBlock


class OrganisationContactBlock(blocks.StructBlock):
    organisation = SnippetChooserBlock("methodbank.Organisation", label=_("Organisation"))
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    phone = PhoneBlock(label=_("Phone"), required=False)

    class Meta:
        icon = "site"
        label = _("Organisation")
        template = "blocks/organisation_contact.html"
        description = _("An organisation to contact, when no single person is named.")
        preview_value = {"email": "info@example.fi", "phone": "+358 9 123 456"}
