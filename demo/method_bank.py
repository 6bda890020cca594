"""The demo method bank: projects, models and good practices in fi, sv and en, and evaluations of the models.

The content is in data/method_bank.yaml and data/evaluations.yaml. Every item but one names the real
item of the report or of a project's own page by the ``import_key`` the import gives it. When the item
is already there (imported), the demo adds its writing to it: a summary unless an editor wrote one, the
sections, fields and terms the page has none of, the translations and the evaluations. Otherwise the
demo creates the page under that key, and a later import adds its own fields to it. Either way there is
one page per item, and the same one whatever runs first.
"""

from decimal import Decimal

from wagtail.models import Locale

from core.localization import needs_translation, publish_translation
from demo.data import load
from demo.factories import MethodBankIndexPageFactory, OrganisationFactory, rich_text
from methodbank.importer.description import fit_imported_description, imported_text, summary_is_imported
from methodbank.models import (
    FundingSource,
    MethodBankIndexPage,
    Region,
    TargetGroup,
    Theme,
)
from methodbank.models.evaluation import EvaluationRecord, Evaluator, Outcome, Status, missing_sections

METHOD_BANK = load("method_bank")
INDEX = METHOD_BANK["index"]
PROJECTS = METHOD_BANK["projects"]
MODELS = METHOD_BANK["models"]
PRACTICES = METHOD_BANK["practices"]
# Written in Swedish by the project itself; it has no Finnish version yet.
SWEDISH_PROJECT = METHOD_BANK["swedish_project"]
EVALUATIONS = load("evaluations")


def terms(model, codes, locale):
    return list(model.objects.filter(code__in=codes, locale=locale))


def texts(spec, target):
    """Map each Finnish string of a spec to its ``target`` translation."""
    return {value["fi"]: value[target] for value in spec.values() if isinstance(value, dict) and "fi" in value}


def ensure_index(home):
    index = MethodBankIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        return MethodBankIndexPageFactory(
            parent=home, title=INDEX["title"]["fi"], intro=INDEX["intro"]["fi"], show_in_menus=True
        )
    if not index.intro:  # the bare index an import makes when it runs first
        index.intro = INDEX["intro"]["fi"]
        index.save_revision().publish()
    return index


def sections(spec, *names, language="fi"):
    return [(name, {"text": rich_text(spec[name][language])}) for name in names if name in spec]


def project_contents(spec, locale):
    text = (lambda value: value) if locale.language_code == "sv" else (lambda value: value["fi"])
    lead = OrganisationFactory(name=spec["lead"], locale=locale)
    partners = [OrganisationFactory(name=name, locale=locale) for name in spec.get("partners", [])]
    return {
        "fields": {
            "acronym": spec["acronym"],
            "project_code": spec.get("project_code", ""),
            "lead_organisation": lead,
            "start_date": spec["start"],
            "end_date": spec["end"],
            "scope": spec["scope"],
            "budget_eur": Decimal(spec["budget"]) if "budget" in spec else None,
        },
        "relations": {
            "themes": terms(Theme, spec["themes"], locale),
            "regions": terms(Region, spec["regions"], locale),
            "funding_sources": terms(FundingSource, spec["funding"], locale),
            "partner_organisations": partners,
        },
        "summary": text(spec["summary"]),
        "body": [("goal", {"text": rich_text(text(spec["goal"]))})],
    }


def model_contents(spec, locale, projects):
    return {
        "fields": {"period": spec["period"], "evaluation": spec["evaluation"]},
        "relations": {
            "projects": [projects[slug] for slug in spec["projects"]],
            "themes": terms(Theme, spec["themes"], locale),
            "target_groups": terms(TargetGroup, spec["target_groups"], locale),
            "regions": terms(Region, spec["regions"], locale),
        },
        "summary": spec["summary"]["fi"],
        "body": sections(spec, "goal", "target_group", "implementation", "results"),
    }


