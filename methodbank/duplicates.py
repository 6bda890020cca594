"""Items that may describe the same thing: the same or a close title after the search analysis, a
shared project with a similar title, or nearly the same summary. Compared within one language and
one kind (project, model, practice); a warning, never a block: editors decide."""

from itertools import combinations

from django.apps import apps
from django.utils.translation import gettext
from rapidfuzz import fuzz
from wagtail.models import PageLogEntry

from search.analysis import analyse

CLOSE_TITLE = 88  # rapidfuzz token-sort ratio of the analysed titles
CONTAINED_TITLE = 75  # token-sort ratio enough when one title's terms hold all of the other's
# Logged on each version a merge unpublished (methodbank.merging): such a version is no duplicate any more.
MERGED_LOG_ACTION = "methodbank.merged_into"
PROJECT_TITLE = 80  # a shared project counts only with a title this alike: a project has many models
CLOSE_SUMMARY = 92  # token-set ratio of summaries
MIN_SUMMARY = 80  # characters: shorter summaries are too alike by chance


def title_terms(title, language):
    return " ".join(sorted(set(analyse(title, language).split())))


def project_keys(page):
    """Translation keys of the item's projects: a model's several, a practice's one."""
    if hasattr(page, "projects"):
        return {project.translation_key for project in page.projects.all()}
    project = getattr(page, "project", None)
    return {project.translation_key} if project is not None else set()


class Candidate:
    def __init__(self, page):
        self.page = page
        self.terms = title_terms(page.title, page.locale.language_code)
        self.projects = project_keys(page)
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


def candidates_like(page):
    # Looked up by name: the page models' editor panels use this module.
    pages = (
        apps.get_model("methodbank", "MethodBankPage")
        .objects.filter(item_type=page.item_type, locale_id=page.locale_id)
        .exclude(translation_key=page.translation_key)
        .exclude(alias_of__isnull=False)
        .exclude(pk__in=merged_away())
        .select_related("locale")
        .specific()
    )
    return [Candidate(other) for other in pages]


def merged_away():
    return PageLogEntry.objects.filter(action=MERGED_LOG_ACTION).values("page_id")


def similar_items(page):
    """``[(other page, [reasons])]`` for every existing item of the same kind and language that looks like ``page``."""
    this = Candidate(page)
    found = []
    for other in candidates_like(page):
        why = reasons(this, other)
        if why:
            found.append((other.page, why))
    return found


def duplicate_pairs(pages):
    """``[(page, page, [reasons])]`` among ``pages``, compared within each language and kind."""
    groups = {}
    for page in pages.exclude(pk__in=merged_away()).select_related("locale").specific():
        groups.setdefault((page.locale_id, page.item_type), []).append(Candidate(page))
    pairs = []
    for group in groups.values():
        for first, second in combinations(group, 2):
            why = reasons(first, second)
            if why:
                pairs.append((first.page, second.page, why))
    return pairs
