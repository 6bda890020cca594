"""Editors confirm or remove the terms an import suggested (``TermSuggestion``), from the page editor's panel.

Each action asks first (a GET shows what will happen, a POST does it), so that leaving the editor never
loses unsaved work silently: the browser warns before navigating away from unsaved changes. Confirming
keeps the term; removing takes it off the page; "add back" undoes a removal. The change to the page is
made on its latest revision: published at once when the page had no other unpublished changes and the
editor may publish, otherwise kept as a draft for the usual review.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from methodbank.models import TermSuggestion

Status = TermSuggestion.Status
ACTIONS = {
    "confirm": (Status.CONFIRMED, True),
    "remove": (Status.REMOVED, False),
    "restore": (Status.CONFIRMED, True),
}


class TermSuggestionDecisionView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "methodbank/admin/term_suggestion_decision.html"
    header_icon = "tag"

    def dispatch(self, request, pk, action):
        if action not in ACTIONS:
            raise Http404
        self.action = action
        self.suggestion = get_object_or_404(TermSuggestion.objects.select_related("page"), pk=pk)
        self.page = self.suggestion.page.specific
        self.permissions = self.page.permissions_for_user(request.user)
        if not self.permissions.can_edit():
            raise PermissionDenied
        term = self.suggestion.term(self.page.locale_id)
        self.term_name = term.name if term else self.suggestion.code
        return super().dispatch(request)

    def get_page_title(self):
        return {
            "confirm": _("Confirm a suggested term"),
            "remove": _("Remove a suggested term"),
            "restore": _("Add a removed term back"),
        }[self.action]

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        values = {"term": self.term_name, "title": self.page.get_admin_display_title()}
        context.update(
            suggestion=self.suggestion,
            provenance=self.suggestion.provenance(),
            question={
                "confirm": gettext("Keep “%(term)s” on “%(title)s”? Later imports will not take it off."),
                "remove": gettext("Take “%(term)s” off “%(title)s”? Later imports will not add it again."),
                "restore": gettext("Put “%(term)s” back on “%(title)s”?"),
            }[self.action]
            % values,
            button={"confirm": _("Yes, confirm"), "remove": _("Yes, remove"), "restore": _("Yes, add back")}[
                self.action
            ],
            edit_url=self.edit_url(),
        )
        return context

    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk]) + "#tab-classification"

    def post(self, request):
        if self.permissions.page_locked():
            messages.error(request, gettext("The page is locked: ask whoever locked it, or unlock it first."))
            return redirect(self.edit_url())
        status, wanted = ACTIONS[self.action]
        outcome = set_term(self.page, self.suggestion, wanted, request.user, self.permissions.can_publish())
        self.suggestion.status, self.suggestion.decided_by = status, request.user
        self.suggestion.decided_at = timezone.now()
        self.suggestion.save(update_fields=["status", "decided_by", "decided_at"])
        values = {"term": self.term_name}
        done = {
            "confirm": gettext("“%(term)s” is confirmed."),
            "remove": gettext("“%(term)s” is removed from the page."),
            "restore": gettext("“%(term)s” is back on the page."),
        }[self.action]
        if outcome == "draft":
            done += " " + gettext("The change is saved as a draft: publish the page to show it.")
        messages.success(request, done % values)
        return redirect(self.edit_url())


def set_term(page, suggestion, wanted, user, may_publish):
    """Put the suggested term on the page or take it off; "unchanged", "published" or "draft"."""
    term = suggestion.term(page.locale_id)
    latest = page.get_latest_revision_as_object()
    manager = getattr(latest, suggestion.vocabulary)
    terms = [item for item in manager.all() if item.pk != getattr(term, "pk", None)]
    if term is not None and wanted:
        terms.append(term)
    if {item.pk for item in terms} == {item.pk for item in manager.all()}:
        return "unchanged"
    publish = may_publish and page.live and not page.has_unpublished_changes
    manager.set(terms)
    revision = latest.save_revision(user=user)
    if publish:
        revision.publish(user=user)
        return "published"
    return "draft"
