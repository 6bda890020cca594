"""Pages inside the language prefix: the report of a selection and the open data page."""

from django.urls import path

from . import views

urlpatterns = [
    path("report/", views.report_download, name="report_download"),
    path("open-data/", views.open_data_page, name="open_data"),
]
