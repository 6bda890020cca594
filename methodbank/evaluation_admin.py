"""The admin for evaluation records.

Evaluations have their own admin section rather than living inside the page
editor, so reviewers record them without being able to change the description
they judge. Who may do what:

- peer reviewers record peer evaluations, experts record expert evaluations,
  and each edits the records they recorded (``add`` plus the phase permission);
- moderators see and delete any record (``view``, ``delete``) but do not grade;
- ``change`` would let someone edit anyone's records of the phases they may record.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models.evaluation import EvaluationRecord, phases_user_may_record


class EvaluationPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "add":
            return super().user_has_permission(user, "add") and bool(phases_user_may_record(user))
        if action == "change":
            return self.user_has_permission(user, "add") or super().user_has_permission(user, "change")
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "change":
            if not (user.is_active and user.is_superuser) and instance.phase not in phases_user_may_record(user):
                return False
            owns = instance.created_by_id is not None and instance.created_by_id == user.pk
            return super().user_has_permission(user, "change") or (owns and super().user_has_permission(user, "add"))
        return super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)


class CreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class EditView(generic.EditView):
    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", instance):
            raise PermissionDenied
        return instance


class EvaluationViewSet(ModelViewSet):
    model = EvaluationRecord
    icon = "tasks"
    menu_label = _("Evaluations")
    menu_order = 260
    add_to_admin_menu = True
    add_view_class = CreateView
    edit_view_class = EditView
    inspect_view_enabled = True
    list_display = ["__str__", "phase", "evaluated_on", "outcome", "status"]
    list_filter = ["phase", "status", "outcome"]
    ordering = ["-evaluated_on", "-pk"]
