"""The report's content: themes A–D with their sub-themes, each with its models and practices, and the projects.

Built with a fixed number of queries per chunk of items, whatever the size of the selection, so that one theme
(about 70 items) takes well under a second and the whole bank is bounded by the rendering. Each item appears
once, under its first sub-theme (or main theme) in the themes' order, as in the 2020 report; items without a
theme come last. An item without a version in the report's language is shown in its own language (``lang``).
"""

from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.rich_text import RichText, expand_db_html

from adoptions.models import Adoption
from methodbank.blocks.section import TitledSection
from methodbank.models import (
    CoordinationPeriod,
    Evaluation,
    GoodPracticePage,
    ModelPage,
    Organisation,
    ProjectPage,
    Region,
    Scope,
    Theme,
)
from methodbank.models.evaluation import EvaluationRecord, Status
from search.service import IN_LANGUAGE

CHUNK = 500


@dataclass
class ReportItem:
    key: str
    anchor: str
    page: object
    title: str
    type_label: str
    # The item's own language when it has no version in the report's language, otherwise "".
    lang: str
    language_note: str
    projects: list
    period: str
    evaluation: str
    evaluations: list
    summary: str
    sections: list


@dataclass
class ThemeChapter:
    code: str
    name: str
    anchor: str
    description: str = ""
    items: list = field(default_factory=list)
    children: list = field(default_factory=list)

    def count(self):
        return len(self.items) + sum(child.count() for child in self.children)


@dataclass
class ProjectEntry:
    title: str
    lang: str
    acronym: str
    lead_organisation: str
    end_date: str
    scope: str


@dataclass
class AdoptionsEntry:
    """One item of the appendix "Adoptions": ``regions`` is [(region name, [organisation name, …])]."""

    title: str
    anchor: str
    lang: str
    regions: list


@dataclass
class Report:
    language: str
    title: str
    selection: str
    date: object
    chapters: list
    projects: list
    item_count: int
    adoptions: list = field(default_factory=list)


def pick_versions(model, keys, language):
    """``{translation_key: pk}``: the live public version in ``language`` if any, else the source's, else the first."""
    rows = (
        model.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .values_list("pk", "translation_key", "locale__language_code", "source_language")
        .order_by("pk")
    )
    chosen = {}
    for pk, key, language_code, source_language in rows:
        rank = 0 if language_code == language else 1 if language_code == source_language else 2
        if key not in chosen or rank < chosen[key][1]:
            chosen[key] = (pk, rank)
    return {key: pk for key, (pk, _rank) in chosen.items()}


def chunks(values, size=CHUNK):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def rich_text_html(value):
    source = value.source if isinstance(value, RichText) else str(value)
    return expand_db_html(source)


def sections_of(page):
    """(heading, html) of each part of the description that has text, in order."""
    sections = []
    for child in page.body:
        value = child.value
        heading = str(child.block.meta.label) if isinstance(child.block, TitledSection) else ""
        if isinstance(value, RichText):
            sections.append((heading, rich_text_html(value)))
        elif hasattr(value, "get") and isinstance(value.get("text"), RichText):
            sections.append((heading, rich_text_html(value["text"])))
    return sections


def evaluations_of(keys):
    """``{translation_key: [record, …]}``: the completed evaluation records, newest first, with their reasons."""
    records = {}
    for chunk in chunks(keys):
        for record in (
            EvaluationRecord.objects.filter(page__translation_key__in=chunk, status=Status.COMPLETED)
            .select_related("page")
            .order_by("-evaluated_on", "-pk")
        ):
            records.setdefault(record.page.translation_key, []).append(record)
    return records


def theme_names(language):
    """``{code: (name, description)}`` in ``language``, or in another language for a term not translated."""
    names = {}
    for code, name, description, language_code in Theme.objects.values_list(
        "code", "name", "description", "locale__language_code"
    ):
        if code not in names or language_code == language:
            names[code] = (name, description)
    return names


