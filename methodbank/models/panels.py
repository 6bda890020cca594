from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page


class ModeratorFieldPanel(FieldPanel):
    """A field that users with ``permission`` edit and everyone else sees read-only.

    A plain ``FieldPanel(permission=...)`` hides the field entirely; contributors
    should still see, for example, how their model has been evaluated.
    """

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is not None and self.bound_field is None:
                self.read_only = True
                field = self.panel.db_field
                self.heading = self.panel.heading or field.verbose_name.capitalize()
                self.help_text = self.panel.help_text or field.help_text

        def is_shown(self):
            return self.read_only or super().is_shown()

    def format_value_for_display(self, value):
        choices = dict(self.db_field.flatchoices)
        return choices.get(value, value)


def checkboxes(field_name):
    return FieldPanel(field_name, widget=forms.CheckboxSelectMultiple)


def method_bank_tabs(basic_information, classification):
    """The editing tabs every method bank page shares; only the first and third differ by type."""
    return TabbedInterface(
        [
            ObjectList(basic_information, heading=_("Basic information")),
            ObjectList([FieldPanel("summary"), FieldPanel("body")], heading=_("Description")),
            ObjectList(
                [
                    *classification,
                    checkboxes("themes"),
                    checkboxes("target_groups"),
                    checkboxes("regions"),
                    FieldPanel("keywords"),
                    ModeratorFieldPanel("evaluation", permission="methodbank.set_evaluation"),
                ],
                heading=_("Classification"),
            ),
            ObjectList([FieldPanel("contacts")], heading=_("Contacts")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )
