from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import TranslationDemandReportView

REPORT_PERMISSION = "translation_requests.view_translationrequest"


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("", TranslationDemandReportView.as_view(), name="report"),
        path("results/", TranslationDemandReportView.as_view(results_only=True), name="report_results"),
    ]
    return [path("translation-requests/", include((urls, "translation_requests_admin")))]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Translation requests"),
        reverse("translation_requests_admin:report"),
        name="translation-requests",
        icon_name="globe",
        order=750,
    )
