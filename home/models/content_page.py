from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core.blocks import ImageBlock, QuoteBlock, RichTextBlock, VideoBlock
from core.localization import OwnSlugInEachLanguage


class ContentPage(OwnSlugInEachLanguage, Page):
    """Plain pages such as About, instructions and the accessibility statement."""

    intro = models.TextField(
        _("Introduction"), blank=True, max_length=600, help_text=_("One or two sentences shown under the title.")
    )
    body = StreamField(
        [
            ("text", RichTextBlock()),
            ("image", ImageBlock()),
            ("video", VideoBlock()),
            ("quote", QuoteBlock()),
        ],
        blank=True,
        verbose_name=_("Body"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("slug"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("Content page")
        verbose_name_plural = _("Content pages")
