"""The visitor's request page; included inside the language prefix, so its path is translated."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "translation_requests"
urlpatterns = [
    path(format_lazy("{}<int:page_id>/", _("translation-request/")), views.request_translation, name="request"),
]
