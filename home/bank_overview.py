"""What the home page's live blocks show of the bank: themes with counts, figures, the newest and the recently
evaluated items.

The counts come from the search service, asked as the method bank's listing asks it (no query, no filters,
in the visitor's language), so a number on the home page is the number of results its link lists. The page
cache (``core.page_cache``) keeps the rendered home page for anonymous visitors and is emptied whenever
published content changes: publishing or unpublishing an item, saving a term or an evaluation record (the
method bank's models are ``public_content``). Numbers shown are therefore never older than the content.

One ``BankOverview`` per request and language (``overview_for``): the blocks of one page share its queries.
"""

from functools import cached_property

from django.conf import settings
from django.http import QueryDict
from django.utils import translation
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from methodbank.models import Evaluation, EvaluationRecord, ItemType, MethodBankIndexPage, MethodBankPage, Region
from methodbank.models.evaluation import Status
from methodbank.models.method_bank_page import public_versions
from search import service

# Evaluation records read to find the recently evaluated items: several records may concern one item, and
# some items may be hidden; this many per item shown is plenty.
RECORDS_PER_ITEM = 5


def visitor_language():
    language = translation.get_language() or settings.LANGUAGE_CODE
    codes = [code for code, _name in settings.LANGUAGES]
    return language if language in codes else settings.LANGUAGE_CODE


def overview_for(request):
    """The request's overview in the active language, made once however many blocks ask for it."""
    language = visitor_language()
    memo = getattr(request, "_bank_overviews", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._bank_overviews = memo
    if language not in memo:
        memo[language] = BankOverview(request, language)
    return memo[language]


class BankOverview:
    def __init__(self, request, language):
        self.request = request
        self.language = language

    def _search(self, params=""):
        search_request = service.SearchRequest.from_params(
            QueryDict(params), language=self.language, items_only=True, vocabulary=self._vocabulary
        )
        return service.search(search_request)

    @cached_property
    def _vocabulary(self):
        return service.Vocabulary(self.language)

    @cached_property
    def _everything(self):
        """The bank's listing without filters: its count and facet counts are the bank's figures."""
        return self._search("page_size=1")

    @cached_property
    def index_url(self):
        """The method bank's listing in the visitor's language (or any language's, before it is translated)."""
        pages = MethodBankIndexPage.objects.live().public()
        index = pages.filter(locale__language_code=self.language).first() or pages.first()
        return index.get_url(request=self.request) if index else None

    def listing_url(self, **filters):
        if self.index_url is None:
            return None
        return f"{self.index_url}?{urlencode(filters, doseq=True)}" if filters else self.index_url

    @cached_property
    def themes(self):
        """The main themes, each with its sub-themes, their counts and links to the filtered listing."""
        return [
            {
                **theme,
                "url": self.listing_url(theme=theme["value"]),
                "children": [
                    {**child, "url": self.listing_url(theme=child["value"])} for child in theme.get("children", [])
                ],
            }
            for theme in self._everything.facets.get("theme", [])
        ]

    @cached_property
    def figures(self):
        """The bank in numbers: each figure with its label and the listing it counts.

        Adoptions (a school taking a model into use) join this list once the bank records them.
        """
        counts_by_type = {entry["value"]: entry["count"] for entry in self._everything.facets.get("type", [])}
        national = set(Region.objects.filter(is_national=True).values_list("code", flat=True))
        regions = [
            entry
            for entry in self._everything.facets.get("region", [])
            if entry["count"] and entry["value"] not in national
        ]
        return [
            {"value": self._everything.count, "label": _("items in the bank"), "url": self.listing_url()},
            {
                "value": counts_by_type.get(ItemType.MODEL, 0),
                "label": _("models"),
                "url": self.listing_url(type=ItemType.MODEL),
            },
            {
                "value": counts_by_type.get(ItemType.PROJECT, 0),
                "label": _("projects"),
                "url": self.listing_url(type=ItemType.PROJECT),
            },
            {"value": len(regions), "label": _("regions with items"), "url": None},
        ]

    def newest(self, item_type, limit):
        """Cards of the ``limit`` newest published items of ``item_type``, as the listing's "Newest first" orders
        them."""
        result = self._search(urlencode({"type": item_type, "sort": "newest", "page_size": limit}))
        return [
            {
                **{name: item[name] for name in ("title", "summary", "type_label", "lang", "language_note")},
                "url": item["page"].get_url(request=self.request),
                "evaluation": shown_evaluation(item["evaluation"]),
            }
            for item in result.results
        ]

    def recently_evaluated(self, limit):
        """The items whose completed evaluations are the newest, each once, in the visitor's language if it can."""
        records = EvaluationRecord.objects.filter(status=Status.COMPLETED).order_by("-evaluated_on", "-pk")
        latest = {}
        for key, evaluated_on in records.values_list("page__translation_key", "evaluated_on")[
            : limit * RECORDS_PER_ITEM
        ]:
            latest.setdefault(key, evaluated_on)
        with translation.override(self.language):
            versions = public_versions(MethodBankPage.objects.filter(translation_key__in=latest))
        chosen = sorted(versions, key=lambda page: list(latest).index(page.translation_key))[:limit]
        return [
            {
                **card(page, self.request, self.language),
                "meta": [(_("Evaluated"), date_format(latest[page.translation_key], "DATE_FORMAT"))],
            }
            for page in chosen
        ]


def card(page, request, language):
    """What a card shows of a page (``includes/result_card.html``); ``lang`` is set when it is in another
    language than the visitor's."""
    lang = page.locale.language_code
    return {
        "title": page.title,
        "url": page.get_url(request=request),
        "summary": getattr(page, "summary", "") or page.search_description or getattr(page, "intro", ""),
        "type_label": page.get_item_type_display() if isinstance(page, MethodBankPage) else "",
        "lang": lang if lang != language else "",
        "language_note": service.IN_LANGUAGE.get(lang, "") if lang != language else "",
        "evaluation": shown_evaluation(getattr(page, "evaluation", None)),
    }


def shown_evaluation(state):
    """As in the listing, only evaluated items carry a badge: "not evaluated" on every card would say nothing."""
    return state if state in (Evaluation.PEER, Evaluation.EXPERT) else None


def featured_cards(chosen, request):
    """Cards of the chosen pages that visitors may see, in the visitor's language where possible, in the chosen
    order.

    Two queries however many pages are chosen: the versions, and the fields of those that are method bank items.
    """
    chosen = [page for page in chosen if page is not None]
    versions = public_versions(Page.objects.filter(translation_key__in=[page.translation_key for page in chosen]))
    # An item's summary, type and evaluation in one query, whatever kinds of item were chosen.
    items = MethodBankPage.objects.in_bulk([page.pk for page in versions])
    by_key = {}
    for page in versions:
        item = items.get(page.pk)
        if item is not None:
            # in_bulk() fetches the pages again without their locale; reuse the one already read.
            item.locale = page.locale
        by_key[page.translation_key] = item or page
    language = visitor_language()
    shown = []
    for page in chosen:
        version = by_key.pop(page.translation_key, None)
        if version is not None:
            shown.append(card(version, request, language))
    return shown
