"""Browsing on the database backends: listings without search words answered by indexed SQL.

A listing without words shows every visible page once, in the first of the visitor's languages it has
(``SearchRequest.languages``), sorted, with disjunctive facet counts. Worked out per request, that meant reading
and sorting every document of the bank in Python (323 ms at 20,000 pages; bench/README.md). Instead:

- ``BrowseEntry`` holds, for each visitor language, the one version of each page that language lists, with what
  it is sorted by, so that a page of results is a LIMIT/OFFSET over an index and the total a COUNT;
- ``BrowseFacetCount`` holds the counts of each facet value over those entries, so that a browse without
  filters (and a facet whose own values are the only ones chosen) needs no counting at all;
- counts under filters join ``FacetValue`` to the entries that pass the other facets' filters, in SQL.

``refresh`` brings the rows of some pages (by translation key) up to date when their documents change (publish,
unpublish, move, translation, deletion: ``search.documents``), adjusting the counts by the difference;
``rebuild`` recomputes everything (``rebuild_search_documents``, or when a view restriction changes which pages
visitors may see).
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum
from wagtail.models import Page

from search import registry
from search.analysis import LANGUAGES
from search.models import BrowseEntry, BrowseFacetCount, FacetValue, SearchDocument

# Entries written per INSERT when rebuilding.
BATCH = 1000
DOCUMENT_FIELDS = (
    "pk",
    "language",
    "translation_key",
    "is_item",
    "sort_title",
    "published_at",
    "facets",
    "item_number",
)


def preference(language):
    """The languages a visitor of ``language`` is shown a page in, best first (``SearchRequest.languages``)."""
    return [language, *(other for other in LANGUAGES if other != language)]


def _hidden(page_ids=None):
    """The pages visitors may not see (``search.service.hidden_pages_now``): among ``page_ids``, or all of them."""
    pages = Page.objects.all() if page_ids is None else Page.objects.filter(pk__in=page_ids)
    return set(pages.filter(Q(live=False) | Page.objects.all().private_q()).values_list("pk", flat=True))


def _entries(documents, hidden):
    """The BrowseEntry rows of ``documents`` (dicts of DOCUMENT_FIELDS) for every visitor language."""
    by_key = {}
    for document in documents:
        if document["pk"] not in hidden:
            by_key.setdefault(document["translation_key"], {})[document["language"]] = document
    entries = []
    for language in LANGUAGES:
        order = preference(language)
        for key, versions in by_key.items():
            chosen = versions[min(versions, key=order.index)]
            entries.append(
                BrowseEntry(
                    language=language,
                    translation_key=key,
                    page_id=chosen["pk"],
                    is_item=chosen["is_item"],
                    other_language=chosen["language"] != language,
                    sort_title=chosen["sort_title"],
                    published_at=chosen["published_at"],
                    facets=chosen["facets"],
                    item_number=chosen["item_number"],
                )
            )
    return entries


def _counts(entries, sign=1):
    """``Counter`` of (language, is_item, other_language, facet, value) over ``entries``, times ``sign``."""
    counts = Counter()
    for entry in entries:
        for word in entry.facets.split():
            facet, _sep, value = word.partition("=")
            counts[(entry.language, entry.is_item, entry.other_language, facet, value)] += sign
    return counts


@transaction.atomic
def rebuild():
    """Recompute every entry and count from the search documents."""
    documents = list(SearchDocument.objects.values(*DOCUMENT_FIELDS))
    entries = _entries(documents, _hidden())
    BrowseEntry.objects.all().delete()
    BrowseFacetCount.objects.all().delete()
    BrowseEntry.objects.bulk_create(entries, batch_size=BATCH)
    BrowseFacetCount.objects.bulk_create(
        (
            BrowseFacetCount(
                language=language, is_item=is_item, other_language=other, facet=facet, value=value, count=count
            )
            for (language, is_item, other, facet, value), count in _counts(entries).items()
        ),
        batch_size=BATCH,
    )


@transaction.atomic
def refresh(keys):
    """Bring the entries of the pages with translation keys ``keys`` up to date, and the counts with them."""
    keys = set(keys)
    if not keys:
        return
    old = list(BrowseEntry.objects.filter(translation_key__in=keys))
    documents = list(SearchDocument.objects.filter(translation_key__in=keys).values(*DOCUMENT_FIELDS))
    new = _entries(documents, _hidden([document["pk"] for document in documents]))
    BrowseEntry.objects.filter(translation_key__in=keys).delete()
    BrowseEntry.objects.bulk_create(new, batch_size=BATCH)
    change = _counts(old, -1)
    change.update(_counts(new))
    change = {combination: delta for combination, delta in change.items() if delta}
    if change:
        _apply(change)


def _apply(change):
    """Add ``change`` ({(language, is_item, other_language, facet, value): delta}) to the stored counts.

    Existing rows are changed with ``count = count + delta`` in the database, so that concurrent publishes add up.
    """
    rows = BrowseFacetCount.objects.filter(
        language__in={combination[0] for combination in change},
        facet__in={combination[3] for combination in change},
        value__in={combination[4] for combination in change},
    ).values_list("pk", "language", "is_item", "other_language", "facet", "value")
    existing = {tuple(row[1:]): row[0] for row in rows}
    by_delta = {}
    for combination, delta in change.items():
        if combination in existing:
            by_delta.setdefault(delta, []).append(existing[combination])
    for delta, pks in by_delta.items():
        BrowseFacetCount.objects.filter(pk__in=pks).update(count=F("count") + delta)
    BrowseFacetCount.objects.bulk_create(
        BrowseFacetCount(
            language=language, is_item=is_item, other_language=other, facet=facet, value=value, count=delta
        )
        for (language, is_item, other, facet, value), delta in change.items()
        if (language, is_item, other, facet, value) not in existing
    )


def _scope(request):
    """The filter of entries and counts a request lists: its language, items only, its language only."""
    scope = Q(language=request.language)
    if request.lists_items_only:
        scope &= Q(is_item=True)
    if request.only_language:
        scope &= Q(other_language=False)
    return scope


def _filtered(entries, filters):
    for facet, values in filters.items():
        entries = entries.filter(
            page_id__in=FacetValue.objects.filter(facet=facet, value__in=values).values("document_id")
        )
    return entries


ORDER = {
    "relevance": ("other_language", "sort_title", "page_id"),
    "newest": (F("published_at").desc(nulls_last=True), "sort_title", "page_id"),
    "title": ("sort_title", "page_id"),
}


def _listed_entries(request):
    return _filtered(BrowseEntry.objects.filter(_scope(request)), request.filters)


def order(sort):
    """The order of ``sort``; the registered sort by the items' number breaks ties as the default order does."""
    if sort == registry.number_sort():
        return (F("item_number").desc(), *ORDER["relevance"])
    return ORDER[sort]


