from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from methodbank.models import MethodBankIndexPage

        from .roles import index_page_created

        post_save.connect(index_page_created, sender=MethodBankIndexPage, dispatch_uid="accounts_index_roles")
