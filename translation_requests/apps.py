from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationRequestsConfig(AppConfig):
    name = "translation_requests"
    verbose_name = _("Translation requests")