def practice_contents(spec, locale, projects, models):
    return {
        "fields": {
            "period": spec["period"],
            "project": projects[spec["project"]],
            "model": models.get(spec.get("model")),
        },
        "relations": {
            "themes": terms(Theme, spec["themes"], locale),
            "target_groups": terms(TargetGroup, spec["target_groups"], locale),
            "regions": terms(Region, spec["regions"], locale),
        },
        "summary": spec["summary"]["fi"],
        "body": sections(spec, "goal"),
    }


def ensure_item(factory, index, spec, contents):
    """The page for one spec: the item as imported with the demo's writing added, or the demo's own page."""
    model = factory._meta.model
    key = spec.get("import_key", "")
    page = model.objects.filter(locale=index.locale, import_key=key).first() if key else None
    own = model.objects.filter(locale=index.locale, slug=spec["slug"], import_key="").first()
    if page is not None and own is not None:
        # A copy this demo made before it knew the item's key: the item itself now carries its writing.
        for version in own.get_translations(inclusive=True):
            version.delete()
        own = None
    page = page or own
    if page is None:
        page = factory(
            parent=index,
            slug=spec["slug"],
            title=spec["title"] if isinstance(spec["title"], str) else spec["title"]["fi"],
            import_key=key,
            summary=contents["summary"],
            body=contents["body"],
            # A real item gets no placeholder contact; its sources give the real ones.
            **({"contacts": []} if key else {}),
            **{name: value for name, value in contents["fields"].items() if value is not None},
        )
        for name, items in contents["relations"].items():
            getattr(page, name).set(items)
        page.save_revision().publish()
        return page
    changed = add_writing(page, spec["slug"], contents)
    if key and not page.import_key:
        page.import_key = key  # the demo's page from before it knew the key: the import now finds it
        changed = True
    if changed:
        page.save_revision().publish()
    return page


def add_writing(page, slug, contents):
    """Give an existing page what the demo wrote for it and it lacks; True when anything changed.

    Fields and terms are filled only where the page has none, so whatever the import or an editor
    set stays; sections are added when the page has no section of that kind; the summary replaces
    the import's opening sentences but never an editor's summary.
    """
    changed = False
    for name, value in contents["fields"].items():
        field = page._meta.get_field(name)
        if value is not None and getattr(page, field.attname) in (None, "", field.get_default()):
            setattr(page, name, value)
            changed = True
    for name, items in contents["relations"].items():
        manager = getattr(page, name)
        if items and not manager.all():
            manager.set(items)
            changed = True
    present = {child.block_type for child in page.body}
    for block_type, value in contents["body"]:
        if block_type not in present:
            page.body.append((block_type, value))
            changed = True
    if summary_is_imported(page.summary, page.title, [page.imported_description, imported_text(page)]):
        page.summary = contents["summary"]
        changed = True
    changed = fit_imported_description(page) or changed
    if page.slug != slug and not page.get_parent().get_children().filter(slug=slug).exists():
        page.slug = slug  # the demo's short address, whichever created the page
        changed = True
    return changed


def translate(page, spec):
    """Publish the demo's translations, unless someone has translated the page already."""
    for target in ("sv", "en"):
        locale = Locale.objects.get(language_code=target)
        if needs_translation(page, locale):
            publish_translation(page, locale, texts(spec, target))


def ensure_evaluations(models):
    """Add the demo evaluations once to ``models`` (demo slug -> page); a model whose description lacks
    required sections is left out."""
    for spec in EVALUATIONS:
        page = models.get(spec["model"])
        if page is None or missing_sections(page):
            continue
        if EvaluationRecord.objects.filter(page__translation_key=page.translation_key, phase=spec["phase"]).exists():
            continue
        record = EvaluationRecord(
            page=page,
            phase=spec["phase"],
            evaluated_on=spec["date"],
            summary=spec["summary"],
            language="fi",
            outcome=Outcome.PASSED,
            status=Status.COMPLETED,
        )
        for name, light in spec["lights"].items():
            setattr(record, name, light["light"])
            setattr(record, f"{name}_note", light["note"])
        record.full_clean()
        record.save()
        for order, evaluator in enumerate(spec["evaluators"]):
            Evaluator.objects.create(evaluation=record, sort_order=order, **evaluator)
