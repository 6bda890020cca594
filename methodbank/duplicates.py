"""Items that may describe the same thing: the same or a close title after the search analysis, a
shared project with a similar title, or nearly the same summary. Compared within one language and
one kind (project, model, practice); a warning, never a block: editors decide."""

from django.apps import apps
from django.utils.translation import gettext
from rapidfuzz import fuzz, process
from wagtail.models import Locale, PageLogEntry

from search.analysis import analyse

from .item_projects import item_projects

CLOSE_TITLE = 88  # rapidfuzz token-sort ratio of the analysed titles
CONTAINED_TITLE = 75  # token-sort ratio enough when one title's terms hold all of the other's
# Logged on each version a merge unpublished (methodbank.merging): such a version is no duplicate any more.
MERGED_LOG_ACTION = "methodbank.merged_into"
PROJECT_TITLE = 80  # a shared project counts only with a title this alike: a project has many models
CLOSE_SUMMARY = 92  # token-set ratio of summaries
MIN_SUMMARY = 80  # characters: shorter summaries are too alike by chance


def title_terms(title, language):
    return " ".join(sorted(set(analyse(title, language).split())))


class Candidate:
    def __init__(self, page, projects, language):
        self.page = page
        self.terms = title_terms(page.title, language)
        self.projects = set(projects)
        self.summary = " ".join((page.summary or "").split())


def reasons(first, second):
    """Why two candidates look alike, in the active language; empty when they do not."""
    found = []
    title_likeness = fuzz.token_sort_ratio(first.terms, second.terms)
    if first.terms and first.terms == second.terms:
        found.append(gettext("the same title"))
    elif title_likeness >= CLOSE_TITLE or (
        # One title inside the other, with little added: "Amisappi" and "Amisappi 2.0".
        title_likeness >= CONTAINED_TITLE and fuzz.token_set_ratio(first.terms, second.terms) == 100
    ):
        found.append(gettext("a close title"))
    if first.projects & second.projects and title_likeness >= PROJECT_TITLE:
        found.append(gettext("the same project"))
    long_enough = min(len(first.summary), len(second.summary)) >= MIN_SUMMARY
    if long_enough and fuzz.token_set_ratio(first.summary, second.summary) >= CLOSE_SUMMARY:
        found.append(gettext("a nearly identical summary"))
    return found


def candidates(pages):
    """A candidate for each of ``pages`` (a queryset), their projects read in two queries."""
    projects = item_projects(pages.values("pk"))
    # Languages by locale: the specific pages come without the locales a ``select_related`` would join.
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    return [Candidate(page, projects.get(page.pk, ()), languages[page.locale_id]) for page in pages.specific()]


def merged_away():
    return PageLogEntry.objects.filter(action=MERGED_LOG_ACTION).values("page_id")


def alike(group, rows):
    """Index pairs ``(row, column)`` of ``group`` that may look alike: a cheap filter (rapidfuzz's ``extract``
    compares one string with all others in C++, skipping early below the cut-off) that keeps every pair
    ``reasons`` could accept, so that the exact test runs on a few pairs instead of all of them."""
    terms = [candidate.terms for candidate in group]
    summaries = [candidate.summary if len(candidate.summary) >= MIN_SUMMARY else "" for candidate in group]
    for values, scorer, cutoff in (
        (terms, fuzz.token_sort_ratio, CONTAINED_TITLE),
        (summaries, fuzz.token_set_ratio, CLOSE_SUMMARY),
    ):
        for row in rows:
            if values[row]:
                for _value, _score, column in process.extract(
                    values[row], values, scorer=scorer, score_cutoff=cutoff, limit=None
                ):
                    yield row, column


def similar_items(page):
    """``[(other page, [reasons])]`` for every existing item of the same kind and language that looks like ``page``."""
    # Looked up by name: the page models' editor panels use this module.
    others = (
        apps.get_model("methodbank", "MethodBankPage")
        .objects.filter(item_type=page.item_type, locale_id=page.locale_id)
        .exclude(translation_key=page.translation_key)
        .exclude(alias_of__isnull=False)
        .exclude(pk__in=merged_away())
    )
    this = Candidate(page, item_projects([page.pk]).get(page.pk, ()), page.locale.language_code)
    group = [this, *candidates(others)]
    found = []
    # A column comes once per filter it passes (title, summary): each other item is listed once.
    for column in sorted({column for _row, column in alike(group, [0])} - {0}):
        why = reasons(this, group[column])
        if why:
            found.append((group[column].page, why))
    return found


def duplicate_pairs(pages, involving=None):
    """``[(page, page, [reasons])]`` among ``pages``, compared within each language and kind; with ``involving``
    (a queryset), only the pairs with at least one of those pages."""
    groups = {}
    for candidate in candidates(pages.exclude(pk__in=merged_away())):
        groups.setdefault((candidate.page.locale_id, candidate.page.item_type), []).append(candidate)
    wanted = None if involving is None else set(involving.values_list("pk", flat=True))
    found = []
    for group in groups.values():
        rows = [row for row, candidate in enumerate(group) if wanted is None or candidate.page.pk in wanted]
        for first, second in sorted({(min(pair), max(pair)) for pair in alike(group, rows) if pair[0] != pair[1]}):
            why = reasons(group[first], group[second])
            if why:
                found.append((group[first].page, group[second].page, why))
    return found
