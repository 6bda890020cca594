"""What search reads from the apps above it, registered by those apps: search imports none of them.

An app registers, in its ``AppConfig.ready`` (the method bank: ``methodbank.search_registration``),

- its facets (``register_facet``), in the order they are shown: each with a
  label, a description for the API document, and where its values come from:
  fixed ``choices``, a vocabulary registered under the same name, or, with a
  ``pattern``, the values found in the documents (such as project end years);
  with ``other_pages``, pages that are no items take the value ``OTHER_PAGE`` in
  it, so that the site search's counts (of types) cover every result;
- its vocabularies (``register_vocabulary``): for each name the translatable
  term model, with ``code``, ``name``, ``sort_order`` and ``word_forms`` (one
  word form or synonym per line, per language) and an optional ``parent``, so
  that a query naming a term finds the items tagged with it
  (``search.term_names``);
- its item pages (``register_items``): what makes a page an item (listed by the
  method bank and the API, filterable), its facet values and listing fields;
- a function that gives the projects of listed items, so that a result shows
  its project in the visitor's language;
- what an app above the items adds to their documents (``register_item_data``):
  facet values and one number per item, which results carry under the number's
  name and a sort of its own orders by, largest first (the adoptions app: the
  regions an item is used in and how many organisations use it).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

# The value pages that are no items (content pages, home pages) take in a facet registered with ``other_pages``.
OTHER_PAGE = "page"


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    description: str
    # A Django Choices class: the facet's fixed values and their labels.
    choices: type = None
    # For values read from the documents: what a valid value looks like (a regular expression).
    pattern: str = ""
    # The label of OTHER_PAGE, for the facet that pages which are no items take a value in; empty for the others.
    other_pages: str = ""
    # Another facet whose vocabulary gives this one's values and labels (regions an item is used in are regions).
    values_of: str = ""

    def accepts_any(self, value):
        return bool(self.pattern) and re.fullmatch(self.pattern, value) is not None


@dataclass(frozen=True)
class Terms:
    model: type
    # The letter that starts this vocabulary's tag terms; stored in the index, so it never changes.
    tag: str
    # How "why it matched" names the vocabulary, in a sentence.
    match_label: str


@dataclass(frozen=True)
class Items:
    # The page class of every item.
    model: type
    # ``facet_values(page, fresh_source=None)``: the item's ``(facet, value)`` pairs, all language-independent
    # codes; ``fresh_source`` is a page being saved that the item reads (see ``dependents``).
    facet_values: Callable
    # ``sources(page)``: the pages whose data ``facet_values`` reads besides the item's own.
    sources: Callable
    # ``dependents(page)``: the items whose facet values read ``page``, to update when it is saved.
    dependents: Callable
    # ``listing(pages, vocabulary)``: ``{page pk: fields}`` of the items among ``pages``, labelled in the
    # vocabulary's language: summary, type, type_label, themes, target_groups, regions, evaluation,
    # evaluation_label, end_year.
    listing: Callable


facets = {}
vocabularies = {}
items = None
_projects = []


def register_facet(name, label, *, description, choices=None, pattern="", other_pages="", values_of=""):
    facets[name] = Facet(name, label, description, choices, pattern, other_pages, values_of)


def other_page_values():
    """The ``(facet, value)`` pairs of a page that is no item."""
    return {(facet.name, OTHER_PAGE) for facet in facets.values() if facet.other_pages}


def register_vocabulary(facet, model, *, tag, match_label):
    vocabularies[facet] = Terms(model, tag, match_label)


def register_items(model, *, facet_values, sources, dependents, listing):
    global items
    items = Items(model, facet_values, sources, dependents, listing)


def is_item(page):
    return items is not None and isinstance(page, items.model)


def item_facet_values(page, fresh_source=None):
    return items.facet_values(page, fresh_source) if is_item(page) else set()


def item_sources(page):
    return items.sources(page) if is_item(page) else []


def dependents(page):
    return items.dependents(page) if items is not None else []


def register_projects(function):
    """``function(pages)`` returns ``{page pk: [translation keys of its projects]}`` for the items among ``pages``."""
    _projects.append(function)


def projects_of(pages):
    projects = {}
    for function in _projects:
        for pk, found in function(pages).items():
            projects.setdefault(pk, []).extend(found)
    return projects


# ``function(selection_parameters)`` returns OpenAPI path items that apps above search serve (the open data of
# the reports app); ``selection_parameters`` are the search's q and facet parameters, which select items there too.
api_paths = []


def register_api_paths(function):
    api_paths.append(function)


@dataclass(frozen=True)
class ItemData:
    # ``data(pages)``: ``{page pk: (set of (facet, value) pairs, number)}`` for the items among ``pages``, in a
    # fixed number of queries; an item left out has neither.
    data: Callable
    # The number's name in a result and in the API's item object, and what the API's document says of it.
    name: str
    description: str
    # The sort that lists the largest numbers first (ties in the default order): its parameter value and label.
    sort: str
    sort_label: str


item_data = None


def register_item_data(data, *, name, description, sort, sort_label):
    global item_data
    item_data = ItemData(data, name, description, sort, sort_label)


def added_item_data(pages):
    """``{page pk: (facet values, number)}`` that ``register_item_data`` adds to the items among ``pages``."""
    listed = [page for page in pages if is_item(page)]
    if item_data is None or not listed:
        return {}
    return item_data.data(listed)


def number_sort():
    """The registered sort by the items' number, or None."""
    return item_data.sort if item_data is not None else None
