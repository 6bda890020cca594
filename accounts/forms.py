from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import PasswordResetForm

from . import throttle


class RegistrationForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    # The address becomes the user name, which holds at most 150 characters.
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=150,
        help_text=_("We send the answer to your request here, and you sign in with it."),
    )
    organisation = forms.CharField(
        label=_("Organisation"), max_length=255, help_text=_("The school or organisation you work for.")
    )
    project = forms.CharField(
        label=_("Project"), max_length=255, help_text=_("The project whose models and practices you will document.")
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my details are used to handle my account."),
        error_messages={"required": _("Your request can only be handled if you agree to the privacy notice.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "consent":
                field.error_messages["required"] = _("Fill in this field.")
        self.fields["email"].error_messages["invalid"] = _("Enter an e-mail address such as name@example.fi.")
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def clean(self):
        cleaned_data = super().clean()
        for name in ("first_name", "last_name", "organisation", "project"):
            if name in cleaned_data:
                cleaned_data[name] = " ".join(cleaned_data[name].split())
        return cleaned_data


class DecisionForm(forms.Form):
    APPROVE = "approve"
    REJECT = "reject"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve: open a contributor account")), (REJECT, _("Reject the request"))],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Included in the e-mail. When you reject a request, say why."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("decision") == self.REJECT and not cleaned_data.get("message", "").strip():
            self.add_error("message", _("Tell the applicant why the request was rejected."))
        return cleaned_data


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's password reset (WAGTAILADMIN_USER_PASSWORD_RESET_FORM), sending few e-mails in a flood.

    Past a limit per connection or per address nothing is sent, and the visitor
    sees the usual "check your e-mail" page: the answer never tells whether an
    account has the address.
    """

    def save(self, *args, request=None, **kwargs):
        if throttle.hit("reset-ip", throttle.client_ip(request), "PASSWORD_RESETS_PER_IP") and throttle.hit(
            "reset-mail", self.cleaned_data["email"], "PASSWORD_RESET_MAILS_PER_ADDRESS"
        ):
            super().save(*args, request=request, **kwargs)
