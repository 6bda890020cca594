from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and content pages")
    # Every model of the app shows on public pages: saving one empties the page cache (core.page_cache).
    public_content = True
