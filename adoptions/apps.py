from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdoptionsConfig(AppConfig):
    name = "adoptions"
    verbose_name = _("Adoptions")

    def ready(self):
        from methodbank.merging import describe_merge, items_merged

        from . import search
        from .merging import describe, move_adoptions

        search.register()

        describe_merge.connect(describe, dispatch_uid="adoptions.describe_merge")
        items_merged.connect(move_adoptions, dispatch_uid="adoptions.move_adoptions")
