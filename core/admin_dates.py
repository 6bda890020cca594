"""Date fields in the admin speak the editor's language: d.m.yyyy in Finnish and Swedish, ISO in English.

Wagtail's date picker takes one site-wide format (``WAGTAIL_DATE_FORMAT``), and
when a field loses focus it replaces whatever it cannot read in that format with
today's date, so a Finnish editor's 31.12.2021 was silently saved as today. Here
the picker and the form follow the active language's ``DATE_INPUT_FORMATS``
(``portal/formats``), the picker leaves typed text alone, and the form rejects a
date that does not exist with a message instead.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.datetimepicker import to_datetimepicker_format
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

EXAMPLE_DATE = datetime.date(2021, 12, 31)


def date_format():
    """The format dates are shown and first read in, for the active language."""
    return get_format("DATE_INPUT_FORMATS")[0]


class LocalizedDateInput(AdminDateInput):
    def __init__(self, attrs=None):
        super().__init__(attrs=attrs)
        # Without a fixed format Django shows the value in the active language's first input format.
        self.format = None

    def get_config(self):
        return {**super().get_config(), "format": to_datetimepicker_format(date_format()), "validateOnBlur": False}


class LocalizedDateTimeInput(AdminDateTimeInput):
    def get_config(self):
        # Keep what the editor typed; the form says what is wrong with it.
        return {**super().get_config(), "validateOnBlur": False}


class LocalizedDateField(forms.DateField):
    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            raise ValidationError(
                _("Check the date. Enter a date that exists, in the form %(example)s."),
                code=error.code,
                params={"example": EXAMPLE_DATE.strftime(date_format())},
            ) from error


def register():
    register_form_field_override(
        models.DateField, override={"form_class": LocalizedDateField, "widget": LocalizedDateInput}
    )
    register_form_field_override(models.DateTimeField, override={"widget": LocalizedDateTimeInput})
