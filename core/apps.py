from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Parts every content app shares: blocks, translations, the page cache and the admin's page and date forms."""

    name = "core"
    verbose_name = _("Shared parts")

    def ready(self):
        from core import admin_dates, page_cache

        # Before any admin form is built: forms read the overrides when their class is made.
        admin_dates.register()
        page_cache.connect_signals()
