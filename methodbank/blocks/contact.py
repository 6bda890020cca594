from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{4,19}$",
    _("Enter a phone number, for example +358 40 123 4567. You can use spaces and dashes."),
)


class PhoneBlock(blocks.CharBlock):
    """A phone number: the same in every language, so wagtail-localize does not offer it for translation.

    A translation keeps the source's number (a translated one was once published as
    ``tel:ENsegment21``). E-mail and URL blocks are left out of translation by
    wagtail-localize itself.
    """

    def __init__(self, **kwargs):
        super().__init__(max_length=20, validators=[phone_validator], **kwargs)

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class PersonContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    title = blocks.CharBlock(label=_("Job title"), max_length=200, required=False)
    organisation = blocks.CharBlock(label=_("Organisation"), max_length=255, required=False)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    phone = PhoneBlock(label=_("Phone"), required=False)

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
