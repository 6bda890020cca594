from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodBankConfig(AppConfig):
    name = "methodbank"
    verbose_name = _("Method bank")

    def ready(self):
        from methodbank import search_registration, signals

        search_registration.register()
        signals.connect()
