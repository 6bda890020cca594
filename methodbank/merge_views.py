"""The "Merge into…" admin view: choose the item that remains, see what moves, confirm."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from methodbank.merging import MergeError, merge_items, merge_problem, plan_merge
from methodbank.models import MethodBankPage


def item_label(page):
    return f"{page.title} ({page.get_item_type_display_plain()}, {page.locale.language_code})"


class ItemSelect(forms.Select):
    """A select that keeps to the screen's width: Wagtail sizes a plain Select (``w-field--select``) to its
    longest option, and the items' titles are long."""


class MergeForm(forms.Form):
    remaining = forms.ModelChoiceField(
        label=_("The item that remains"),
        queryset=MethodBankPage.objects.all(),
        widget=ItemSelect,
        help_text=_("This item is merged into the one you choose, which keeps its address; this one redirects to it."),
        error_messages={"invalid_choice": _("Choose an item from the list.")},
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, removed, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.removed = removed
        self.user = user
        # Any item validates (so that a wrong choice gets its own message); the list offers the sensible ones.
        choices = (
            MethodBankPage.objects.filter(item_type=removed.item_type, live=True, alias_of__isnull=True)
            .exclude(translation_key=removed.translation_key)
            .select_related("locale")
            .order_by("title", "locale__language_code")
        )
        self.fields["remaining"].widget.choices = [("", "---------")] + [
            (page.pk, item_label(page)) for page in choices
        ]

    def clean_remaining(self):
        remaining = self.cleaned_data["remaining"].specific
        problem = merge_problem(self.removed, remaining, self.user)
        if problem:
            raise forms.ValidationError(problem)
        return remaining


class MergeView(WagtailAdminTemplateMixin, FormView):
    form_class = MergeForm
    template_name = "methodbank/admin/merge.html"
    header_icon = "resubmit"
    page_title = _("Merge into another item")

    def dispatch(self, request, pk):
        self.removed = get_object_or_404(MethodBankPage, pk=pk).specific
        if not self.removed.permissions_for_user(request.user).can_unpublish():
            return permission_denied(request)
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.removed.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_pages:edit", args=[self.removed.pk]), "label": self.get_page_subtitle()},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        # The duplicate warning's link names the other item.
        return {"remaining": self.request.GET.get("remaining")}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "removed": self.removed, "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["removed"] = self.removed
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[self.removed.pk])
        return context

    def form_valid(self, form):
        remaining = form.cleaned_data["remaining"]
        if not form.cleaned_data["confirm"]:
            # First the summary: nothing changes before the moderator has seen what moves.
            confirm_form = MergeForm(
                initial={"remaining": remaining.pk, "confirm": True}, removed=self.removed, user=self.request.user
            )
            confirm_form.fields["remaining"].widget = forms.HiddenInput()
            return self.render_to_response(
                self.get_context_data(form=confirm_form, plan=plan_merge(self.removed, remaining))
            )
        try:
            merge_items(self.removed, remaining, self.request.user)
        except MergeError as error:
            form.add_error("remaining", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("“%(removed)s” is merged into “%(remaining)s”; its address redirects there.")
            % {"removed": self.removed.title, "remaining": remaining.title},
        )
        return redirect("wagtailadmin_pages:edit", remaining.pk)
