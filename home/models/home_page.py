from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RichTextBlock
from home.blocks import (
    BankFiguresBlock,
    BankThemesBlock,
    ContributeBlock,
    FeaturedItemsBlock,
    HeroBlock,
    LinkListBlock,
    NewestItemsBlock,
    RecentlyEvaluatedBlock,
)


class HomePage(Page):
    """The root of each language's tree and the front door of the bank.

    Editors place and order its blocks; the themes, figures, newest and recently evaluated blocks read the bank
    live (``home.bank_overview``), and the page cache is emptied when the bank changes.
    """

    body = StreamField(
        [
            ("hero", HeroBlock()),
            ("intro", RichTextBlock(label=_("Introduction"))),
            ("themes", BankThemesBlock()),
            ("featured_items", FeaturedItemsBlock()),
            ("newest_items", NewestItemsBlock()),
            ("recently_evaluated", RecentlyEvaluatedBlock()),
            ("figures", BankFiguresBlock()),
            ("contribute", ContributeBlock()),
            ("link_list", LinkListBlock()),
        ],
        blank=True,
        verbose_name=_("Body"),
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("body"),
        SynchronizedField("slug"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Home page")
        verbose_name_plural = _("Home pages")
