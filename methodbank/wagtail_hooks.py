from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from methodbank.models import FundingSource, Keyword, Organisation, Region, TargetGroup, Theme


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
