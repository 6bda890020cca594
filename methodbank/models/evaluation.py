"""The two-phase evaluation of models and good practices.

A peer evaluation comes first: other projects assess the item in a workshop.
An expert evaluation follows and judges whether the item can spread to the whole
country. Each record scores the same criteria as traffic lights, names its
evaluators and explains itself in a summary, so the badge on the page can show
its reasons. The page's ``evaluation`` field (the search facet) follows the
highest phase that a completed record passed.
"""

from functools import partial

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Orderable
from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published

from search.documents import update_document

from .choices import Evaluation as EvaluationState
from .choices import ItemType
from .method_bank_page import MethodBankPage

# The description sections an item needs before anyone can evaluate it: the
# criteria cannot be judged without them.
REQUIRED_SECTIONS = ("goal", "target_group", "implementation", "results")
EVALUATED_TYPES = (ItemType.MODEL, ItemType.PRACTICE)


class Phase(models.TextChoices):
    PEER = "peer", _("Peer evaluation")
    EXPERT = "expert", _("Expert evaluation")


class Light(models.TextChoices):
    """Traffic lights, as in Innokylä's evaluation tool; the label never relies on colour alone."""

    GREEN = "green", _("Green: meets the criterion")
    YELLOW = "yellow", _("Yellow: partly meets the criterion")
    RED = "red", _("Red: does not meet the criterion yet")


class Outcome(models.TextChoices):
    PASSED = "passed", _("Passed")
    REVISE = "revise", _("Needs changes")
    NOT_PASSED = "not_passed", _("Did not pass")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft: not shown on the page")
    COMPLETED = "completed", _("Completed: shown on the page")


# field name, label, what the evaluators look at
CRITERIA = [
    ("spreadability", _("Spreadability to the whole country"), _("Could schools elsewhere in Finland adopt it?")),
    ("documentation", _("Quality of documentation"), _("Is the description complete and clear enough to follow?")),
    ("pilot_evidence", _("Evidence from pilots"), _("Has it been tried in practice, and what happened?")),
    ("results", _("Results and metrics"), _("Are the results shown, and measured where possible?")),
]
PHASE_PERMISSIONS = {
    Phase.PEER: "methodbank.record_peer_evaluation",
    Phase.EXPERT: "methodbank.record_expert_evaluation",
}


def section_labels(page):
    return {name: block.label for name, block in page._meta.get_field("body").stream_block.child_blocks.items()}


def missing_sections(page):
    """Labels of the required description sections that ``page`` does not have yet, in order."""
    present = {child.block_type for child in page.body}
    labels = section_labels(page)
    return [labels[name] for name in REQUIRED_SECTIONS if name not in present]


def phases_user_may_record(user):
    return [phase for phase, permission in PHASE_PERMISSIONS.items() if user.has_perm(permission)]


def evaluable_pages():
    """Models and good practices, one version of each: the default language's, or the only one there is."""
    pages = MethodBankPage.objects.filter(item_type__in=EVALUATED_TYPES)
    default = Locale.get_default()
    in_default = pages.filter(locale=default).values("translation_key")
    return (
        pages.filter(models.Q(locale=default) | ~models.Q(translation_key__in=in_default))
        .select_related("locale")
        .order_by("title")
    )


def criterion_fields(label, help_text):
    light = models.CharField(label, max_length=10, choices=Light.choices, blank=True, help_text=help_text)
    note = models.TextField(
        format_lazy("{}: {}", label, _("reasoning")),
        blank=True,
        max_length=1500,
        help_text=_("Why this light: what the evaluators saw."),
    )
    return light, note


