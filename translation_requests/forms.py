from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .demand import language_name, missing_languages

UNKNOWN = "unknown"
AVAILABLE = "available"


class TranslationRequestForm(forms.Form):
    """Which language the visitor wants to read an item in; offers the languages the item lacks.

    A plain field with radio buttons rather than a ChoiceField: a language the item
    already has, or no language of the site at all, each get their own answer
    (a ChoiceField would call both "not one of the available choices").
    """

    language = forms.CharField(
        label=_("The language you want to read it in"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language you want to read this item in.")},
    )

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.versions = versions
        self.fields["language"].widget.choices = [(code, language_name(code)) for code in missing_languages(versions)]

    def clean_language(self):
        code = self.cleaned_data["language"]
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise ValidationError(
                _("The method bank has no such language. Choose one of the languages listed."), code=UNKNOWN
            )
        if code in self.versions:
            raise ValidationError(_("This item is already available in this language."), code=AVAILABLE)
        return code
