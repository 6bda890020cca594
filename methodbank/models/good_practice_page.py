from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel, TitleFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .choices import CoordinationPeriod, ItemType
from .method_bank_page import MethodBankPage, public_versions
from .model_page import ModelPage
from .panels import method_bank_tabs
from .project_page import ProjectPage


class GoodPracticePage(MethodBankPage):
    """A good practice (hyvä käytäntö): a local application, often attached to a model as an example of its use."""

    project = models.ForeignKey(
        "methodbank.ProjectPage",
        verbose_name=_("Project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    model = models.ForeignKey(
        "methodbank.ModelPage",
        verbose_name=_("Model"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
        help_text=_("The model this practice applies, if any."),
    )
    period = models.CharField(_("Coordination period"), max_length=10, choices=CoordinationPeriod.choices, blank=True)

    item_kind = ItemType.PRACTICE
    template = "methodbank/good_practice_page.html"

    search_fields = [
        *MethodBankPage.search_fields,
        index.RelatedFields("project", [index.SearchField("title"), index.SearchField("acronym")]),
        index.FilterField("period"),
    ]
    translatable_fields = [
        *MethodBankPage.translatable_fields,
        SynchronizedField("project"),
        SynchronizedField("model"),
        SynchronizedField("period"),
    ]

    edit_handler = method_bank_tabs(
        [
            TitleFieldPanel("title"),
            PageChooserPanel("project", "methodbank.ProjectPage"),
            PageChooserPanel("model", "methodbank.ModelPage"),
            FieldPanel("period"),
            FieldPanel("original_url"),
        ],
        classification=[],
        evaluation=True,
    )

    class Meta:
        verbose_name = _("Good practice")
        verbose_name_plural = _("Good practices")

    def compute_end_year(self):
        project = self.project
        return project.end_date.year if project is not None and project.end_date else None

    def public_project(self):
        """The project in the visitor's language when possible, or None if visitors may not see it."""
        return public_link(ProjectPage, self.project_id)

    def public_model(self):
        """The model in the visitor's language when possible, or None if visitors may not see it."""
        return public_link(ModelPage, self.model_id)


def public_link(model, pk):
    # By id, not through the relation: a revision may point at a page deleted since.
    if pk is None:
        return None
    versions = public_versions(
        model.objects.filter(translation_key__in=model.objects.filter(pk=pk).values("translation_key"))
    )
    return versions[0] if versions else None
