from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import report_admin, stored_report_file


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("", report_admin, name="report"),
        path("<int:pk>/file/", stored_report_file, name="stored_file"),
    ]
    return [path("method-bank-report/", include((urls, "reports_admin")))]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        _("Method bank report"),
        reverse("reports_admin:report"),
        name="method-bank-report",
        icon_name="doc-full",
        order=760,
    )
