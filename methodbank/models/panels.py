from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel, TabbedInterface
from wagtail.models import Page

from methodbank.duplicates import similar_items

from .term_suggestion import TermSuggestion


class ModeratorFieldPanel(FieldPanel):
    """A field that users with ``permission`` edit and everyone else sees read-only.

    A plain ``FieldPanel(permission=...)`` hides the field entirely; contributors
    should still see, for example, how their model has been evaluated.
    """

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is not None and self.bound_field is None:
                self.read_only = True
                field = self.panel.db_field
                self.heading = self.panel.heading or field.verbose_name.capitalize()
                self.help_text = self.panel.help_text or field.help_text

        def is_shown(self):
            return self.read_only or super().is_shown()

    def format_value_for_display(self, value):
        choices = dict(self.db_field.flatchoices)
        return choices.get(value, value)


def checkboxes(field_name):
    return FieldPanel(field_name, widget=forms.CheckboxSelectMultiple)


def method_bank_tabs(basic_information, classification, evaluation=False):
    """The editing tabs every method bank page shares; the first and third differ by type, and models
    and practices add an evaluation tab."""
    evaluation_tab = [ObjectList([EvaluationStatusPanel()], heading=_("Evaluation"))] if evaluation else []
    return TabbedInterface(
        [
            ObjectList([SimilarItemsPanel(), *basic_information], heading=_("Basic information")),
            ObjectList([FieldPanel("summary"), FieldPanel("body")], heading=_("Description")),
            ObjectList(
                [
                    *classification,
                    checkboxes("themes"),
                    checkboxes("target_groups"),
                    checkboxes("regions"),
                    FieldPanel("keywords"),
                    ModeratorFieldPanel("evaluation", permission="methodbank.set_evaluation"),
                    TermSuggestionsPanel(heading=_("Suggested by the import")),
                ],
                heading=_("Classification"),
            ),
            ObjectList(
                [
                    FieldPanel("contacts"),
                    MultiFieldPanel(
                        [FieldPanel("steward"), FieldPanel("steward_email"), ReviewStatusPanel()],
                        heading=_("Stewardship"),
                    ),
                ],
                heading=_("Contacts"),
            ),
            *evaluation_tab,
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )


class EvaluationStatusPanel(Panel):
    """Shows the editor what the item still needs before it can be evaluated, and its completed evaluations."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "methodbank/admin/evaluation_status_panel.html"

        def get_context_data(self, parent_context=None):
            from .evaluation import REQUIRED_SECTIONS, completed_evaluations, missing_sections, section_labels

            context = super().get_context_data(parent_context)
            page = self.instance
            labels = section_labels(page)
            context["required"] = [labels[name] for name in REQUIRED_SECTIONS]
            context["missing"] = missing_sections(page)
            context["records"] = completed_evaluations(page) if page.pk else []
            return context


class SimilarItemsPanel(Panel):
    """Existing items that look like this one, so that nobody adds the same item twice; never blocks saving."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "methodbank/admin/similar_items_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.similar = []
            if self.instance.pk and self.instance.title:
                self.similar = similar_items(self.instance)

        def is_shown(self):
            return bool(self.similar)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["similar"] = [{"page": page, "reasons": ", ".join(why)} for page, why in self.similar]
            context["may_merge"] = self.instance.permissions_for_user(self.request.user).can_unpublish()
            return context


class ReviewStatusPanel(Panel):
    """When the item was last reviewed, and the button to review it; editing never sets the date."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "methodbank/admin/review_status_panel.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["review"] = self.instance.latest_review()
            context["page"] = self.instance
            return context


class TermSuggestionsPanel(Panel):
    """The terms an import suggested for the page, why, and links to confirm or remove each one."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "methodbank/admin/term_suggestions_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and self.instance.term_suggestions.exists()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            suggestions = list(self.instance.term_suggestions.select_related("decided_by"))
            order = list(TermSuggestion.Status.values)
            suggestions.sort(key=lambda suggestion: (order.index(suggestion.status), suggestion.vocabulary))
            names = self.term_names(suggestions)
            context["suggestions"] = [
                {
                    "suggestion": suggestion,
                    "name": names.get((suggestion.vocabulary, suggestion.code), suggestion.code),
                    "provenance": suggestion.provenance(),
                }
                for suggestion in suggestions
            ]
            return context

        def term_names(self, suggestions):
            """``{(vocabulary, code): name}`` in the editor's language where the term has it, else the page's.

            Two queries per vocabulary, however many suggestions the page has.
            """
            names = {}
            for vocabulary in {suggestion.vocabulary for suggestion in suggestions}:
                model = TermSuggestion.TERM_MODELS[vocabulary]
                codes = [suggestion.code for suggestion in suggestions if suggestion.vocabulary == vocabulary]
                terms = list(model.objects.filter(code__in=codes, locale_id=self.instance.locale_id))
                translated = model.names_in_active_language([term.translation_key for term in terms])
                for term in terms:
                    names[(vocabulary, term.code)] = translated.get(term.translation_key, term.name)
            return names
