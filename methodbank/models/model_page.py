from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .choices import CoordinationPeriod, ItemType
from .method_bank_page import MethodBankPage, public_versions, translation_ids
from .panels import method_bank_tabs
from .project_page import ProjectPage


class ModelPage(MethodBankPage):
    """A model (malli): piloted and documented well enough that any school in Finland can adopt it."""

    projects = ParentalManyToManyField(
        "methodbank.ProjectPage", blank=True, verbose_name=_("Projects"), related_name="model_pages"
    )
    period = models.CharField(_("Coordination period"), max_length=10, choices=CoordinationPeriod.choices, blank=True)

    item_kind = ItemType.MODEL
    template = "methodbank/model_page.html"

    search_fields = [
        *MethodBankPage.search_fields,
        index.RelatedFields(
            "projects", [index.SearchField("title"), index.SearchField("acronym"), index.FilterField("scope")]
        ),
        index.FilterField("period"),
    ]
    translatable_fields = [
        *MethodBankPage.translatable_fields,
        SynchronizedField("projects"),
        SynchronizedField("period"),
    ]

    edit_handler = method_bank_tabs(
        [TitleFieldPanel("title"), FieldPanel("projects"), FieldPanel("period"), FieldPanel("original_url")],
        classification=[],
        evaluation=True,
    )

    class Meta:
        verbose_name = _("Model")
        verbose_name_plural = _("Models")

    def compute_end_year(self):
        years = [project.end_date.year for project in self.projects.all() if project.end_date]
        return max(years, default=None)

    def good_practices(self):
        """Public good practices attached to this model, in the visitor's language when possible."""
        from .good_practice_page import GoodPracticePage

        return public_versions(GoodPracticePage.objects.filter(model__in=translation_ids(self)))

    def source_projects(self):
        """Public projects behind this model, in the visitor's language when possible."""
        # A preview's or a revision's links are in memory (a FakeQuerySet), so read plain values out of them.
        keys = list(self.projects.values_list("translation_key", flat=True))
        return public_versions(ProjectPage.objects.filter(translation_key__in=keys))
