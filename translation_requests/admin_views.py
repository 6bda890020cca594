"""The translators' side: which items visitors want in which language, most requested first."""

from dataclasses import dataclass
from datetime import datetime

import django_filters
from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import TranslationSource

from .demand import language_name
from .models import TranslationRequest


@dataclass
class Demand:
    """One row of the report: an item that visitors want in a language it is not published in."""

    source: Page  # the version a translation starts from
    locale: Locale  # the language asked for
    count: int
    last_requested: datetime
    draft: Page | None  # a translation into that language that was started but is not live

    @property
    def title(self):
        return self.source.get_admin_display_title()

    @property
    def written_in(self):
        return language_name(self.source.locale.language_code)

    @property
    def requested_language(self):
        return language_name(self.locale.language_code)

    @property
    def action(self):
        """``(label, url)``: start wagtail-localize's "Translate this page" into the language, or go on with it."""
        if self.draft is not None:
            return _("Continue translating"), reverse("wagtailadmin_pages:edit", args=[self.draft.pk])
        url = reverse("wagtail_localize:submit_page_translation", args=[self.source.pk])
        return _("Translate"), f"{url}?{urlencode({'select_locale': self.locale.language_code})}"


class ItemColumn(TitleColumn):
    """The item's title (in its own language, linked to its editor), the requested language, the language it
    is written in, and the action: one cell, so that the report fits a phone."""

    cell_template_name = "translation_requests/admin/item_cell.html"

    def get_link_url(self, instance, parent_context):
        return reverse("wagtailadmin_pages:edit", args=[instance.source.pk])

    def get_link_attrs(self, instance, parent_context):
        return {"lang": instance.source.locale.language_code}

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # The translate link, for those who may send pages for translation (wagtail-localize's own check).
        context["may_translate"] = parent_context["request"].user.has_perm("wagtail_localize.submit_translation")
        return context


def requested_languages():
    return [(code, language_name(code)) for code, _name in settings.LANGUAGES]


class DemandFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Requested language"),
        field_name="locale__language_code",
        choices=requested_languages,
        empty_label=_("All languages"),
    )

    class Meta:
        model = TranslationRequest
        fields = ["language"]


class DemandPaginator(WagtailPaginator):
    """Counts rows as what they are, "5 requested translations", not as the model's single requests."""

    verbose_name = _("requested translation")
    verbose_name_plural = _("requested translations")


class TranslationDemandReportView(ReportView):
    page_title = _("Translation requests")
    header_icon = "globe"
    index_url_name = "translation_requests_admin:report"
    index_results_url_name = "translation_requests_admin:report_results"
    filterset_class = DemandFilterSet
    permission_policy = ModelPermissionPolicy(TranslationRequest)
    permission_required = "view"
    paginator_class = DemandPaginator
    verbose_name_plural = DemandPaginator.verbose_name_plural
    columns = [
        ItemColumn("title", label=_("Item")),
        NumberColumn("count", label=_("Requests")),
        DateColumn("last_requested", label=_("Last requested")),
    ]

    def get_queryset(self):
        live = Page.objects.live().filter(translation_key=OuterRef("translation_key"))
        return (
            TranslationRequest.objects
            # Items still published, and only the languages they are not yet published in.
            .filter(Exists(live), ~Exists(live.filter(locale=OuterRef("locale"))))
            .values("translation_key", "locale")
            .annotate(count=Count("pk"), last_requested=Max("requested_at"))
            .order_by("-count", "-last_requested", "translation_key", "locale")
        )

    def paginate_queryset(self, queryset, page_size):
        # The table is built from this page of rows before decorate_paginated_queryset would run.
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        return paginator, page, self.demands(rows), is_paginated

    def demands(self, rows):
        keys = {row["translation_key"] for row in rows}
        locales = Locale.objects.in_bulk({row["locale"] for row in rows})
        versions = {}
        for page in Page.objects.filter(translation_key__in=keys).select_related("locale").order_by("pk"):
            versions.setdefault(page.translation_key, []).append(page)
        source_locales = dict(
            TranslationSource.objects.filter(object_id__in=keys).values_list("object_id", "locale_id")
        )
        demands = []
        for row in rows:
            pages = versions[row["translation_key"]]
            live = [page for page in pages if page.live]
            # Translate from wherever earlier translations of the item came from, else from its first version.
            source_locale = source_locales.get(row["translation_key"])
            source = next((page for page in live if page.locale_id == source_locale), live[0])
            draft = next((page for page in pages if page.locale_id == row["locale"]), None)
            demands.append(Demand(source, locales[row["locale"]], row["count"], row["last_requested"], draft))
        return demands
