"""Keep each live page's SearchDocument, its facet values and the search backends up to date."""

import contextvars
import logging
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Manager, prefetch_related_objects
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail.search.backends import get_search_backends_with_name

from core import page_cache
from core.many_to_many import load_many_to_many
from search import browse, registry
from search.analysis import LANGUAGES, analyse_words, sort_key, words
from search.models import FacetValue, PendingIndexUpdate, SearchDocument, SearchWord
from search.suggestions import add_words, vocabulary_words
from search.term_names import tag_terms

logger = logging.getLogger(__name__)

# How many missed updates to resend when a backend answers again.
PENDING_BATCH = 200
# Pages per transaction and per bulk send when rebuilding everything.
REBUILD_CHUNK = 500
# While rebuild_all runs: {(model, pk, locale id): object in that language}, so that each
# vocabulary term is looked up once per language rather than once per page.
_translations = contextvars.ContextVar("search_document_translations", default=None)
# While rebuild_all runs: the (language, word) pairs already recorded, so that each is written once.
_recorded_words = contextvars.ContextVar("search_recorded_words", default=None)
# Within ``deferred_updates``: the pages whose documents to rebuild when it ends.
_deferred = contextvars.ContextVar("search_deferred_pages", default=None)


def is_database_backend(backend):
    # Subclasses too: search.backends.postgres is the database backend with per-language configurations.
    database_modules = ("modelsearch.backends.database", "wagtail.search.backends.database")
    return any(cls.__module__.startswith(database_modules) for cls in type(backend).__mro__)


def _related_objects(value):
    if value is None:
        return []
    if isinstance(value, Manager):
        return list(value.all())
    if callable(value):
        value = value()
    return [value]


def _in_language(obj, locale):
    """A translatable object in the page's language when it exists: translations keep their source's links."""
    if not isinstance(obj, TranslatableMixin) or obj.locale_id == locale.pk:
        return obj
    memo = _translations.get()
    if memo is None:
        return obj.get_translation_or_none(locale) or obj
    key = (type(obj), obj.pk, locale.pk)
    if key not in memo:
        memo[key] = obj.get_translation_or_none(locale) or obj
    return memo[key]


def _texts(obj, fields, locale, top_level=True):
    for field in fields:
        if isinstance(field, index.SearchField):
            if top_level and field.field_name == "title":
                continue
            value = field.get_value(obj)
            if isinstance(value, list | tuple):
                yield from (str(item) for item in value if item)
            elif value:
                yield str(value)
        elif isinstance(field, index.RelatedFields):
            for related in _related_objects(field.get_value(obj)):
                yield from _texts(_in_language(related, locale), field.fields, locale, top_level=False)


def page_texts(page):
    """Everything searchable on a page except its title, in the page's language."""
    return list(_texts(page, type(page).get_search_fields(), page.locale))


def facet_values(page, fresh_source=None):
    """``(facet, value)`` pairs of a page, all language-independent codes: an item's, as its app registered them
    (``search.registry``); for other pages, the "other page" value of the facets that have one (their type)."""
    if registry.is_item(page):
        return registry.item_facet_values(page, fresh_source)
    return registry.other_page_values()


def facet_words(values):
    """``SearchDocument.facets``: the filter values as "facet=value" words (keywords are no filter)."""
    return " ".join(sorted(f"{facet}={value}" for facet, value in values if facet != "keyword"))


def should_have_document(page):
    return page.live and page.depth > 1 and page.locale.language_code in LANGUAGES


DOCUMENT_FIELDS = (
    "language",
    "translation_key",
    "title",
    "sort_title",
    "title_terms",
    "text_terms",
    "text",
    "is_item",
    "published_at",
    "facets",
    "item_number",
)


def document_fields(page, values=(), number=0):
    """The field values of ``page``'s SearchDocument (text analysed in the page's language), and its vocabulary.

    ``values`` are the page's facet values: its vocabulary terms join the text terms as tag terms, which
    queries naming those terms in any language match (``search.term_names``); ``number`` is what an app above
    search gives the item (``registry.register_item_data``).
    """
    language = page.locale.language_code
    text = "\n".join(page_texts(page))
    title_words, text_words = words(page.title), words(text)
    fields = {
        "language": language,
        "translation_key": page.translation_key,
        "title": page.title[:255],
        "sort_title": sort_key(page.title, language)[:255],
        "title_terms": analyse_words(title_words, language),
        "text_terms": " ".join(filter(None, [analyse_words(text_words, language), tag_terms(values)])),
        "text": text,
        "is_item": registry.is_item(page),
        "published_at": page.first_published_at,
        "facets": facet_words(values),
        "item_number": number,
    }
    # Each word is split out of the text once, for the terms and for "Did you mean …?".
    vocabulary = {(language, word) for word in vocabulary_words(title_words + text_words, language)}
    return fields, vocabulary


