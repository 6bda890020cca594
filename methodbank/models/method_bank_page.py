import html

from django.conf import settings
from django.db import models
from django.db.models.query import ModelIterable
from django.utils.html import strip_tags
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import ImageBlock, QuoteBlock, RichTextBlock, VideoBlock
from core.localization import OwnSlugInEachLanguage
from core.many_to_many import load_many_to_many
from methodbank.blocks import (
    DeploymentBlock,
    GoalBlock,
    ImplementationBlock,
    LinksBlock,
    OrganisationContactBlock,
    PersonContactBlock,
    ResourcesBlock,
    ResultsBlock,
    TargetGroupBlock,
)
from methodbank.page_permissions import TranslatorPublishing

from .choices import CoordinationPeriod, Evaluation, ItemType, Source
from .stewardship import ItemReview

BODY_BLOCKS = [
    ("goal", GoalBlock()),
    ("target_group", TargetGroupBlock()),
    ("implementation", ImplementationBlock()),
    ("deployment", DeploymentBlock()),
    ("resources", ResourcesBlock()),
    ("results", ResultsBlock()),
    ("links", LinksBlock()),
    ("text", RichTextBlock()),
    ("image", ImageBlock()),
    ("video", VideoBlock()),
    ("quote", QuoteBlock()),
]
CONTACT_BLOCKS = [("person", PersonContactBlock()), ("organisation", OrganisationContactBlock())]

# What an editor sees instead of Django's generic "Select a valid choice" when a
# chooser is given something it does not accept.
CHOICE_ERRORS = {
    "themes": _("Choose themes from the list of themes."),
    "target_groups": _("Choose target groups from the list of target groups."),
    "regions": _("Choose regions from the list of Finland's regions."),
    "keywords": _("Choose keywords from the list of keywords."),
    "funding_sources": _("Choose funding sources from the list."),
    "lead_organisation": _("Choose the lead organisation from the list of organisations."),
    "partner_organisations": _("Choose partner organisations from the list of organisations."),
    "projects": _("Choose projects: only project pages can be linked here."),
    "project": _("Choose a project: only a project page can be linked here."),
    "model": _("Choose a model: a good practice can only be attached to a model page."),
    "steward": _("Choose the steward from the list of active users; the one given no longer exists."),
}


# The body block an import writes (editors own every other block), and how its publications are logged.
IMPORTED_BLOCK_ID = "imported-description"
IMPORT_LOG_ACTION = "methodbank.import"
UNTRANSLATED_SOURCE_TEXT = {
    "fi": _("The source's description, in Finnish"),
    "sv": _("The source's description, in Swedish"),
    "en": _("The source's description, in English"),
}

VOCABULARY_FIELDS = ("themes", "target_groups", "regions", "keywords", "funding_sources")


class MethodBankPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in CHOICE_ERRORS.items():
            if name in self.fields:
                self.fields[name].error_messages["invalid_choice"] = message
                self.fields[name].error_messages["invalid_pk_value"] = message
        self.offer_terms_in_page_language()
        self.offer_active_stewards()

    def offer_active_stewards(self):
        """Offer active users by name and address, plus the current steward so that saving never drops them."""
        field = self.fields.get("steward")
        if field is None:
            return
        current = self.instance.steward_id
        field.queryset = field.queryset.model.objects.filter(models.Q(is_active=True) | models.Q(pk=current)).order_by(
            "first_name", "last_name", "username"
        )
        field.label_from_instance = steward_label

    def offer_terms_in_page_language(self):
        """Offer each vocabulary in the page's own language, plus whatever the page already uses.

        Every term exists in fi, sv and en; listing all three would show each
        choice three times. Terms already chosen stay offered so that saving
        never drops them.
        """
        parent = getattr(self, "parent_page", None)
        locale_id = self.instance.locale_id or (parent.locale_id if parent else None)
        if locale_id is None:
            return
        for name in VOCABULARY_FIELDS:
            if name not in self.fields:
                continue
            field = self.fields[name]
            chosen = getattr(self.instance, name).all() if self.instance.pk else []
            field.queryset = field.queryset.model.objects.filter(
                models.Q(locale_id=locale_id) | models.Q(pk__in=[term.pk for term in chosen])
            )


def steward_label(user):
    name = user.get_full_name() or user.get_username()
    return f"{name} <{user.email}>" if user.email else name


