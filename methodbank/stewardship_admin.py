"""Reviews in the admin: the review form with its checklist, and the report of items due for review."""

from dataclasses import dataclass
from datetime import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.models import LinkStatus
from methodbank.models import ItemReview, ItemType, MethodBankPage, PageLink
from methodbank.models.method_bank_page import steward_label
from methodbank.models.stewardship import REVIEW_LOG_ACTION, due_for_review, one_version_per_item

CHECKLIST = {
    "links_work": _("The links work."),
    "contacts_current": _("The contacts are current."),
    "still_in_use": _("The item is still in use, as the page describes it."),
}


class ReviewForm(forms.Form):
    """A review counts only when the reviewer has checked every point."""

    links_work = forms.BooleanField(label=CHECKLIST["links_work"])
    contacts_current = forms.BooleanField(label=CHECKLIST["contacts_current"])
    still_in_use = forms.BooleanField(label=CHECKLIST["still_in_use"])
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you checked or changed; kept in the page's history."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in CHECKLIST:
            self.fields[name].error_messages["required"] = _(
                "Check this point before marking the item reviewed; if it does not hold, edit the item first."
            )


class ReviewView(WagtailAdminTemplateMixin, FormView):
    """Marks an item (all its languages) reviewed today, after the checklist; the only way the date changes."""

    form_class = ReviewForm
    template_name = "methodbank/admin/review.html"
    header_icon = "tasks"
    page_title = _("Review an item")

    def dispatch(self, request, pk):
        self.page = get_object_or_404(MethodBankPage, pk=pk).specific
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["review"] = self.page.latest_review()
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        return context

    def form_valid(self, form):
        note = form.cleaned_data["note"].strip()
        review = ItemReview.objects.create(page=self.page, reviewed_by=self.request.user, note=note)
        log(instance=self.page, action=REVIEW_LOG_ACTION, user=self.request.user, data={"note": note})
        messages.success(
            self.request,
            gettext("“%(title)s” is marked reviewed on %(date)s, in every language.")
            % {"title": self.page.get_admin_display_title(), "date": f"{review.reviewed_at:%-d.%-m.%Y}"},
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)


@dataclass
class DueItem:
    """One row of the report: an item (one version of it) that nobody has reviewed within the period."""

    page: MethodBankPage
    last_reviewed: datetime | None

    @property
    def title(self):
        return self.page.get_admin_display_title()

    @property
    def item_type(self):
        return self.page.get_item_type_display_plain()

    @property
    def steward(self):
        return steward_description(self.page)

    @property
    def last_reviewed_display(self):
        if self.last_reviewed is None:
            return gettext("Never")
        return f"{self.last_reviewed:%-d.%-m.%Y}"

    @property
    def review_label(self):
        return gettext("Review")


def steward_description(page):
    """Who looks after the item, as the report shows it; a steward whose account is closed is said so."""
    user = page.steward
    if user is not None and user.is_active:
        return steward_label(user)
    if page.steward_email:
        return page.steward_email
    if user is not None:
        return gettext("%(name)s (account closed): choose a new steward") % {"name": steward_label(user)}
    return gettext("No steward")


class DueFilterSet(WagtailFilterSet):
    item_type = django_filters.ChoiceFilter(label=_("Type"), choices=ItemType.choices, empty_label=_("All types"))
    without_steward = django_filters.BooleanFilter(
        label=_("Without a steward"), method="filter_without_steward", widget=forms.CheckboxInput
    )

    class Meta:
        model = MethodBankPage
        fields = ["item_type"]

    def filter_without_steward(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(steward_email="").exclude(steward__is_active=True)


class DuePaginator(WagtailPaginator):
    verbose_name = _("item due for review")
    verbose_name_plural = _("items due for review")


class DueForReviewReportView(ReportView):
    page_title = _("Due for review")
    header_icon = "tasks"
    index_url_name = "methodbank_reviews:due"
    index_results_url_name = "methodbank_reviews:due_results"
    filterset_class = DueFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    paginator_class = DuePaginator
    verbose_name_plural = DuePaginator.verbose_name_plural
    columns = [
        TitleColumn(
            "title", label=_("Item"), get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page.pk])
        ),
        Column("item_type", label=_("Type")),
        Column("steward", label=_("Steward")),
        Column("last_reviewed_display", label=_("Last reviewed")),
        TitleColumn(
            "review_label", label=_("Action"), get_url=lambda row: reverse("methodbank_review", args=[row.page.pk])
        ),
    ]

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        pages = one_version_per_item(MethodBankPage.objects.filter(pk__in=editable.values("pk")))
        return due_for_review(pages).select_related("steward", "locale").order_by("last_reviewed", "title", "pk")

    def paginate_queryset(self, queryset, page_size):
        paginator, page, pages, is_paginated = super().paginate_queryset(queryset, page_size)
        return paginator, page, [DueItem(item, item.last_reviewed) for item in pages], is_paginated


class BrokenLinkFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(status, status.label) for status in (LinkStatus.Status.GONE, LinkStatus.Status.UNREACHABLE)],
        empty_label=_("Gone or unreachable"),
        method="filter_status",
    )

    class Meta:
        model = PageLink
        fields = ["status"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(link_status=value) if value else queryset


class BrokenLinksPaginator(WagtailPaginator):
    verbose_name = _("broken link")
    verbose_name_plural = _("broken links")


@dataclass
class BrokenLink:
    link: PageLink
    check: LinkStatus

    @property
    def title(self):
        return self.link.page.get_admin_display_title()

    @property
    def steward(self):
        return steward_description(self.link.page)

    @property
    def url(self):
        return self.link.url

    @property
    def status(self):
        label = self.check.get_status_display()
        return f"{label} ({self.check.http_status})" if self.check.http_status else f"{label}: {self.check.error}"

    @property
    def since(self):
        return f"{self.check.status_since:%-d.%-m.%Y}"

    @property
    def archive_label(self):
        return self.check.archived_url or gettext("Add the address of an archived copy")


class BrokenLinksReportView(ReportView):
    """Links that are gone or unreachable, by steward and item, so that each steward can fix theirs."""

    page_title = _("Broken links")
    header_icon = "link-external"
    index_url_name = "methodbank_reviews:broken_links"
    index_results_url_name = "methodbank_reviews:broken_links_results"
    filterset_class = BrokenLinkFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    paginator_class = BrokenLinksPaginator
    verbose_name_plural = BrokenLinksPaginator.verbose_name_plural
    columns = [
        TitleColumn(
            "title", label=_("Item"), get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.link.page_id])
        ),
        Column("steward", label=_("Steward")),
        Column("url", label=_("Address")),
        Column("status", label=_("Status")),
        Column("since", label=_("Since")),
        TitleColumn(
            "archive_label",
            label=_("Archived copy"),
            get_url=lambda row: reverse("link_checks:edit", args=[row.check.pk]),
        ),
    ]

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        status = LinkStatus.objects.filter(url=OuterRef("url")).values("status")[:1]
        return (
            PageLink.objects.filter(page__in=editable.values("pk"))
            .annotate(link_status=Subquery(status))
            .filter(link_status__in=[LinkStatus.Status.GONE, LinkStatus.Status.UNREACHABLE])
            .select_related("page__steward")
            .order_by("page__steward__username", "page__steward_email", "page__title", "url")
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, links, is_paginated = super().paginate_queryset(queryset, page_size)
        checks = LinkStatus.objects.in_bulk([link.url for link in links], field_name="url")
        return paginator, page, [BrokenLink(link, checks[link.url]) for link in links], is_paginated


class NoAddingPolicy(ModelPermissionPolicy):
    """Checks are made by ``check_links`` only: nobody adds one by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class LinkStatusViewSet(ModelViewSet):
    """The link checks, where a moderator records an archived copy of a gone page; the checker owns the rest."""

    model = LinkStatus
    icon = "link-external"
    add_to_admin_menu = False
    form_fields = ["archived_url"]
    list_display = ["url", "status", "status_since", "archived_url"]
    list_filter = ["status"]
    search_fields = ["url"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
