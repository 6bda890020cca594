from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .funding_source import FundingSource
from .keyword import Keyword
from .region import Region
from .target_group import TargetGroup


class TermSuggestion(models.Model):
    """A vocabulary term an import proposed for a page, with where in the source it found it.

    The import applies the term to the page at once, so that filters work; an
    editor then confirms or removes it. Imports never undo that decision: a
    removed term is not added again and a confirmed one is never withdrawn.
    One row per page and term, whatever number of sources proposed it.
    """

    class Vocabulary(models.TextChoices):
        TARGET_GROUPS = "target_groups", _("Target group")
        REGIONS = "regions", _("Region")
        KEYWORDS = "keywords", _("Keyword")
        FUNDING_SOURCES = "funding_sources", _("Funding source")

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        CONFIRMED = "confirmed", _("Confirmed")
        REMOVED = "removed", _("Removed")

    TERM_MODELS = {
        Vocabulary.TARGET_GROUPS: TargetGroup,
        Vocabulary.REGIONS: Region,
        Vocabulary.KEYWORDS: Keyword,
        Vocabulary.FUNDING_SOURCES: FundingSource,
    }

    page = models.ForeignKey(
        "methodbank.MethodBankPage", on_delete=models.CASCADE, related_name="term_suggestions", verbose_name=_("Page")
    )
    vocabulary = models.CharField(_("Vocabulary"), max_length=20, choices=Vocabulary.choices)
    code = models.SlugField(_("Term code"), max_length=40)
    # [{"source": file name, "line": 812, "text": "maahanmuuttajataustaisten", "via": "text"}], see ``Evidence``.
    evidence = models.JSONField(_("Provenance"), default=list, blank=True)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.SUGGESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Decided by"),
    )
    decided_at = models.DateTimeField(_("Decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("Suggested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("Term suggestion")
        verbose_name_plural = _("Term suggestions")
        ordering = ["vocabulary", "code"]
        constraints = [
            models.UniqueConstraint(fields=["page", "vocabulary", "code"], name="one_suggestion_per_page_and_term")
        ]

    def __str__(self):
        return f"{self.page_id} {self.vocabulary}:{self.code} ({self.status})"

    @property
    def term_model(self):
        return self.TERM_MODELS[self.vocabulary]

    def provenance(self):
        """Where the import found this term, in the active language: one line per piece of evidence."""
        return [describe_evidence(item) for item in self.evidence]

    def term(self, locale_id):
        """The term in the page's language (None when the vocabulary no longer has it)."""
        return self.term_model.objects.filter(code=self.code, locale_id=locale_id).first()


def describe_evidence(item):
    """One piece of evidence (see ``methodbank.importer.classify.Evidence``) in words, e.g. from line 812: “…”."""
    context = {"line": item.get("line", "?"), "text": item.get("text", "")}
    via = item.get("via")
    if via == "project":
        return gettext("from its project's description, line %(line)s: “%(text)s”") % context
    if via == "organisation":
        return gettext("from the lead organisation's name, line %(line)s: “%(text)s”") % context
    if via == "heading":
        return gettext("listed under “%(text)s”, line %(line)s") % context
    if via == "report":
        return gettext("the report says so of all its projects, line %(line)s: “%(text)s”") % context
    return gettext("from line %(line)s: “%(text)s”") % context
