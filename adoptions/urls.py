"""The adoption form; included inside the language prefix, so its path is translated."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "adoptions"
urlpatterns = [
    path(format_lazy("{}<int:page_id>/", _("we-use-this/")), views.record_adoption, name="record"),
]
