from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core.localization import OwnSlugInEachLanguage
from methodbank.page_permissions import TranslatorPublishing
from search.listing import listing_context, record_query


class MethodBankIndexPage(OwnSlugInEachLanguage, TranslatorPublishing, Page):
    """The method bank's front page: browse, search and filter every project, model and good practice."""

    intro = models.TextField(_("Introduction"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("slug"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["methodbank.ProjectPage", "methodbank.ModelPage", "methodbank.GoodPracticePage"]
    max_count_per_parent = 1
    template = "methodbank/method_bank_index_page.html"

    class Meta:
        verbose_name = _("Method bank index")
        verbose_name_plural = _("Method bank indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            listing_context(
                params=request.GET,
                language=self.locale.language_code,
                items_only=True,
                page_url=lambda page: page.get_url(request=request),
            )
        )
        record_query(request, context["search_request"])
        return context
