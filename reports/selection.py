"""What a report or an export covers: the method bank's filters and query, or themes and periods chosen in the admin.

A selection resolves to the translation keys of its items (models and good practices; projects only with
``with_projects``), each listed once whatever languages it exists in. Bad input raises ``SelectionError``
with a message a person can act on, in the active language.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.db.models import Q
from django.http import QueryDict
from django.utils.translation import gettext as _

from methodbank.models import CoordinationPeriod, ItemType, MethodBankPage, Theme
from search import registry
from search.analysis import LANGUAGES
from search.service import SearchRequest, matching_page_ids

ITEM_TYPES = (ItemType.MODEL, ItemType.PRACTICE)


class SelectionError(ValueError):
    """A selection that cannot be reported: ``errors`` maps each parameter to its message."""

    def __init__(self, errors):
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))
        self.errors = errors


def check_language(language):
    if language not in LANGUAGES:
        raise SelectionError({"lang": _("Choose the language fi, sv or en.")})
    return language


@dataclass(frozen=True)
class Selection:
    language: str
    # From the method bank: the listing's parameters as (name, values) pairs, read by SearchRequest.
    bank_params: tuple = ()
    # From the admin: theme codes (a main theme covers its sub-themes) and coordination periods; none = all.
    themes: tuple = ()
    periods: tuple = ()
    with_projects: bool = False
    _search: object = field(default=None, compare=False, repr=False, hash=False)

    @classmethod
    def from_bank(cls, params, language, with_projects=False):
        """The method bank listing's filters and query (a QueryDict); paging and sorting do not matter."""
        check_language(language)
        ignored = {"page", "page_size", "sort", "format", "lang"}
        pairs = tuple(
            (name, tuple(sorted(value for value in params.getlist(name) if value.strip())))
            for name in sorted(params)
            if name not in ignored
        )
        pairs = tuple((name, values) for name, values in pairs if values)
        search = SearchRequest.from_params(params, language=language, items_only=True)
        if search.errors:
            # The listing leaves unknown values out and says so; a report is refused instead, and says that.
            errors = dict(search.errors)
            for facet in registry.facets:
                if facet in errors:
                    unknown = [
                        value for value in params.getlist(facet) if not search.vocabulary.accepts(facet, value.strip())
                    ]
                    errors[facet] = _("Unknown %(facet)s: %(values)s.") % {
                        "facet": str(registry.facets[facet].label).lower(),
                        "values": ", ".join(value[:40] for value in unknown[:5]),
                    }
            raise SelectionError(errors)
        return cls(language=language, bank_params=pairs, with_projects=with_projects, _search=search)

    @classmethod
    def from_choices(cls, language, themes=(), periods=(), with_projects=False):
        check_language(language)
        known = set(Theme.objects.values_list("code", flat=True))
        unknown = [code for code in themes if code not in known]
        if unknown:
            raise SelectionError(
                {
                    "theme": _("Unknown theme: %(codes)s. Choose themes A–D or their sub-themes.")
                    % {"codes": ", ".join(unknown[:5])}
                }
            )
        bad_periods = [period for period in periods if period not in CoordinationPeriod.values]
        if bad_periods:
            raise SelectionError(
                {
                    "period": _("Unknown coordination period: %(periods)s. Choose %(known)s.")
                    % {"periods": ", ".join(bad_periods[:5]), "known": ", ".join(CoordinationPeriod.values)}
                }
            )
        return cls(
            language=language,
            themes=tuple(sorted(set(themes))),
            periods=tuple(sorted(set(periods))),
            with_projects=with_projects,
        )

    @property
    def key(self):
        """A short stable name of what is selected, whatever the language: stored reports are found by it."""
        described = {"bank": self.bank_params, "themes": self.themes, "periods": self.periods}
        if self.with_projects:
            described["projects"] = True
        return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()[:16]

    @property
    def is_whole_bank(self):
        return not self.bank_params and not self.themes and not self.periods

    def item_types(self):
        return (*ITEM_TYPES, ItemType.PROJECT) if self.with_projects else ITEM_TYPES

    def translation_keys(self):
        """The selected items' translation keys: in the listing's order from the bank, otherwise by title."""
        pages = MethodBankPage.objects.live().public().filter(item_type__in=self.item_types())
        if self.bank_params:
            search = self._search or SearchRequest.from_params(self.params(), language=self.language)
            ids = matching_page_ids(search)
            order = {pk: index for index, pk in enumerate(ids)}
            rows = pages.filter(pk__in=ids).values_list("pk", "translation_key")
            keys = [key for _pk, key in sorted(rows, key=lambda row: order[row[0]])]
        else:
            if self.themes:
                pages = pages.filter(themes__code__in=self.theme_codes()).distinct()
            if self.periods:
                pages = pages.filter(period_q(self.periods))
            keys = list(pages.order_by("title").values_list("translation_key", flat=True))
        keys = list(dict.fromkeys(keys))
        if not keys:
            raise SelectionError(
                {"selection": _("Nothing matches this selection: choose fewer filters or other words.")}
            )
        return keys

    def params(self):
        query = QueryDict(mutable=True)
        for name, values in self.bank_params:
            query.setlist(name, list(values))
        return query

    def theme_codes(self):
        """The chosen codes and the codes of the chosen main themes' sub-themes."""
        children = Theme.objects.filter(parent__code__in=self.themes).values_list("code", flat=True)
        return {*self.themes, *children}

    def description(self):
        """The selection in words, for the report's cover, in the active language."""
        parts = []
        for name, values in self.bank_params:
            facet = registry.facets.get(name)
            label = _("Search words") if name == "q" else str(facet.label) if facet else name
            parts.append(f"{label}: {', '.join(values)}")
        if self.themes:
            parts.append(_("Themes: %(codes)s") % {"codes": ", ".join(self.themes)})
        if self.periods:
            parts.append(
                _("Coordination periods: %(periods)s")
                % {"periods": ", ".join(p.replace("-", "–") for p in self.periods)}
            )
        return "; ".join(parts) or _("The whole method bank")


def period_q(periods):
    return Q(modelpage__period__in=periods) | Q(goodpracticepage__period__in=periods)