@contextmanager
def deferred_updates():
    """Within it, a saved page's document waits, to be rebuilt with the others in ``rebuild_all``'s chunks at
    the end. An import saves each page several times (draft, revision, publish, translations): one by one, the
    documents cost over half of ``import_report``'s time in a 20,000-page bank."""
    if _deferred.get() is not None:
        yield  # the outer one rebuilds
        return
    token = _deferred.set(set())
    try:
        yield
    finally:
        page_ids = _deferred.get()
        _deferred.reset(token)
        if page_ids:
            rebuild_all(Page.objects.filter(pk__in=page_ids))


@transaction.atomic
def update_document(page, fresh_source=None):
    """Rebuild the document of ``page`` (a specific page instance) and send it to the backends.

    ``fresh_source`` is a page being saved whose data the page's facet values read (``registry.dependents``).
    """
    deferred = _deferred.get()
    if deferred is not None:
        deferred.add(page.pk)  # rebuilt from the database when the deferral ends: fresh_source is saved by then
        return None
    if not should_have_document(page):
        remove_document(page.pk)
        return None
    added, number = registry.added_item_data([page]).get(page.pk, (set(), 0))
    wanted = facet_values(page, fresh_source) | added
    fields, vocabulary = document_fields(page, wanted, number)
    document, _created = SearchDocument.objects.update_or_create(page_id=page.pk, defaults=fields)
    current = set(document.facet_values.values_list("facet", "value"))
    if wanted != current:
        document.facet_values.all().delete()
        FacetValue.objects.bulk_create(
            FacetValue(document=document, facet=facet, value=value) for facet, value in sorted(wanted)
        )
    add_words(vocabulary)
    browse.refresh({document.translation_key})
    send_to_backends(document)
    return document


def update_item(translation_key):
    """Rebuild the documents of every version of one item: what an app above search adds to it changed."""
    for page in Page.objects.filter(translation_key=translation_key).specific().select_related("locale"):
        update_document(page)


def remove_document(page_id):
    document = SearchDocument.objects.filter(pk=page_id).first()
    if document is not None:
        document.delete()  # the post_delete handler removes it from the backends and browsing


def _record_failure(page_id, backend_name, error):
    logger.warning("Search backend %r missed page %s: %s", backend_name, page_id, error)
    PendingIndexUpdate.objects.update_or_create(
        page_id=page_id, backend=backend_name, defaults={"error": str(error)[:1000]}
    )
    # The pages the engine's answers must leave out (engine_query.Hidden) include the removals it missed.
    page_cache.invalidate()


def _send(document_or_id, backend_name, backend):
    """Add or delete one document in one backend; return True when the backend took it."""
    try:
        if isinstance(document_or_id, SearchDocument):
            backend.add(document_or_id)
        else:
            backend.delete(SearchDocument(page_id=document_or_id))
    except Exception as error:
        if is_database_backend(backend):
            raise
        page_id = document_or_id.pk if isinstance(document_or_id, SearchDocument) else document_or_id
        _record_failure(page_id, backend_name, error)
        return False
    return True


def send_to_backends(document):
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        if _send(document, name, backend) and not is_database_backend(backend):
            PendingIndexUpdate.objects.filter(page_id=document.pk, backend=name).delete()
            retry_pending(name, backend, limit=PENDING_BATCH)


def delete_from_backends(page_id):
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        if _send(page_id, name, backend) and not is_database_backend(backend):
            PendingIndexUpdate.objects.filter(page_id=page_id, backend=name).delete()


def retry_pending(backend_name, backend, limit=None):
    """Send the documents a backend missed; return (sent, still pending)."""
    pending = PendingIndexUpdate.objects.filter(backend=backend_name).order_by("created_at")
    if limit is not None:
        pending = pending[:limit]
    sent = 0
    for update in list(pending):
        document = SearchDocument.objects.filter(pk=update.page_id).first()
        if not _send(document if document is not None else update.page_id, backend_name, backend):
            break
        update.delete()
        sent += 1
    return sent, PendingIndexUpdate.objects.filter(backend=backend_name).count()


