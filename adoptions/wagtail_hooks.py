from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import InspectView

from core.moderation_admin import DecisionOnlyViewSet

from . import records
from .admin_views import AdoptionPictureView, AdoptionReportView
from .forms import DecisionForm
from .models import Adoption

DECISIONS = {
    DecisionForm.APPROVE: (records.approve, _("The adoption by %(name)s is public now.")),
    DecisionForm.REJECT: (records.reject, _("The adoption by %(name)s was rejected.")),
    DecisionForm.WITHDRAW: (records.withdraw, _("The adoption by %(name)s is no longer shown.")),
}


class AdoptionInspectView(InspectView):
    """Shows an adoption and lets a moderator approve or reject it, or withdraw it once public."""

    template_name = "adoptions/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.can_decide():
            context["decision_form"] = kwargs.get("decision_form") or DecisionForm(adoption=self.object)
        context["adoption"] = self.object
        context["item"] = records.item_for(self.object)
        return context

    def can_decide(self):
        return self.user_has_permission("change") and self.object.state in (
            Adoption.State.PENDING,
            Adoption.State.APPROVED,
        )

    def post(self, request, *args, **kwargs):
        if not self.user_has_permission("change"):
            raise PermissionDenied
        if not self.can_decide():
            messages.error(request, _("This adoption has already been decided."))
            return redirect(request.path)
        form = DecisionForm(request.POST, adoption=self.object)
        if not form.is_valid():
            messages.validation_error(request, _("The decision could not be saved."), form)
            return self.render_to_response(self.get_context_data(decision_form=form), status=400)
        decide, done = DECISIONS[form.cleaned_data["decision"]]
        name = self.object.organisation_name
        decide(self.object, request.user, form.cleaned_data["message"].strip())
        messages.success(request, done % {"name": name})
        return redirect(self.index_url_name)


class AdoptionViewSet(DecisionOnlyViewSet):
    """Adoptions from the public form: read-only, apart from the moderator's decision."""

    model = Adoption
    icon = "group"
    menu_label = _("Adoptions")
    menu_order = 660
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = AdoptionInspectView
    inspect_view_fields = [
        "organisation",
        "proposed_organisation",
        "region",
        "started_on",
        "status",
        "stop_reason",
        "experience",
        "language",
        "contact_name",
        "contact_email",
        "user",
        "created_at",
        "updated_at",
        "state",
        "decided_by",
        "decided_at",
        "message",
    ]
    list_display = ["__str__", "region", "started_on", "state", "updated_at"]
    list_filter = ["state", "status"]
    search_fields = ["proposed_organisation", "experience"]
    ordering = ["-updated_at"]


@hooks.register("register_admin_viewset")
def register_adoption_viewset():
    return AdoptionViewSet(records.ADMIN_NAMESPACE)


@hooks.register("register_log_actions")
def register_adoption_log_actions(actions):
    actions.register_action("adoptions.adoption.submit", _("Record an adoption"), _("Adoption recorded"))
    actions.register_action("adoptions.adoption.update", _("Update an adoption"), _("Adoption updated"))
    actions.register_action("adoptions.adoption.approve", _("Approve an adoption"), _("Adoption approved"))
    actions.register_action("adoptions.adoption.reject", _("Reject an adoption"), _("Adoption rejected"))
    actions.register_action("adoptions.adoption.withdraw", _("Withdraw an adoption"), _("Adoption withdrawn"))


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("adoptions.view_adoption")


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("", AdoptionReportView.as_view(), name="report"),
        path("results/", AdoptionReportView.as_view(results_only=True), name="report_results"),
        path("over-time/", AdoptionPictureView.as_view(), name="picture"),
    ]
    return [path("adoption-report/", include((urls, "adoption_report")))]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Adoptions by item and region"),
        reverse("adoption_report:report"),
        name="adoptions",
        icon_name="group",
        order=760,
    )


@hooks.register("register_reports_menu_item")
def register_picture_menu_item():
    return ReportMenuItem(
        _("Adoptions over time"),
        reverse("adoption_report:picture"),
        name="adoptions-over-time",
        icon_name="group",
        order=761,
    )
