from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RichTextBlock
from home.blocks import FeaturedItemsBlock, HeroBlock, LinkListBlock


class HomePage(Page):
    """The root of each language's tree."""

    body = StreamField(
        [
            ("hero", HeroBlock()),
            ("intro", RichTextBlock(label=_("Introduction"))),
            ("featured_items", FeaturedItemsBlock()),
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
