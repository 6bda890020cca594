"""The coordinators' views: the report of approved adoptions per item and region, for a period, with CSV and
Excel export; and the picture of the whole bank (adoptions over time, the items used most; ``picture``)."""

from dataclasses import dataclass
from datetime import date

import django_filters
from django import forms
from django.db.models import Count, Max, Min
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from methodbank.models import Region

from . import picture
from .models import Adoption
from .records import item_titles


@dataclass
class Row:
    item: str
    region: str
    adoptions: int
    using: int
    stopped: int
    first_started: date
    last_started: date


class AdoptionReportFilterSet(WagtailFilterSet):
    started_from = django_filters.DateFilter(
        label=_("Started on or after"),
        field_name="started_on",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    started_to = django_filters.DateFilter(
        label=_("Started on or before"),
        field_name="started_on",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    region = django_filters.ChoiceFilter(label=_("Region"), field_name="region__code", choices=lambda: region_choices())

    class Meta:
        model = Adoption
        fields = ["started_from", "started_to", "region"]


def region_choices():
    regions = Region.objects.filter(locale=Locale.get_active(), is_national=False).order_by("sort_order", "name")
    return list(regions.values_list("code", "name"))


class AdoptionReportView(ReportView):
    page_title = _("Adoptions by item and region")
    header_icon = "group"
    index_url_name = "adoption_report:report"
    index_results_url_name = "adoption_report:report_results"
    filterset_class = AdoptionReportFilterSet
    permission_policy = ModelPermissionPolicy(Adoption)
    permission_required = "view"
    export_filename = "adoptions"
    columns = [
        Column("item", label=_("Item")),
        Column("region", label=_("Region")),
        NumberColumn("adoptions", label=_("Adoptions")),
        NumberColumn("using", label=_("In use or trying")),
        NumberColumn("stopped", label=_("Stopped")),
        DateColumn("first_started", label=_("First started")),
        DateColumn("last_started", label=_("Last started")),
    ]
    list_export = ["item", "region", "adoptions", "using", "stopped", "first_started", "last_started"]

    def get_heading(self, queryset, field):
        # The CSV is streamed after the request's language is gone: the headings are fixed while it is active.
        return self.headings[field]

    def get_queryset(self):
        return Adoption.objects.filter(state=Adoption.State.APPROVED)

    def get_filtered_queryset(self):
        """Rows, not adoptions: one per item and region, with the item's title and the region's name."""
        grouped = (
            self.filter_queryset(self.get_queryset())
            .values("translation_key", "region__code")
            .annotate(
                adoptions=Count("pk"),
                stopped=Count("pk", filter=Adoption.stopped_filter()),
                first_started=Min("started_on"),
                last_started=Max("started_on"),
            )
            .order_by("-adoptions", "translation_key", "region__code")
        )
        grouped = list(grouped)
        self.headings = {column.name: str(column.label) for column in self.columns}
        titles = item_titles({row["translation_key"] for row in grouped})
        regions = dict(region_choices())
        return [
            Row(
                titles.get(row["translation_key"], str(row["translation_key"])),
                regions.get(row["region__code"], row["region__code"]),
                row["adoptions"],
                row["adoptions"] - row["stopped"],
                row["stopped"],
                row["first_started"],
                row["last_started"],
            )
            for row in grouped
        ]


class AdoptionPictureView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Adoptions over time, for those who may see the report."""

    page_title = _("Adoptions over time")
    header_icon = "group"
    template_name = "adoptions/admin/picture.html"
    permission_policy = ModelPermissionPolicy(Adoption)
    permission_required = "view"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(picture=picture.build(), top_items=picture.TOP_ITEMS, **kwargs)
