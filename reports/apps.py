from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports and open data")

    def ready(self):
        from search import registry

        from .openapi import openapi_paths

        registry.register_api_paths(openapi_paths)
