"""Wagtail's user management with one rule added: nobody grants more than the portal's roles.

Moderators manage users, but only administrators may create administrators,
touch an administrator's account or hand out groups other than the roles.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from .roles import ROLE_GROUPS


class RoleLimitedFormMixin:
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.limited = not (for_user and for_user.is_superuser)
        if self.limited:
            self.fields.pop("is_superuser", None)
            if "groups" in self.fields:
                self.fields["groups"].queryset = Group.objects.filter(name__in=ROLE_GROUPS).order_by("name")

    def save(self, commit=True):
        kept = []
        if self.limited and self.instance.pk:
            # Groups the form does not offer stay as they were.
            kept = list(self.instance.groups.exclude(name__in=ROLE_GROUPS))
        user = super().save(commit=commit)
        if commit and kept:
            user.groups.add(*kept)
        return user


class PortalUserCreationForm(RoleLimitedFormMixin, UserCreationForm):
    pass


class PortalUserEditForm(RoleLimitedFormMixin, UserEditForm):
    pass


def protect_administrators(request, user):
    if user.is_superuser and not request.user.is_superuser:
        raise PermissionDenied


class CreateView(users.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class EditView(users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        protect_administrators(request, self.object)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class PortalUserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return PortalUserEditForm if for_update else PortalUserCreationForm
