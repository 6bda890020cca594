from wagtail.admin.panels import FieldPanel


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
