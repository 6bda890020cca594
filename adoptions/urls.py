"""The adoption form and the contacts' opt-out page; included inside the language prefix, so their paths are
translated."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "adoptions"
urlpatterns = [
    path(format_lazy("{}<int:page_id>/", _("we-use-this/")), views.record_adoption, name="record"),
    path(format_lazy("{}<str:token>/", _("adoption-emails/stop/")), views.opt_out, name="opt_out"),
]
