"""Rebuild search documents when pages are published, unpublished, moved or deleted; count cached searches.

A change of view restrictions, or a move, changes which pages visitors may see below a page: browsing
(``search.browse``) follows.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

from core import page_cache
from search import browse, documents, listing, registry
from search.models import SearchDocument

# Saves that touch only these fields (drafts, locks, workflow) leave the live content as it was.
CONTENT_FIELDS = {"title", "live", "locale", "slug", "url_path", "first_published_at"}


def page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None and not CONTENT_FIELDS.intersection(update_fields):
        return
    page = instance if type(instance) is not Page else instance.specific
    documents.update_document(page)
    # Items whose facet values read this page (a project's models and practices take its funding, scope and year).
    for dependent in registry.dependents(page):
        documents.update_document(dependent, fresh_source=page)


def page_unpublished_handler(sender, instance, **kwargs):
    documents.remove_document(instance.pk)


def page_moved_handler(sender, instance, **kwargs):
    # Moved under a private section (or out of one), the page's descendants change visibility with it.
    browse.refresh(Page.objects.descendant_of(instance, inclusive=True).values_list("translation_key", flat=True))


def view_restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        browse.rebuild()


def document_deleted(sender, instance, **kwargs):
    # Also when a page's deletion takes its document with it.
    documents.delete_from_backends(instance.pk)
    browse.refresh({instance.translation_key})


def connect():
    post_save.connect(page_saved, dispatch_uid="search_page_saved")
    page_unpublished.connect(page_unpublished_handler, dispatch_uid="search_page_unpublished")
    post_page_move.connect(page_moved_handler, dispatch_uid="search_page_moved")
    post_save.connect(view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_gone")
    post_delete.connect(document_deleted, sender=SearchDocument, dispatch_uid="search_document_deleted")
    page_cache.served_from_cache.connect(listing.count_cached_search, dispatch_uid="search_count_cached_search")