def rebuild_all(pages=None, progress=None):
    """Rebuild the documents of ``pages`` (default: every page); drop documents of pages gone or hidden.

    ``progress(done, total)`` is called after each chunk with the pages done so far.

    Pages go in chunks: one transaction and one bulk send to each backend per
    chunk, with the chunk's vocabulary links loaded together. Page by page,
    with a commit and a backend update each, 20,000 pages took over an hour
    on SQLite (bench/, README "Performance").
    """
    everything = pages is None
    if everything:
        pages = Page.objects.all()
        # Rebuilt from scratch with the documents: words of pages gone or changed go too.
        SearchWord.objects.all().delete()
    count = 0
    total = pages.count() if progress else 0
    done = 0
    token = _translations.set({})
    words_token = _recorded_words.set(set())
    try:
        chunk = []
        for page in pages.specific().select_related("locale").iterator(chunk_size=REBUILD_CHUNK):
            chunk.append(page)
            if len(chunk) == REBUILD_CHUNK:
                count += _rebuild_chunk(chunk, refresh_browsing=not everything)
                done += len(chunk)
                chunk = []
                if progress:
                    progress(done, total)
        if chunk:
            count += _rebuild_chunk(chunk, refresh_browsing=not everything)
            if progress:
                progress(done + len(chunk), total)
    finally:
        _translations.reset(token)
        _recorded_words.reset(words_token)
    live_ids = Page.objects.live().values("pk")
    for page_id in SearchDocument.objects.exclude(pk__in=live_ids).values_list("pk", flat=True):
        remove_document(page_id)
    if everything:
        browse.rebuild()
    return count


def _load_related(pages):
    """Load what documents read from a chunk of pages: locales, vocabularies, linked pages and their vocabularies."""
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    by_model = {}
    for page in pages:
        page.locale = locales[page.locale_id]
        by_model.setdefault(type(page), []).append(page)
    load_many_to_many(pages)
    linked = []
    for model, group in by_model.items():
        foreign_keys = [
            field.field_name
            for field in model.get_search_fields()
            if isinstance(field, index.RelatedFields) and model._meta.get_field(field.field_name).many_to_one
        ]
        prefetch_related_objects(group, *foreign_keys)
        for page in group:
            linked += [getattr(page, name) for name in foreign_keys if getattr(page, name) is not None]
            linked += registry.item_sources(page)
    load_many_to_many(linked)
    _load_translations(pages)


def _load_translations(pages):
    """Look up, with one query per model and language, what ``_in_language`` will ask for the chunk's links."""
    memo = _translations.get()
    if memo is None:
        return
    wanted = {}
    for page in pages:
        for field in type(page).get_search_fields():
            if not isinstance(field, index.RelatedFields):
                continue
            for related in _related_objects(field.get_value(page)):
                key = (type(related), related.pk, page.locale_id)
                if isinstance(related, TranslatableMixin) and related.locale_id != page.locale_id and key not in memo:
                    wanted.setdefault((type(related), page.locale_id), {})[related.pk] = related
    for (model, locale_id), sources in wanted.items():
        keys = {source.translation_key for source in sources.values()}
        found = {
            translation.translation_key: translation
            for translation in model._default_manager.filter(translation_key__in=keys, locale_id=locale_id)
        }
        for pk, source in sources.items():
            memo[(model, pk, locale_id)] = found.get(source.translation_key, source)


@transaction.atomic
def _rebuild_chunk(pages, refresh_browsing=True):
    """What update_document does, for a chunk of pages at once: a few queries per chunk, not per page.

    ``refresh_browsing=False`` leaves the browsing index to the caller (``rebuild_all`` rebuilds it whole).
    """
    _load_related(pages)
    kept = [page for page in pages if should_have_document(page)]
    for page in pages:
        if not should_have_document(page):
            remove_document(page.pk)
    added = registry.added_item_data(kept)
    values, numbers = {}, {}
    for page in kept:
        added_values, numbers[page.pk] = added.get(page.pk, (set(), 0))
        values[page.pk] = sorted(facet_values(page) | added_values)
    documents, pairs = [], set()
    for page in kept:
        fields, vocabulary = document_fields(page, values[page.pk], numbers[page.pk])
        documents.append(SearchDocument(page_id=page.pk, **fields))
        pairs |= vocabulary
    SearchDocument.objects.bulk_create(
        documents, update_conflicts=True, unique_fields=["page"], update_fields=DOCUMENT_FIELDS
    )
    FacetValue.objects.filter(document_id__in=[page.pk for page in kept]).delete()
    FacetValue.objects.bulk_create(
        FacetValue(document_id=page.pk, facet=facet, value=value) for page in kept for facet, value in values[page.pk]
    )
    recorded = _recorded_words.get()
    if recorded is not None:
        pairs -= recorded
        recorded |= pairs
    add_words(pairs)
    if refresh_browsing:
        browse.refresh(page.translation_key for page in pages)
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(SearchDocument, documents)
        except Exception as error:
            if is_database_backend(backend):
                raise
            for document in documents:
                _record_failure(document.pk, name, error)
    return len(documents)
