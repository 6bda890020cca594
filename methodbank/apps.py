from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodBankConfig(AppConfig):
    name = "methodbank"
    verbose_name = _("Method bank")
    # Terms, organisations and evaluations show on public pages: saving one empties the page cache (core.page_cache).
    public_content = True

    def ready(self):
        from methodbank import search_registration, signals

        search_registration.register()
        signals.connect()
