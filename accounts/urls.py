"""Public account pages; included inside the language prefix, so the paths are translated."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path(_("register/"), views.register, name="register"),
    path(_("register/sent/"), views.register_sent, name="register_sent"),
]
