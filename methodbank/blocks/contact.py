from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{4,19}$",
    _("Enter a phone number, for example +358 40 123 4567. You can use spaces and dashes."),
)


class PersonContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    title = blocks.CharBlock(label=_("Job title"), max_length=200, required=False)
    organisation = blocks.CharBlock(label=_("Organisation"), max_length=255, required=False)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), max_length=20, required=False, validators=[phone_validator])

    class Meta:
        icon = "user"
        label = _("Person")
        template = "blocks/person_contact.html"
        description = _("A contact person with their role and how to reach them.")
        preview_value = {
            "name": "Maija Meikäläinen",
            "title": "Project manager",
            "organisation": "Example vocational college",
            "email": "maija.meikalainen@example.fi",
            "phone": "+358 40 123 4567",
        }
