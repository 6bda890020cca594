"""Open data files: outside the language prefix, like the search API (portal/urls.py includes them)."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("catalog.jsonld", views.open_data_catalogue, name="open_data_catalogue"),
    re_path(r"^methodbank\.(?P<extension>csv|jsonld)$", views.open_data_dataset, name="open_data_dataset"),
    path("items/<uuid:key>/<str:language>.jsonld", views.open_data_item, name="open_data_item"),
]