class IndexingSnapshot(ModelIterable):
    """Pages fetched for the search index, a chunk at a time.

    Their many-to-many links are loaded per chunk (see ``load_many_to_many``),
    and each carries a memo so that ``IndexedOnce`` fields are worked out once:
    the database backend asks for every field three times per page, once per
    index column. The pages are read-only copies that indexing throws away.
    """

    def __iter__(self):
        pages = list(super().__iter__())
        load_many_to_many(pages)
        for page in pages:
            page._index_values = {}
        yield from pages


class IndexedOnce(index.SearchField):
    """A search field whose text is extracted once per indexing snapshot; worth it for StreamFields."""

    def get_value(self, obj):
        memo = getattr(obj, "_index_values", None)
        if memo is None:
            return super().get_value(obj)
        if self.field_name not in memo:
            memo[self.field_name] = super().get_value(obj)
        return memo[self.field_name]


class MethodBankPage(OwnSlugInEachLanguage, TranslatorPublishing, Page):
    """What projects, models and good practices have in common.

    Search and its filters work on this one table, so a single query can cover
    all three kinds and count every facet. The kinds themselves are the
    subclasses; this page is never created on its own.
    """

    item_type = models.CharField(_("Type"), max_length=10, choices=ItemType.choices, editable=False)
    summary = models.TextField(
        _("Summary"),
        max_length=1000,
        help_text=_("Two or three sentences for listings and search results: what it is and who it helps."),
    )
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("Description"))
    contacts = StreamField(CONTACT_BLOCKS, blank=True, verbose_name=_("Contacts"))
    themes = ParentalManyToManyField("methodbank.Theme", blank=True, verbose_name=_("Themes"))
    target_groups = ParentalManyToManyField("methodbank.TargetGroup", blank=True, verbose_name=_("Target groups"))
    regions = ParentalManyToManyField("methodbank.Region", blank=True, verbose_name=_("Regions"))
    keywords = ParentalManyToManyField("methodbank.Keyword", blank=True, verbose_name=_("Keywords"))
    evaluation = models.CharField(
        _("Evaluation"),
        max_length=10,
        choices=Evaluation.choices,
        default=Evaluation.NONE,
        help_text=_("Set by the evaluation process; only moderators change it by hand."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("Project end year"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The year the project behind this item ended; kept up to date on save."),
    )
    original_url = models.URLField(
        _("Original entry"), blank=True, help_text=_("Where this item was first published, such as the old bank.")
    )
    import_key = models.CharField(
        _("Import key"),
        max_length=120,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Identifies the item in an imported source, so that importing again updates it."),
    )
    source = models.CharField(
        _("Source"),
        max_length=20,
        choices=Source.choices,
        blank=True,
        editable=False,
        help_text=_("The document an import read this item from."),
    )
    source_year = models.PositiveSmallIntegerField(
        _("Year of the source"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The date the source gives itself, such as autumn 2020; shown instead of the import's date."),
    )
    source_language = models.CharField(_("Language of the source"), max_length=10, blank=True, editable=False)
    imported_description = models.TextField(
        _("Imported description"),
        blank=True,
        editable=False,
        help_text=_(
            "The description as the source gives it. Its first sentences are the summary and the rest is the "
            "imported block of the body, unless an editor wrote a summary of their own."
        ),
    )
    edited_at = models.DateTimeField(
        _("Last edited"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When a person last published a change; imports do not count."),
    )
    steward = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Steward"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stewarded_items",
        help_text=_("The person who keeps this item up to date and reviews it regularly."),
    )
    steward_email = models.EmailField(
        _("Steward's e-mail address"),
        blank=True,
        help_text=_("For a steward without an account here: review reminders go to this address."),
    )

    base_form_class = MethodBankPageForm
    item_kind = None

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        IndexedOnce("body"),
        index.AutocompleteField("summary"),
        index.RelatedFields("themes", [index.SearchField("name"), index.FilterField("code")]),
        index.RelatedFields("target_groups", [index.SearchField("name"), index.FilterField("code")]),
        index.RelatedFields("regions", [index.SearchField("name"), index.FilterField("code")]),
        index.RelatedFields("keywords", [index.SearchField("name"), index.FilterField("code")]),
        index.FilterField("item_type"),
        index.FilterField("evaluation"),
        index.FilterField("end_year"),
        index.FilterField("last_published_at"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("contacts"),
        TranslatableField("slug"),
        SynchronizedField("themes"),
        SynchronizedField("target_groups"),
        SynchronizedField("regions"),
        SynchronizedField("keywords"),
        SynchronizedField("evaluation"),
        # Codes and addresses are the same in every language: translators may not override them.
        SynchronizedField("original_url", overridable=False),
        SynchronizedField("import_key", overridable=False),
        SynchronizedField("source", overridable=False),
        SynchronizedField("source_year", overridable=False),
        SynchronizedField("source_language", overridable=False),
        SynchronizedField("imported_description", overridable=False),
        # One steward for every language version; reviews are kept by translation key (stewardship.py).
        SynchronizedField("steward", overridable=False),
        SynchronizedField("steward_email", overridable=False),
    ]

    is_creatable = False
    parent_page_types = ["methodbank.MethodBankIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Method bank page")
        verbose_name_plural = _("Method bank pages")
        permissions = [
            ("set_evaluation", _("Can set the evaluation state by hand")),
            ("publish_translation", _("Can publish translations of published method bank pages")),
        ]

    @classmethod
    def get_indexed_objects(cls):
        # A full reindex read every vocabulary of every page three times, one
        # query each: ~35 items a second (bench/, README "Performance").
        queryset = super().get_indexed_objects()
        queryset._iterable_class = IndexingSnapshot
        return queryset

    def save(self, *args, **kwargs):
        if self.item_kind:
            self.item_type = self.item_kind
        self.end_year = self.compute_end_year()
        return super().save(*args, **kwargs)

    def compute_end_year(self):
        """The project end year that the ``year`` filter uses; subclasses know where it comes from."""
        return None

    def get_item_type_display_plain(self):
        return ItemType(self.item_type).label if self.item_type else ""

    def localized_terms(self, field_name):
        """The page's terms of one vocabulary, named in the visitor's language (or the term's own, if untranslated)."""
        manager = getattr(self, field_name)
        terms = list(manager.all())
        names = manager.model.names_in_active_language([term.translation_key for term in terms])
        terms.sort(key=lambda term: (term.sort_order, names.get(term.translation_key, term.name)))
        return [{"code": term.code, "name": names.get(term.translation_key, term.name)} for term in terms]

    def source_note(self):
        """Where the item comes from, such as "Source: Zoomi report 2020, coordination period 2019–2021"."""
        if not self.source:
            return ""
        document = Source(self.source).label
        if self.source_year:
            document = f"{document} {self.source_year}"
        period = getattr(self, "period", "")
        if period in CoordinationPeriod.values:
            return gettext("Source: %(document)s, coordination period %(period)s") % {
                "document": document,
                "period": period.replace("-", "–"),
            }
        return gettext("Source: %(document)s") % {"document": document}

    def untranslated_source_text(self):
        """``{"language", "heading", "block_id"}`` when this translation shows the imported block as the source wrote it.

        A translation keeps the source's text for whatever nobody has translated yet; that block is
        marked with its own language, for readers and for screen readers. None otherwise.
        """
        language = self.source_language
        if not language or language == self.locale.language_code or not self.imported_description:
            return None
        block = next((child for child in self.body if child.id == IMPORTED_BLOCK_ID), None)
        if block is None:
            return None
        text = " ".join(html.unescape(strip_tags(block.value.source.replace("</p>", "</p> "))).split())
        if not text or text not in " ".join(self.imported_description.split()):
            return None
        return {"language": language, "heading": UNTRANSLATED_SOURCE_TEXT.get(language, ""), "block_id": block.id}

    def latest_review(self):
        """The latest review of this item in any of its languages, or None."""
        return ItemReview.objects.filter(translation_key=self.translation_key).order_by("-reviewed_at").first()

    def table_of_contents(self):
        """(anchor, heading) of each titled section of the description, in order, for the contents list."""
        from methodbank.blocks.section import TitledSection, section_anchor

        return [
            (section_anchor(child.block, child.id), child.block.meta.label)
            for child in self.body
            if isinstance(child.block, TitledSection)
        ]


def translation_ids(page):
    """The ids of a page and all its translations.

    Related items are looked up by these ids rather than by joining on
    ``translation_key`` through the page tables: such joins can make
    PostgreSQL choose a plan that scans the page table over and over.
    """
    return list(Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True))


def public_versions(pages):
    """One version of each of these pages that any visitor may see (see ``one_per_translation``).

    Drafts and pages behind a login or a password are left out: related-item
    lists are shown to anonymous visitors and cached, and such titles are not
    public.
    """
    return one_per_translation(pages.live().public().select_related("locale"))


def one_per_translation(pages):
    """Keep one version of each page: the visitor's language if it exists, otherwise the first one found.

    A translation keeps the links of its source, so related items are found by
    ``translation_key`` and then shown in the language the visitor reads.
    """
    # The language code, not ``Locale.get_active()``: that costs a query each time, and the pages carry their locales.
    active = get_supported_content_language_variant(get_language())
    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or (page.locale.language_code == active and current.locale.language_code != active):
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.title.casefold())