def build_report(selection, progress=None):
    """The Report of ``selection`` (see ``reports.selection``), in its language; ``progress(done, total)``."""
    language = selection.language
    with translation.override(language):
        keys = selection.translation_keys()
        names = theme_names(language)
        themes = list(Theme.objects.filter(locale__language_code__in=[language]).order_by("sort_order", "code"))
        if not themes:
            themes = list(Theme.objects.order_by("sort_order", "code"))
        mains = [theme for theme in themes if theme.parent_id is None]
        chapters = {}
        for main in mains:
            chapters[main.code] = ThemeChapter(
                main.code, names[main.code][0], f"theme-{slugify(main.code)}", names[main.code][1]
            )
        order = {}
        for index, main in enumerate(mains):
            order[main.code] = (index, -1)
        for theme in themes:
            if theme.parent_id is not None:
                parent = next((main for main in mains if main.pk == theme.parent_id), None)
                if parent is None:
                    continue
                child = ThemeChapter(
                    theme.code, names[theme.code][0], f"theme-{slugify(theme.code)}", names[theme.code][1]
                )
                chapters[parent.code].children.append(child)
                chapters[theme.code] = child
                order[theme.code] = (order[parent.code][0], len(chapters[parent.code].children))
        unthemed = ThemeChapter("", _("Without a theme"), "theme-none")

        project_keys = {}
        items = []
        evaluations = evaluations_of(keys)
        done = 0
        for chunk in chunks(keys):
            items.extend(_items(chunk, language, project_keys, evaluations))
            done += len(chunk)
            if progress:
                progress(done, len(keys))
        position = {str(key): index for index, key in enumerate(keys)}
        items.sort(key=lambda entry: position[entry[0].key])
        for item, codes in items:
            # An item carries its sub-theme and that sub-theme's main theme: the sub-theme places it.
            placed = sorted(
                (order[code] for code in codes if code in order), key=lambda place: (place[0], place[1] < 0, place[1])
            )
            if not placed:
                unthemed.items.append(item)
                continue
            main_index, child_index = placed[0]
            chapter = chapters[mains[main_index].code]
            (chapter if child_index < 0 else chapter.children[child_index - 1]).items.append(item)
        result = [chapters[main.code] for main in mains if chapters[main.code].count()]
        for chapter in result:
            chapter.children = [child for child in chapter.children if child.count()]
        if unthemed.items:
            result.append(unthemed)
        in_order = [
            item
            for chapter in result
            for item in [*chapter.items, *(item for child in chapter.children for item in child.items)]
        ]
        return Report(
            language=language,
            title=_("Models and good practices of the method bank"),
            selection=selection.description(),
            date=timezone.localdate(),
            chapters=result,
            projects=_projects(project_keys, language),
            item_count=len(items),
            adoptions=_adoptions(in_order, language),
        )


def _items(keys, language, project_keys, evaluations):
    """[(ReportItem, theme codes)] for one chunk of keys."""
    model_ids = pick_versions(ModelPage, keys, language)
    practice_ids = pick_versions(GoodPracticePage, keys, language)
    projects_by_key = {}
    pages = [
        *ModelPage.objects.filter(pk__in=model_ids.values())
        .select_related("locale")
        .prefetch_related("themes", "projects"),
        *GoodPracticePage.objects.filter(pk__in=practice_ids.values())
        .select_related("locale", "project")
        .prefetch_related("themes"),
    ]
    # Projects are shown in the report's language where they have a version in it.
    linked = {}
    for page in pages:
        projects = list(page.projects.all()) if isinstance(page, ModelPage) else [page.project] if page.project else []
        linked[page.pk] = [project.translation_key for project in projects]
    wanted = {key for keys_ in linked.values() for key in keys_}
    project_ids = pick_versions(ProjectPage, wanted, language)
    for project in ProjectPage.objects.filter(pk__in=project_ids.values()).select_related(
        "locale", "lead_organisation"
    ):
        projects_by_key[project.translation_key] = project
    result = []
    for page in pages:
        page_language = page.locale.language_code
        other = page_language if page_language != language else ""
        projects = [projects_by_key[key] for key in linked[page.pk] if key in projects_by_key]
        for project in projects:
            project_keys[project.translation_key] = project
        period = page.period
        item = ReportItem(
            key=str(page.translation_key),
            anchor=f"item-{str(page.translation_key)[:8]}",
            page=page,
            title=page.title,
            type_label=str(page.get_item_type_display_plain()),
            lang=other,
            language_note=str(IN_LANGUAGE.get(other, "")) if other else "",
            projects=[(project.title, project.locale.language_code) for project in projects],
            period=str(CoordinationPeriod(period).label) if period in CoordinationPeriod.values else "",
            evaluation=str(Evaluation(page.evaluation).label) if page.evaluation in Evaluation.values else "",
            evaluations=evaluations.get(page.translation_key, []),
            summary=page.summary,
            sections=sections_of(page),
        )
        result.append((item, [theme.code for theme in page.themes.all()]))
    return result