def _ordered_page_ids(entries, request):
    return entries.order_by(*order(request.effective_sort)).values_list("page_id", flat=True)


def listing(request):
    """``(page ids of the request's page, total, in the visitor's language, {facet: {value: count}})``."""
    entries = _listed_entries(request)
    totals = entries.aggregate(total=Count("pk"), own=Count("pk", filter=Q(other_language=False)))
    start = (request.page - 1) * request.page_size
    page_ids = list(_ordered_page_ids(entries, request)[start : start + request.page_size])
    return page_ids, totals["total"], totals["own"], facet_counts(request)


def all_page_ids(request):
    """Every page id the request lists, in its order and without paging (reports and exports of a selection)."""
    return list(_ordered_page_ids(_listed_entries(request), request))


def facet_counts(request):
    """Each facet's counts under the other facets' filters (disjunctive): stored where no other facet is filtered,
    counted in SQL over the entries that pass the others' filters otherwise."""
    counts = {facet: {} for facet in registry.facets}
    filters = request.filters
    # Facets counted under the same filters share a query: those without a selection see every filter.
    groups = {}
    for facet in registry.facets:
        others = tuple(sorted((name, values) for name, values in filters.items() if name != facet))
        groups.setdefault(others, []).append(facet)
    for others, facets in groups.items():
        if others:
            rows = _counted(_filtered(BrowseEntry.objects.filter(_scope(request)), dict(others)), facets)
        else:
            rows = (
                BrowseFacetCount.objects.filter(_scope(request), facet__in=facets)
                .values_list("facet", "value")
                .annotate(count=Sum("count"))
            )
        for facet, value, count in rows:
            if count:
                counts[facet][value] = count
    return counts


def _counted(entries, facets):
    """``(facet, value, count)`` of ``facets`` over ``entries``, read entry by entry.

    Written as a join from the entries, which SQLite keeps in that order (CROSS JOIN): filtered by the facet
    first, it read every value of the facet in the bank and looked each document up in the entries.
    """
    listed, params = entries.values("page_id").query.sql_with_params()
    join = "CROSS JOIN" if connection.vendor == "sqlite" else "JOIN"
    table = FacetValue._meta.db_table
    placeholders = ", ".join(["%s"] * len(facets))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT facet_value.facet, facet_value.value, COUNT(*) FROM ({listed}) listed "  # noqa: S608 - names are ours
            f"{join} {table} facet_value ON facet_value.document_id = listed.page_id "
            f"WHERE facet_value.facet IN ({placeholders}) GROUP BY facet_value.facet, facet_value.value",
            [*params, *facets],
        )
        return cursor.fetchall()


def found_pairs(facets):
    """The (facet, value) pairs of ``facets`` that some visible page carries, from the stored counts."""
    counts = BrowseFacetCount.objects.filter(facet__in=facets, count__gt=0)
    return set(counts.values_list("facet", "value").distinct())


def found_values(facet):
    """The values of ``facet`` that some visible page carries (project end years), from the stored counts."""
    return {value for _facet, value in found_pairs([facet])}
