"""Import a project's own web page (period, area, funder, budget, implementers, contacts) into its ProjectPage."""

from methodbank.models import ProjectPage, Source

from .classify import FUNDING, REGIONS, Classification, Classifier
from .normalise import fold
from .page_writer import PageWriter
from .project_matching import same_project_score
from .project_page_parser import parse_project_page
from .source import read_lines
from .suggested_terms import SuggestedTerms, TermCatalogue

# The same bar the report importer uses for names: below it, a new project page is safer than a wrong one.
SAME_PROJECT = 0.9


def find_project(facts):
    if facts.code:
        page = ProjectPage.objects.filter(project_code__iexact=facts.code).order_by("pk").first()
        if page is not None:
            return page
    scored = []
    for page in ProjectPage.objects.only("id", "title", "acronym", "import_key", "locale_id"):
        names = [page.title, page.acronym] if page.acronym else [page.title]
        score = max(same_project_score(facts.name, name) for name in names)
        scored.append((score, page.pk, page))
    scored.sort(key=lambda item: (-item[0], item[1]))
    if scored and scored[0][0] >= SAME_PROJECT:
        return scored[0][2]
    return None


def classify_facts(path, facts, outcome):
    """Regions from the page's area ("Itä-Suomi" spans three) and funding from its funder, as suggestions."""
    lines = read_lines(path)[0]
    classifier = Classifier(lines, window=len(lines))
    classification = Classification()
    if facts.area:
        area = classifier.text(facts.area, facts.language, [1], [REGIONS])
        if not area:
            outcome.problems.append((0, f"area “{facts.area}” names no region; regions left as they were"))
        classification.merge(area, [REGIONS])
    if facts.funder:
        classification.merge(classifier.text(facts.funder, facts.language, [1], [FUNDING]), [FUNDING])
    return classification


def lead_and_partners(implementers):
    """The implementer marked as coordinator leads; the rest are partners."""
    cleaned = [(name.split("(")[0].strip(), "koordinaattori" in fold(name)) for name in implementers]
    leads = [name for name, is_lead in cleaned if is_lead] or [name for name, _lead in cleaned[:1]]
    return (leads[0] if leads else ""), [name for name, _lead in cleaned if name and name not in leads]


def import_project_page(path, *, dry_run=False):
    """Create or update the ProjectPage a page describes; returns (facts, page, outcome).

    Only what the page states is written, so a fact it leaves out keeps the value the report or an editor
    gave. A project the report describes keeps the report's text and stays the report's item; the page adds
    its facts and contacts.
    """
    facts = parse_project_page(path)
    writer = PageWriter(dry_run=dry_run, source=getattr(path, "name", "project page"))
    writer.outcome.problems.extend((problem.line, problem.message) for problem in facts.problems)
    if not facts.name:
        return facts, None, writer.outcome
    existing = find_project(facts)
    language = existing.locale.language_code if existing else facts.language
    described_elsewhere = existing is not None and existing.source not in ("", Source.PROJECT_PAGE)
    values = {"title": existing.title if existing else facts.name}
    stated = {
        "project_code": facts.code,
        "start_date": facts.start,
        "end_date": facts.end,
        "budget_eur": facts.budget_eur,
        "website": facts.website,
    }
    values.update({name: value for name, value in stated.items() if value})
    if facts.end:
        values["dates_by_month"] = facts.by_month
    if not described_elsewhere:
        values.update(source=Source.PROJECT_PAGE, source_language=facts.language)
    lead, partners = lead_and_partners(facts.implementers)
    if lead:
        values["lead_organisation"] = writer.organisation(lead, language)
    relations = {}
    if partners:
        relations["partner_organisations"] = [
            org for org in (writer.organisation(n, language) for n in partners) if org
        ]
    classification = classify_facts(path, facts, writer.outcome)
    description = "" if described_elsewhere else "\n\n".join([facts.description, *facts.goals]).strip()
    page = writer.write(
        ProjectPage,
        key=existing.import_key if existing and existing.import_key else f"project-page:{fold(facts.name)}",
        language=language,
        line=1,
        values=values,
        relations=relations,
        description=description,
        contacts=[("person", vars(contact)) for contact in facts.contacts] or None,
        page=existing,
        suggestions=SuggestedTerms(classification, writer.source, TermCatalogue()),
    )
    return facts, page, writer.outcome
