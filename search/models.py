from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class SearchDocument(index.Indexed, models.Model):
    """What search knows about one live page: its analysed text and its filter values.

    Every page type gets one, so site search covers all pages. The text is
    analysed by ``search.analysis`` in the page's language before any search
    backend sees it; that is what makes inflected Finnish and Swedish match on
    every backend. ``search.documents`` keeps these rows in step with the pages.
    """

    page = models.OneToOneField("wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8, db_index=True)
    translation_key = models.UUIDField(db_index=True)
    title = models.CharField(max_length=255)
    sort_title = models.CharField(max_length=255)
    title_terms = models.TextField(blank=True)
    text_terms = models.TextField(blank=True)
    # The page's searchable text except the title, as written: for backends that analyse it themselves
    # (search.backends.postgres, search.backends.opensearch).
    text = models.TextField(blank=True)
    is_item = models.BooleanField(default=False, help_text="A project, model or good practice.")
    published_at = models.DateTimeField(null=True)
    # The filter values of FacetValue as "facet=value" words: the database path lists and counts from these,
    # read with the rest of the row, rather than joining thousands of FacetValue rows (README "Performance").
    facets = models.TextField(blank=True)
    # The number an app above search gives the item (search.registry.register_item_data: how many organisations
    # use it), for the sort by it and for the results.
    item_number = models.IntegerField(default=0)

    # search.documents sends documents to the backends itself, so that a failed
    # update to an unreachable engine is remembered (PendingIndexUpdate).
    search_auto_update = False
    search_fields = [
        index.SearchField("title_terms", boost=5),
        index.SearchField("text_terms"),
        index.AutocompleteField("title"),
        index.FilterField("language"),
    ]

    # On SQLite, migrations 0004 and 0007 add the index a search listing reads (search_document_listing). A
    # migration after which Django rebuilds this table on SQLite must make it again; a test checks the plan.
    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.title


class FacetValue(models.Model):
    """One filter value of one document, such as theme ``B4`` or evaluation ``expert``."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "facet", "value"], name="unique_facet_value_per_document")
        ]
        indexes = [models.Index(fields=["facet", "value", "document"], name="facet_value_lookup")]

    def __str__(self):
        return f"{self.facet}={self.value}"


class PendingIndexUpdate(models.Model):
    """A document that a search backend missed, usually because the engine was down.

    ``manage.py reindex_pending`` sends these again; so does the next index
    update that reaches the same backend.
    """

    page_id = models.PositiveIntegerField()
    backend = models.CharField(max_length=50)
    created_at = models.DateTimeField(auto_now_add=True)
    error = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page_id", "backend"], name="unique_pending_update")]

    def __str__(self):
        return f"{self.backend}: page {self.page_id}"


class SearchWord(models.Model):
    """A word as written in some live page's title or text: the vocabulary that "Did you mean …?" draws on."""

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=40)
    length = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "word"], name="unique_search_word")]
        indexes = [models.Index(fields=["language", "length"], name="search_word_length")]

    def __str__(self):
        return self.word


class BrowseEntry(models.Model):
    """One line of a listing without search words, for visitors of one language: the sorted index of browsing.

    Each page is listed once per visitor language, in the first language it has a visible version in (the
    visitor's own, then Finnish, Swedish, English: ``SearchRequest.languages``); ``search.browse`` keeps these
    rows in step with the documents, so that a browse is a LIMIT/OFFSET over an index, not a sort in Python.
    """

    # The visitor's language this line is listed for.
    language = models.CharField(max_length=8)
    translation_key = models.UUIDField()
    # The SearchDocument (and page) listed: a plain id, so that search.browse reads an entry before replacing it.
    page_id = models.PositiveIntegerField()
    is_item = models.BooleanField()
    # The page is in another language than the visitor's: listed after those in the visitor's own.
    other_language = models.BooleanField()
    sort_title = models.CharField(max_length=255)
    published_at = models.DateTimeField(null=True)
    # SearchDocument.facets, for the counts of BrowseFacetCount.
    facets = models.TextField(blank=True)
    item_number = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "translation_key"], name="unique_browse_entry_per_language")
        ]
        indexes = [
            models.Index(fields=["translation_key"], name="browse_entry_key"),
            models.Index(fields=["page_id"], name="browse_entry_page"),
            models.Index(
                fields=["language", "is_item", "other_language", "sort_title", "page_id"], name="browse_by_relevance"
            ),
            models.Index(fields=["language", "is_item", "sort_title", "page_id"], name="browse_by_title"),
            models.Index(
                fields=["language", "is_item", "-item_number", "other_language", "sort_title", "page_id"],
                name="browse_by_number",
            ),
        ]

    def __str__(self):
        return f"{self.language}: {self.sort_title}"


class BrowseFacetCount(models.Model):
    """How many BrowseEntry lines of one visitor language carry a facet value: the counts of a browse without
    filters, and of a facet whose own values are the only ones chosen."""

    language = models.CharField(max_length=8)
    is_item = models.BooleanField()
    other_language = models.BooleanField()
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=40)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language", "is_item", "other_language", "facet", "value"], name="unique_browse_facet_count"
            )
        ]

    def __str__(self):
        return f"{self.language} {self.facet}={self.value}: {self.count}"