class EvaluationForm(WagtailAdminModelForm):
    """Offers only the phases the user may record, and needs evaluators before a record is completed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed_phases = phases_user_may_record(self.for_user) if self.for_user else list(Phase)
        if "phase" in self.fields:
            self.fields["phase"].choices = [
                choice for choice in self.fields["phase"].choices if choice[0] in self.allowed_phases
            ]
            self.fields["phase"].error_messages["invalid_choice"] = _("You may not record this kind of evaluation.")
        for name, _label, _help in CRITERIA:
            if name in self.fields:
                self.fields[name].choices = [("", _("Not scored yet")), *Light.choices]
        if "page" in self.fields:
            self.fields["page"].queryset = evaluable_pages()
            self.fields["page"].label_from_instance = lambda page: (
                f"{page.title} ({page.get_item_type_display_plain()}, {page.locale.language_code})"
            )
            self.fields["page"].error_messages["invalid_choice"] = _("Choose a model or a good practice from the list.")

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("status") == Status.COMPLETED and "evaluators" in self.formsets:
            names = [
                form.cleaned_data.get("name")
                for form in self.formsets["evaluators"].forms
                if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            if not any(names):
                self.add_error(None, _("Name at least one evaluator before completing the evaluation."))
        return cleaned_data


class EvaluationRecord(ClusterableModel):
    """One evaluation of an item in one phase, with its evaluators, scores and reasoning."""

    page = models.ForeignKey(
        "methodbank.MethodBankPage",
        verbose_name=_("Model or good practice"),
        on_delete=models.CASCADE,
        related_name="evaluation_records",
        help_text=_("The evaluation covers every language version of the item."),
    )
    phase = models.CharField(_("Phase"), max_length=10, choices=Phase.choices)
    evaluated_on = models.DateField(_("Date of the evaluation"), default=timezone.localdate)

    spreadability, spreadability_note = criterion_fields(*CRITERIA[0][1:])
    documentation, documentation_note = criterion_fields(*CRITERIA[1][1:])
    pilot_evidence, pilot_evidence_note = criterion_fields(*CRITERIA[2][1:])
    results, results_note = criterion_fields(*CRITERIA[3][1:])

    summary = models.TextField(
        _("Summary"),
        blank=True,
        max_length=4000,
        help_text=_("The evaluators' overall assessment, shown on the page with the criteria."),
    )
    language = models.CharField(
        _("Language of the written assessment"), max_length=5, choices=settings.LANGUAGES, default="fi"
    )
    outcome = models.CharField(_("Outcome"), max_length=12, choices=Outcome.choices, blank=True)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Recorded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Updated at"), auto_now=True)

    base_form_class = EvaluationForm
    panels = [
        # A plain list of models and practices, one per item, rather than a page tree to browse.
        FieldPanel("page", widget=forms.Select),
        FieldRowPanel([FieldPanel("phase"), FieldPanel("evaluated_on")]),
        InlinePanel("evaluators", heading=_("Evaluators"), label=_("Evaluator")),
        *[
            MultiFieldPanel(
                [
                    FieldPanel(name, heading=_("Light"), widget=forms.RadioSelect),
                    FieldPanel(f"{name}_note", heading=_("Reasoning")),
                ],
                heading=label,
            )
            for name, label, _help in CRITERIA
        ],
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("outcome")]),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("Evaluation")
        verbose_name_plural = _("Evaluations")
        ordering = ["-evaluated_on", "-pk"]
        permissions = [
            ("record_peer_evaluation", _("Can record peer evaluations")),
            ("record_expert_evaluation", _("Can record expert evaluations")),
        ]

    def __str__(self):
        return f"{self.get_phase_display()}: {self.page.title}"

    def criteria(self):
        """Each criterion with its light and reasoning, for templates."""
        return [
            {
                "name": name,
                "label": label,
                "light": getattr(self, name),
                "light_label": Light(getattr(self, name)).label if getattr(self, name) else "",
                "note": getattr(self, f"{name}_note"),
            }
            for name, label, _help in CRITERIA
        ]

    def clean(self):
        super().clean()
        errors = {}
        page = self.page.specific if self.page_id else None
        if page is not None and page.item_type not in EVALUATED_TYPES:
            errors["page"] = _("Only models and good practices are evaluated.")
        elif page is not None and (self._state.adding or self._page_changed()):
            missing = missing_sections(page)
            if missing:
                errors["page"] = _(
                    "“%(title)s” cannot enter evaluation until its description has these sections: %(sections)s."
                ) % {"title": page.title, "sections": ", ".join(str(label) for label in missing)}
        if page is not None and self.phase == Phase.EXPERT and not self._peer_passed(page):
            errors["phase"] = _(
                "An expert evaluation can be recorded only after the item has passed a completed peer evaluation."
            )
        if self.evaluated_on and self.evaluated_on > timezone.localdate():
            errors["evaluated_on"] = _("The date of the evaluation cannot be in the future.")
        if self.status == Status.COMPLETED:
            for name, _label, _help in CRITERIA:
                if not getattr(self, name):
                    errors[name] = _("Choose a light for every criterion before completing the evaluation.")
            if not self.summary.strip():
                errors["summary"] = _("Write a summary before completing the evaluation.")
            if not self.outcome:
                errors["outcome"] = _("Choose the outcome before completing the evaluation.")
        if errors:
            raise ValidationError(errors)

    def _page_changed(self):
        return EvaluationRecord.objects.filter(pk=self.pk).exclude(page_id=self.page_id).exists()

    def _peer_passed(self, page):
        return (
            EvaluationRecord.objects.filter(
                page__translation_key=page.translation_key,
                phase=Phase.PEER,
                status=Status.COMPLETED,
                outcome=Outcome.PASSED,
            )
            .exclude(pk=self.pk)
            .exists()
        )


class Evaluator(Orderable):
    evaluation = ParentalKey(EvaluationRecord, on_delete=models.CASCADE, related_name="evaluators")
    name = models.CharField(_("Name"), max_length=200)
    organisation = models.CharField(_("Organisation"), max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("organisation")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Evaluator")
        verbose_name_plural = _("Evaluators")

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


def completed_evaluations(page):
    """The completed evaluation records of every language version of ``page``, newest first."""
    return (
        EvaluationRecord.objects.filter(page__translation_key=page.translation_key, status=Status.COMPLETED)
        .prefetch_related("evaluators")
        .order_by("-evaluated_on", "-pk")
    )


def derived_state(translation_key):
    """The badge the records earn: the highest phase a completed record passed; ``None`` without records."""
    records = EvaluationRecord.objects.filter(page__translation_key=translation_key, status=Status.COMPLETED)
    if not records.exists():
        return None
    passed = set(records.filter(outcome=Outcome.PASSED).values_list("phase", flat=True))
    if Phase.EXPERT in passed:
        return EvaluationState.EXPERT
    if Phase.PEER in passed:
        return EvaluationState.PEER
    return EvaluationState.NONE


def sync_evaluation_state(translation_key, records_removed=False):
    """Keep every language version's ``evaluation`` field, and its search entries, in line with the records.

    Items without any completed record keep the state a moderator set by hand
    (entries carried over from the earlier bank), unless their last record was
    just removed.
    """
    state = derived_state(translation_key)
    if state is None:
        if not records_removed:
            return
        state = EvaluationState.NONE
    versions = MethodBankPage.objects.filter(translation_key=translation_key)
    # update(): a save() would also write the page's other fields, and sends no publish signals anyway.
    versions.exclude(evaluation=state).update(evaluation=state)
    for page in versions.specific():
        # Wagtail's page index (the admin's search), and the site search's document with its
        # evaluation facet on every backend; every version, so a stale entry is mended too.
        insert_or_update_object(page)
        update_document(page)


@receiver(post_save, sender=EvaluationRecord)
def evaluation_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_evaluation_state(instance.page.translation_key)


@receiver(post_delete, sender=EvaluationRecord)
def evaluation_deleted(sender, instance, origin=None, **kwargs):
    page = MethodBankPage.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    sync = partial(sync_evaluation_state, page.translation_key, records_removed=instance.status == Status.COMPLETED)
    removed_on_its_own = isinstance(origin, EvaluationRecord) or getattr(origin, "model", None) is EvaluationRecord
    if removed_on_its_own:
        sync()
    else:
        # The record goes with its page (or a section above it), which is half deleted by now:
        # bring the language versions that remain in line once the deletion has committed.
        transaction.on_commit(sync, robust=True)


@receiver(page_published)
def page_published_keeps_evaluation(sender, instance, **kwargs):
    # A draft saved before an evaluation still carries the old state; publishing it must not undo the records.
    if isinstance(instance, MethodBankPage):
        sync_evaluation_state(instance.translation_key)
