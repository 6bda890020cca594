from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic import InspectView

from core.moderation_admin import DecisionOnlyViewSet

from . import registration
from .forms import DecisionForm
from .models import Registration


class RegistrationInspectView(InspectView):
    """Shows a request and, while it waits, lets a moderator approve or reject it."""

    template_name = "accounts/admin/registration_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.can_decide():
            context["decision_form"] = kwargs.get("decision_form") or DecisionForm()
        context["registration"] = self.object
        return context

    def get_fields_context(self):
        undecided = {"decided_by", "decided_at", "message"} if self.object.is_pending else set()
        return [self.get_context_for_field(name) for name in self.fields if name not in undecided]

    def can_decide(self):
        return self.object.is_pending and self.user_has_permission("change")

    def post(self, request, *args, **kwargs):
        if not self.user_has_permission("change"):
            raise PermissionDenied
        if not self.object.is_pending:
            messages.error(request, _("This request has already been decided."))
            return redirect(request.path)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            messages.validation_error(request, _("The decision could not be saved."), form)
            return self.render_to_response(self.get_context_data(decision_form=form), status=400)
        decide = registration.approve if form.cleaned_data["decision"] == DecisionForm.APPROVE else registration.reject
        sent = decide(self.object, request.user, form.cleaned_data["message"].strip())
        if form.cleaned_data["decision"] == DecisionForm.APPROVE:
            messages.success(request, _("%(name)s can now sign in as a contributor.") % {"name": self.object.name})
        else:
            messages.success(request, _("The request from %(name)s was rejected.") % {"name": self.object.name})
        if not sent:
            messages.warning(
                request,
                _("The e-mail to %(email)s could not be sent. Tell the applicant another way.")
                % {"email": self.object.email},
            )
        return redirect(self.index_url_name)


class RegistrationViewSet(DecisionOnlyViewSet):
    """Account requests from the sign-up page: read-only, apart from the decision."""

    model = Registration
    icon = "user"
    menu_label = _("Account requests")
    menu_order = 650
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = RegistrationInspectView
    inspect_view_fields = [
        "first_name",
        "last_name",
        "email",
        "organisation",
        "project",
        "language",
        "consent_at",
        "created_at",
        "status",
        "decided_by",
        "decided_at",
        "message",
    ]
    list_display = ["__str__", "organisation", "project", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["first_name", "last_name", "email", "organisation", "project"]
    ordering = ["-created_at"]


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet(registration.ADMIN_NAMESPACE)


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    actions.register_action("accounts.registration.request", _("Request an account"), _("Account requested"))
    actions.register_action("accounts.registration.approve", _("Approve an account request"), _("Request approved"))
    actions.register_action("accounts.registration.reject", _("Reject an account request"), _("Request rejected"))
