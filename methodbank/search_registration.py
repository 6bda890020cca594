"""What the site search reads from the method bank, handed to ``search.registry`` (search imports nothing above it)."""

from django.utils.translation import gettext_lazy as _

from search import registry

from .item_projects import item_projects
from .models import (
    Evaluation,
    FundingSource,
    GoodPracticePage,
    ItemType,
    Keyword,
    MethodBankPage,
    ModelPage,
    ProjectPage,
    Region,
    Scope,
    TargetGroup,
    Theme,
)


def projects_of_items(pages):
    """``{page pk: [translation keys of its projects]}`` for the models and good practices among ``pages``."""
    return item_projects([page.pk for page in pages])


def projects_of(page):
    """The project pages an item belongs to: a project itself, a model's projects, a practice's project."""
    if isinstance(page, ProjectPage):
        return [page]
    if isinstance(page, ModelPage):
        return list(page.projects.all())
    if isinstance(page, GoodPracticePage):
        return [page.project] if page.project_id else []
    return []


def linked_projects(page):
    """The projects whose data an item's facet values read besides its own: a model's projects."""
    return list(page.projects.all()) if isinstance(page, ModelPage) else []


def facet_values(page, fresh_project=None):
    """``(facet, value)`` pairs of a method bank item, all language-independent codes.

    A model or good practice takes its funding and scope from its project(s).
    A sub-theme also counts for its main theme, so choosing a main theme finds
    the items of all its sub-themes.
    """
    values = {("type", page.item_type), ("evaluation", page.evaluation)}
    projects = projects_of(page)
    if fresh_project is not None:
        projects = [fresh_project if project.pk == fresh_project.pk else project for project in projects]
    # The same year as MethodBankPage.end_year, but from the project being saved
    # rather than from a database row that is updated after this runs.
    years = [project.end_date.year for project in projects if project.end_date]
    if years:
        values.add(("year", str(max(years))))
    for theme in page.themes.all():
        values.add(("theme", theme.code))
        if theme.parent_id:
            values.add(("theme", theme.parent.code))
    values.update(("target_group", term.code) for term in page.target_groups.all())
    values.update(("region", term.code) for term in page.regions.all())
    # Not a filter, but a query naming a keyword finds the items tagged with it (search.term_names).
    values.update(("keyword", term.code) for term in page.keywords.all())
    for project in projects:
        if project.scope:
            values.add(("scope", project.scope))
        values.update(("funding", source.code) for source in project.funding_sources.all())
    return values


def dependents(page):
    """Models and practices take funding, scope and year from their project: a saved project updates them."""
    return page.output_pages() if isinstance(page, ProjectPage) else []


def _item_terms(page_ids, vocabulary):
    """``{page_id: {"themes": [...], "target_groups": [...], "regions": [...]}}`` labelled in the vocabulary's
    language."""
    terms = {pk: {"themes": [], "target_groups": [], "regions": []} for pk in page_ids}
    for name, facet, related in (
        ("themes", "theme", "theme"),
        ("target_groups", "target_group", "targetgroup"),
        ("regions", "region", "region"),
    ):
        through = getattr(MethodBankPage, name).through
        rows = through.objects.filter(methodbankpage_id__in=page_ids).values_list(
            "methodbankpage_id", f"{related}__code"
        )
        order = {value: index for index, (value, _label) in enumerate(vocabulary.values[facet])}
        for page_id, code in sorted(rows, key=lambda row: order.get(row[1], 0)):
            terms[page_id][name].append({"value": code, "label": vocabulary.labels[facet].get(code, code)})
    return terms


def listing(pages, vocabulary):
    """The listing fields of the items among ``pages`` (see ``search.registry.Items``)."""
    items = [page for page in pages if isinstance(page, MethodBankPage)]
    terms = _item_terms([page.pk for page in items], vocabulary)
    return {
        page.pk: {
            "summary": page.summary,
            "type": page.item_type,
            "type_label": vocabulary.labels["type"].get(page.item_type, ""),
            **terms[page.pk],
            "evaluation": page.evaluation,
            "evaluation_label": vocabulary.labels["evaluation"].get(page.evaluation, ""),
            "end_year": page.end_year,
        }
        for page in items
    }


def register():
    registry.register_facet(
        "type",
        _("Type"),
        description="Item type: project, model or practice (good practice).",
        choices=ItemType,
        # The site search lists content pages too; they count under this type.
        other_pages=_("Other page"),
    )
    for name, label, description, choices in (
        (
            "theme",
            _("Theme"),
            "Theme code: a main theme A–D or a sub-theme such as B4. A main theme also finds its sub-themes' items.",
            None,
        ),
        ("target_group", _("Target group"), "Target group code, such as at-risk-students.", None),
        (
            "region",
            _("Region"),
            "Region code: ISO 3166-2:FI in lower case (fi-10 is Lapland), or national.",
            None,
        ),
        (
            "funding",
            _("Funding"),
            "Funding source code, such as esf. Models and practices take it from their project.",
            None,
        ),
        ("scope", _("Scope"), "national or regional. Models and practices take it from their project.", Scope),
        ("evaluation", _("Evaluation"), "none, peer or expert.", Evaluation),
    ):
        registry.register_facet(name, label, description=description, choices=choices)
    registry.register_facet(
        "year", _("Project end year"), description="Project end year, such as 2021.", pattern="[0-9]{4}"
    )
    for facet, model, tag, match_label in (
        ("theme", Theme, "t", _("theme")),
        ("target_group", TargetGroup, "g", _("target group")),
        ("region", Region, "r", _("region")),
        ("funding", FundingSource, "f", _("funding")),
        ("keyword", Keyword, "k", _("keyword")),
    ):
        registry.register_vocabulary(facet, model, tag=tag, match_label=match_label)
    registry.register_items(
        MethodBankPage, facet_values=facet_values, sources=linked_projects, dependents=dependents, listing=listing
    )
    registry.register_projects(projects_of_items)
