from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.models import LinkStatus
from core.page_admin import page_viewsets
from methodbank.duplicates import similar_items
from methodbank.evaluation_admin import EvaluationPermissionPolicy, EvaluationViewSet
from methodbank.merge_views import MergeView
from methodbank.merging import MERGED_LOG_ACTION, RECEIVED_LOG_ACTION
from methodbank.models import (
    EvaluationRecord,
    FundingSource,
    Keyword,
    MethodBankIndexPage,
    MethodBankPage,
    Organisation,
    Region,
    TargetGroup,
    Theme,
)
from methodbank.models.evaluation import EVALUATED_TYPES, missing_sections
from methodbank.models.stewardship import REVIEW_LOG_ACTION
from methodbank.stewardship_admin import (
    BrokenLinksReportView,
    DueForReviewReportView,
    LinkStatusViewSet,
    NoAddingPolicy,
    ReviewView,
)
from methodbank.suggestion_views import TermSuggestionDecisionView
from methodbank.translation_views import CheckedSubmitSnippetTranslationView, CheckedUpdateTranslationsView

register_permission_policy(EvaluationRecord, EvaluationPermissionPolicy(EvaluationRecord))
register_permission_policy(LinkStatus, NoAddingPolicy(LinkStatus))


class TermViewSet(SnippetViewSet):
    # Vocabularies are small: a database lookup finds partial words ("Lapp")
    # and needs no search index to be built first.
    search_backend_name = None
    list_display = ["name", "code"]
    list_filter = ["locale"]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "name"]


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "code", "parent"]
    list_filter = ["locale", "parent"]


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"


class RegionViewSet(TermViewSet):
    model = Region
    icon = "globe"
    list_filter = ["locale", "is_national"]


class FundingSourceViewSet(TermViewSet):
    model = FundingSource
    icon = "doc-full"


class KeywordViewSet(TermViewSet):
    model = Keyword
    icon = "tag"


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    list_display = ["name", "business_id", "website"]
    list_filter = ["locale"]
    search_backend_name = None
    search_fields = ["name", "business_id"]
    ordering = ["name"]


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "tag"
    menu_order = 250
    items = (
        ThemeViewSet,
        TargetGroupViewSet,
        RegionViewSet,
        FundingSourceViewSet,
        KeywordViewSet,
        OrganisationViewSet,
    )


register_snippet(VocabularyGroup)


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    actions.register_action("methodbank.import", _("Import"), _("Imported from a source document"))
    actions.register_action(REVIEW_LOG_ACTION, _("Review"), _("Reviewed: links, contacts and use checked"))
    actions.register_action(MERGED_LOG_ACTION)(MergedInto)
    actions.register_action(RECEIVED_LOG_ACTION)(MergedFrom)


class MergedInto(LogFormatter):
    label = _("Merge")

    def format_message(self, log_entry):
        return gettext_now("Merged into “%(title)s”; the address redirects there.") % log_entry.data["remaining"]


class MergedFrom(LogFormatter):
    label = _("Merge")

    def format_message(self, log_entry):
        summary = " ".join(log_entry.data.get("others", []))
        message = gettext_now("“%(title)s” was merged into this item.") % log_entry.data["removed"]
        return f"{message} {summary}".strip()


@hooks.register("register_admin_viewset")
def register_evaluation_viewset():
    return EvaluationViewSet("evaluations")


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def tell_what_evaluation_needs(request, page):
    """After a save, tell the editor which sections a model or practice still needs before evaluation."""
    # Autosave posts every second or so and expects JSON; only a save the editor clicked gets the note.
    if getattr(page, "item_type", None) not in EVALUATED_TYPES or not request.accepts("text/html"):
        return
    missing = missing_sections(page)
    if missing:
        messages.warning(
            request,
            gettext_now("Before “%(title)s” can be evaluated, add these sections to its description: %(sections)s.")
            % {"title": page.title, "sections": ", ".join(str(label) for label in missing)},
        )


@hooks.register("register_admin_urls")
def register_checked_translation_views():
    # Same addresses as wagtail-localize's views: this app's hooks come first, so these answer.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            CheckedUpdateTranslationsView.as_view(),
            name="methodbank_update_translations",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            CheckedSubmitSnippetTranslationView.as_view(),
            name="methodbank_submit_snippet_translation",
        ),
    ]


@hooks.register("register_admin_urls")
def register_term_suggestion_views():
    return [
        path(
            "methodbank/suggestions/<int:pk>/<slug:action>/",
            TermSuggestionDecisionView.as_view(),
            name="methodbank_term_suggestion",
        )
    ]


@hooks.register("register_admin_viewset")
def register_page_viewsets():
    return page_viewsets(MethodBankIndexPage, MethodBankPage)


@hooks.register("register_admin_urls")
def register_review_urls():
    reports = [
        path("due-for-review/", DueForReviewReportView.as_view(), name="due"),
        path("due-for-review/results/", DueForReviewReportView.as_view(results_only=True), name="due_results"),
        path("broken-links/", BrokenLinksReportView.as_view(), name="broken_links"),
        path("broken-links/results/", BrokenLinksReportView.as_view(results_only=True), name="broken_links_results"),
    ]
    return [
        path("methodbank/review/<int:pk>/", ReviewView.as_view(), name="methodbank_review"),
        path("methodbank/merge/<int:pk>/", MergeView.as_view(), name="methodbank_merge"),
        path("methodbank/reports/", include((reports, "methodbank_reviews"))),
    ]


class DueForReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return DueForReviewReportView.permission_policy.user_has_any_permission(
            request.user, DueForReviewReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def register_due_for_review_menu_item():
    return DueForReviewMenuItem(
        _("Due for review"), reverse("methodbank_reviews:due"), name="due-for-review", icon_name="tasks", order=760
    )


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item():
    return DueForReviewMenuItem(
        _("Broken links"),
        reverse("methodbank_reviews:broken_links"),
        name="broken-links",
        icon_name="link-external",
        order=770,
    )


class ReviewButton(PageMenuItem):
    label = _("Review")
    icon_name = "tasks"
    url_name = "methodbank_review"

    def is_shown(self, user):
        specific_class = self.page.specific_class
        return bool(specific_class) and issubclass(specific_class, MethodBankPage) and self.can_edit(user)

    def can_edit(self, user):
        return self.page.permissions_for_user(user).can_edit()


class MergeButton(ReviewButton):
    label = _("Merge into…")
    icon_name = "resubmit"
    url_name = "methodbank_merge"

    def can_edit(self, user):
        # Moderators: the merge unpublishes this item (the view checks the other item too).
        return self.page.permissions_for_user(user).can_unpublish()


@hooks.register("register_page_header_buttons")
def review_button(page, user, view_name, next_url=None):
    yield ReviewButton(page=page, priority=66)
    yield MergeButton(page=page, priority=67)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_similar_items(request, page):
    """After an item is created or renamed, name the existing items that look like it; a warning, never a block."""
    if not isinstance(page, MethodBankPage) or not request.accepts("text/html") or not renamed_or_new(page):
        return
    similar = similar_items(page)
    if similar:
        listing = "; ".join(f"“{other.title}” ({', '.join(why)})" for other, why in similar)
        messages.warning(
            request,
            gettext_now("Similar items already exist: %(items)s. Check that “%(title)s” is not one of them.")
            % {"items": listing, "title": page.title},
        )


def renamed_or_new(page):
    previous = page.revisions.order_by("-created_at", "-pk")[1:2].first()
    return previous is None or previous.content.get("title") != page.title


@hooks.register("register_admin_viewset")
def register_link_status_viewset():
    return LinkStatusViewSet("link_checks")
