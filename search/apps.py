from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def build_missing_documents(sender, using="default", **kwargs):
    """After migrating, give every live page without a search document one (first deploy, restored databases),
    and build browsing's index when it is empty (the migration that added it)."""
    from wagtail.models import Page

    from search import browse
    from search.documents import rebuild_all
    from search.models import BrowseEntry, SearchDocument

    missing = Page.objects.using(using).live().filter(depth__gt=1).exclude(pk__in=SearchDocument.objects.values("pk"))
    if missing.exists():
        rebuild_all(missing)
    if not BrowseEntry.objects.exists() and SearchDocument.objects.exists():
        browse.rebuild()


class SiteSearchConfig(AppConfig):
    name = "search"
    label = "sitesearch"
    verbose_name = _("Site search")

    def ready(self):
        from search import checks, signals  # noqa: F401 - checks registers itself

        signals.connect()
        post_migrate.connect(build_missing_documents, sender=self, dispatch_uid="search_build_missing_documents")