def _projects(projects, language):
    """The appendix: every project behind the items, by title, with lead organisation, end date and scope."""
    lead_names = {}
    entries = []
    for project in sorted(projects.values(), key=lambda project: project.title.casefold()):
        lead = project.lead_organisation_id
        if lead and lead not in lead_names:
            lead_names[lead] = str(project.lead_organisation)
        end = ""
        if project.end_date:
            end = (
                project.end_date.strftime("%-m/%Y")
                if project.dates_by_month
                else project.end_date.strftime("%-d.%-m.%Y")
            )
        entries.append(
            ProjectEntry(
                title=project.title,
                lang=project.locale.language_code if project.locale.language_code != language else "",
                acronym=project.acronym,
                lead_organisation=lead_names.get(lead, ""),
                end_date=end,
                scope=str(Scope(project.scope).label) if project.scope in Scope.values else "",
            )
        )
    return entries


def _names_in(model, field_name, values, language):
    """``{value: name}`` of a translatable snippet's rows, in ``language`` where translated, else in any language."""
    names = {}
    for value, name, language_code in model.objects.filter(**{f"{field_name}__in": values}).values_list(
        field_name, "name", "locale__language_code"
    ):
        if value not in names or language_code == language:
            names[value] = name
    return names


def _adoptions(items, language):
    """The appendix: for each item in the report's order, the organisations using it (approved adoptions that
    have not stopped), by region in the regions' order; items nobody has adopted are left out."""
    by_item = {}
    for chunk in chunks([item.key for item in items]):
        for adoption in (
            Adoption.objects.filter(translation_key__in=chunk, state=Adoption.State.APPROVED)
            .exclude(Adoption.stopped_filter())
            .select_related("organisation", "region")
        ):
            by_item.setdefault(str(adoption.translation_key), []).append(adoption)
    adoptions = [adoption for group in by_item.values() for adoption in group]
    organisations = _names_in(
        Organisation,
        "translation_key",
        {adoption.organisation.translation_key for adoption in adoptions if adoption.organisation_id},
        language,
    )
    regions = _names_in(Region, "code", {adoption.region.code for adoption in adoptions}, language)
    entries = []
    for item in items:
        if item.key not in by_item:
            continue
        rows = {}
        for adoption in sorted(
            by_item[item.key], key=lambda adoption: (adoption.region.sort_order, adoption.region.code)
        ):
            name = (
                organisations.get(adoption.organisation.translation_key, adoption.organisation_name)
                if adoption.organisation_id
                else adoption.organisation_name
            )
            if adoption.status == Adoption.Status.TRYING:
                name = f"{name} ({str(Adoption.Status.TRYING.label).lower()})"
            rows.setdefault(regions.get(adoption.region.code, adoption.region.name), []).append(name)
        regions_rows = [(region, sorted(names, key=str.casefold)) for region, names in rows.items()]
        entries.append(AdoptionsEntry(item.title, f"adoptions-{item.anchor}", item.lang, regions_rows))
    return entries


def fingerprint():
    """Changes whenever published content or a completed evaluation that a report shows changes."""
    pages = Page.objects.filter(live=True).aggregate(latest=Max("last_published_at"), count=Count("pk"))
    records = EvaluationRecord.objects.aggregate(latest=Max("updated_at"), count=Count("pk"))
    themes = Theme.objects.aggregate(count=Count("pk"))
    # The appendix "Adoptions": a decision, an edit or a deletion changes the latest change or the count.
    adoptions = Adoption.objects.aggregate(latest=Max("updated_at"), count=Count("pk"))
    return "|".join(
        str(value)
        for value in (
            pages["latest"],
            pages["count"],
            records["latest"],
            records["count"],
            themes["count"],
            adoptions["latest"],
            adoptions["count"],
        )
    )
