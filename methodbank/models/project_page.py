from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .choices import ItemType, Scope
from .method_bank_page import MethodBankPage, public_versions, translation_ids
from .panels import checkboxes, method_bank_tabs


class ProjectPage(MethodBankPage):
    """A project (hanke) that produced models and good practices."""

    acronym = models.CharField(_("Acronym"), max_length=60, blank=True, help_text=_("For example SOPU or ZOOMI."))
    project_code = models.CharField(
        _("Project code"),
        max_length=30,
        blank=True,
        help_text=_("The funder's code, such as the EURA code S21674."),
    )
    lead_organisation = models.ForeignKey(
        "methodbank.Organisation",
        verbose_name=_("Lead organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_projects",
    )
    partner_organisations = ParentalManyToManyField(
        "methodbank.Organisation", blank=True, verbose_name=_("Partner organisations"), related_name="partner_projects"
    )
    start_date = models.DateField(_("Start date"), null=True, blank=True)
    end_date = models.DateField(_("End date"), null=True, blank=True)
    dates_by_month = models.BooleanField(
        _("Dates known to the month"),
        default=False,
        help_text=_("The source gives months only, such as 7/2018: the page shows the month, not a day."),
    )
    scope = models.CharField(_("Scope"), max_length=10, choices=Scope.choices, blank=True)
    funding_sources = ParentalManyToManyField("methodbank.FundingSource", blank=True, verbose_name=_("Funding sources"))
    programme = models.CharField(
        _("Funding programme"),
        max_length=255,
        blank=True,
        help_text=_("For example Sustainable growth and jobs 2014–2020."),
    )
    budget_eur = models.DecimalField(_("Budget (euros)"), max_digits=12, decimal_places=2, null=True, blank=True)
    website = models.URLField(_("Website"), blank=True)

    item_kind = ItemType.PROJECT
    template = "methodbank/project_page.html"

    search_fields = [
        *MethodBankPage.search_fields,
        index.SearchField("acronym", boost=3),
        index.AutocompleteField("acronym"),
        index.SearchField("project_code"),
        index.SearchField("programme"),
        index.RelatedFields("lead_organisation", [index.SearchField("name")]),
        index.RelatedFields("partner_organisations", [index.SearchField("name")]),
        index.RelatedFields("funding_sources", [index.SearchField("name"), index.FilterField("code")]),
        index.FilterField("scope"),
        index.FilterField("end_date"),
    ]
    translatable_fields = [
        *MethodBankPage.translatable_fields,
        SynchronizedField("acronym"),
        # Codes and addresses are the same in every language: translators may not override them.
        SynchronizedField("project_code", overridable=False),
        SynchronizedField("lead_organisation"),
        SynchronizedField("partner_organisations"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("dates_by_month"),
        SynchronizedField("scope"),
        SynchronizedField("funding_sources"),
        TranslatableField("programme"),
        SynchronizedField("budget_eur"),
        SynchronizedField("website", overridable=False),
    ]

    edit_handler = method_bank_tabs(
        [
            TitleFieldPanel("title"),
            FieldRowPanel([FieldPanel("acronym"), FieldPanel("project_code")]),
            FieldPanel("lead_organisation"),
            FieldPanel("partner_organisations"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("dates_by_month")]),
            MultiFieldPanel(
                [checkboxes("funding_sources"), FieldPanel("programme"), FieldPanel("budget_eur")],
                heading=_("Funding"),
            ),
            FieldPanel("website"),
            FieldPanel("original_url"),
        ],
        classification=[FieldPanel("scope")],
    )

    class Meta:
        verbose_name = _("Project")
        verbose_name_plural = _("Projects")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.project_code:
            clash = (
                ProjectPage.objects.filter(project_code__iexact=self.project_code)
                .exclude(translation_key=self.translation_key)
                .first()
            )
            if clash is not None:
                errors["project_code"] = _("Another project, “%(title)s”, already has the code %(code)s.") % {
                    "title": clash.title,
                    "code": self.project_code,
                }
        if errors:
            raise ValidationError(errors)

    def compute_end_year(self):
        return self.end_date.year if self.end_date else None

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Models and practices filter by their project's end year.
        for page in self.output_pages():
            if page.end_year != page.compute_end_year():
                type(page).objects.filter(pk=page.pk).update(end_year=page.compute_end_year())

    def output_pages(self):
        from .good_practice_page import GoodPracticePage
        from .model_page import ModelPage

        if not self.translation_key:
            return []
        ids = translation_ids(self)
        model_pages = ModelPage.objects.filter(projects__in=ids).distinct()
        practices = GoodPracticePage.objects.filter(project__in=ids)
        return [*model_pages, *practices]

    def outputs(self):
        """The public models and good practices this project produced, in the visitor's language when possible."""
        from .good_practice_page import GoodPracticePage
        from .model_page import ModelPage

        ids = translation_ids(self)
        return {
            "models": public_versions(ModelPage.objects.filter(projects__in=ids).distinct()),
            "practices": public_versions(GoodPracticePage.objects.filter(project__in=ids)),
        }
