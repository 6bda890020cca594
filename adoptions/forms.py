from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from methodbank.models import Organisation, Region

from .models import Adoption
from .records import canonical, default_region


class AdoptionForm(forms.Form):
    """ "We use this": the organisation, where and since when, how it went. Terms are offered in the active
    language and stored as one row per term whatever the language (``records.canonical``)."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Choose an organisation"),
        error_messages={"invalid_choice": _("The method bank has no such organisation. Choose one from the list.")},
    )
    new_organisation = forms.CharField(
        label=_("Or the name of an organisation not on the list"),
        required=False,
        max_length=255,
        help_text=_("A moderator adds it to the method bank's organisations."),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.none(),
        required=False,
        empty_label=_("The organisation's region"),
        help_text=_("Leave it as it is to use the region where the organisation is known to work."),
        error_messages={"invalid_choice": _("There is no such region. Choose one of Finland's regions from the list.")},
    )
    started_on = forms.DateField(
        label=_("Started on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Tell us when your organisation started using it."),
            "invalid": _("Enter the date as a calendar date, for example 2025-08-15."),
        },
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Adoption.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you are trying it, using it or have stopped.")},
    )
    stop_reason = forms.CharField(
        label=_("Why did you stop?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only if you stopped. Shown on the item's page."),
    )
    experience = forms.CharField(
        label=_("Your experience"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("A few sentences in your own language: what worked, what you changed. Shown on the item's page."),
    )
    language = forms.ChoiceField(label=_("Language of the experience"), choices=settings.LANGUAGES)
    contact_name = forms.CharField(label=_("Public contact person"), required=False, max_length=150)
    contact_email = forms.EmailField(
        label=_("Public contact e-mail"),
        required=False,
        help_text=_("Optional. Shown on the item's page so that others can ask you about it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = Locale.get_active()
        self.fields["organisation"].queryset = Organisation.objects.filter(locale=locale).order_by("name")
        self.fields["region"].queryset = Region.objects.filter(locale=locale, is_national=False).order_by(
            "sort_order", "name"
        )
        self.fields["language"].initial = translation.get_language()

    def clean_started_on(self):
        started_on = self.cleaned_data["started_on"]
        if started_on > timezone.localdate():
            raise ValidationError(_("The start date cannot be in the future."), code="future")
        return started_on

    def clean_new_organisation(self):
        return " ".join(self.cleaned_data["new_organisation"].split())

    def clean(self):
        cleaned_data = super().clean()
        organisation = cleaned_data.get("organisation")
        new_name = cleaned_data.get("new_organisation", "")
        if "organisation" in self.errors:
            return cleaned_data
        if organisation and new_name:
            self.add_error("new_organisation", _("Choose an organisation from the list or write a new name, not both."))
            return cleaned_data
        if not organisation and not new_name:
            self.add_error("organisation", _("Choose your organisation, or write its name if it is not on the list."))
            return cleaned_data
        if not organisation:
            # A name the method bank already knows is that organisation, not a new one.
            organisation = Organisation.objects.filter(name__iexact=new_name).order_by("pk").first()
        cleaned_data["organisation"] = canonical(organisation) if organisation else None
        if "region" not in self.errors:
            region = cleaned_data.get("region")
            if region is None and cleaned_data["organisation"] is not None:
                region = default_region(cleaned_data["organisation"])
            if region is None:
                self.add_error("region", _("Choose the region: the method bank does not know the organisation's yet."))
            else:
                cleaned_data["region"] = canonical(region)
        if cleaned_data.get("status") == Adoption.Status.STOPPED and not cleaned_data.get("stop_reason", "").strip():
            self.add_error("stop_reason", _("Tell others why you stopped: it helps them decide."))
        elif cleaned_data.get("status") != Adoption.Status.STOPPED:
            cleaned_data["stop_reason"] = ""
        return cleaned_data


class DecisionForm(forms.Form):
    APPROVE = "approve"
    REJECT = "reject"
    WITHDRAW = "withdraw"

    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For the moderators' record: why you decided so."),
    )

    def __init__(self, *args, adoption, **kwargs):
        super().__init__(*args, **kwargs)
        if adoption.state == Adoption.State.APPROVED:
            choices = [(self.WITHDRAW, _("Withdraw: take it off the item's page"))]
        else:
            choices = [(self.APPROVE, _("Approve: show it on the item's page")), (self.REJECT, _("Reject"))]
        self.fields["decision"].choices = choices
