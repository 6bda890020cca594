"""The demo and the import describe the same real items: one page per item, whichever runs first, or twice.

`make demo` runs load_demo and then the import; a site may also have been imported first. Both orders, and
running either again, must give the same bank: the same pages in every language with the same titles,
addresses, text, terms, dates and evaluations. The report is cut down at run time to the entries and projects
the demo describes (``report_excerpt``), which keeps this quick; test_import.py imports the whole report.
"""

from collections import Counter

import pytest
from django.db import transaction
from django.utils import translation
from wagtail.models import Page

from conftest import MODELS, PRACTICES, PROJECTS, SWEDISH_PROJECT, load_method_bank, load_site
from core.localization import slug_from_title
from methodbank.importer.normalise import fold
from methodbank.importer.project_page_import import import_project_page
from methodbank.importer.project_page_parser import parse_project_page
from methodbank.importer.report_import import ReportImporter
from methodbank.importer.report_parser import parse_report
from methodbank.models import EvaluationRecord, MethodBankPage, ProjectPage
from methodbank.tests.seeds import PROJECT_PAGE_FILES, REPORT_FILE, report_excerpt, seed_path

SPECS = [*PROJECTS, *MODELS, *PRACTICES, SWEDISH_PROJECT]
REPORT_KEYS = {
    spec["import_key"] for spec in SPECS if spec.get("import_key", "").startswith(("project:", "model:", "practice:"))
}


@pytest.fixture(scope="module")
def excerpt(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "excerpt.txt"
    path.write_text(report_excerpt(REPORT_KEYS), encoding="utf-8")
    return path


def run(steps, excerpt):
    for step in steps:
        if step == "demo":
            load_method_bank(load_site())
        else:
            report, outcome = ReportImporter(language="fi", source="excerpt").run(excerpt)
            assert not [problem for problem in outcome.problems if "repeated" not in problem[1]]
            for name in PROJECT_PAGE_FILES:
                import_project_page(seed_path(name))


def source_note(page):
    with translation.override("en"):
        return page.source_note()


def bank():
    """Everything a visitor or an editor would tell apart, without database ids and timestamps."""
    pages = {}
    for page in Page.objects.filter(depth__gt=1).select_related("locale").specific():
        key = (getattr(page, "import_key", "") or f"{type(page).__name__}:{page.url_path}", page.locale.language_code)
        assert key not in pages, f"two pages for {key}"
        facts = {"type": type(page).__name__, "title": page.title, "slug": page.slug, "live": page.live}
        if isinstance(page, MethodBankPage):
            facts |= {
                "summary": page.summary,
                "body": [
                    (child.block_type, child.id == "imported-description", child.block.get_prep_value(child.value))
                    for child in page.body
                ],
                "source": source_note(page),
                "edited": page.edited_at is not None,
                "evaluation": page.evaluation,
                "records": EvaluationRecord.objects.filter(page=page).count(),
                **{
                    name: sorted(str(term) for term in getattr(page, name).all())
                    for name in ("themes", "target_groups", "regions", "funding_sources", "partner_organisations")
                    if hasattr(page, name)
                },
                **{
                    name: str(getattr(page, name))
                    for name in ("period", "start_date", "end_date", "dates_by_month", "lead_organisation", "project")
                    if hasattr(page, name)
                },
            }
        pages[key] = facts
    return pages


@pytest.fixture(scope="module")
def make_demo_twice(shared_content, django_db_blocker, excerpt):
    """The bank after `make demo` (load_demo, then the import), and after running both again; rolled back."""
    shared_content.use(None)  # an empty database, whatever shared content the tests before used
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            run(["demo", "import"], excerpt)
            first = bank()
            run(["demo", "import"], excerpt)
            yield first, bank()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def make_demo(make_demo_twice):
    return make_demo_twice[0]


def differences(built, expected):
    assert set(built) == set(expected)
    return "\n".join(
        f"{key} {field}: {built[key].get(field)!r} here, {expected[key].get(field)!r} after `make demo`"
        for key in built
        for field in built[key]
        if built[key].get(field) != expected[key].get(field)
    )


def test_the_demo_names_its_items_by_the_keys_the_import_gives_them():
    report = parse_report(seed_path(REPORT_FILE))
    imported = {f"{entry.kind}:{entry.key}" for entry in report.entries}
    imported |= {f"project:{project.key}" for project in report.projects}
    imported |= {f"project-page:{fold(parse_project_page(seed_path(name)).name)}" for name in PROJECT_PAGE_FILES}
    keys = {spec["import_key"] for spec in SPECS if spec.get("import_key")}
    assert len(keys) == len(SPECS) - 1  # one demo practice is no item of any source
    assert keys <= imported


def test_make_demo_gives_one_page_per_real_item_in_each_language(make_demo):
    titles = Counter((facts["title"], language) for (_key, language), facts in make_demo.items() if "summary" in facts)
    assert [title for title, count in titles.items() if count > 1] == []
    per_item = Counter(key for key, language in make_demo if not key.startswith(("HomePage", "ContentPage")))
    items = {key for key in per_item if ":" in key and not key.startswith("MethodBankIndexPage")}
    # Every demo item that the report or a project's page describes is that item's one page.
    assert {spec["import_key"] for spec in SPECS if spec.get("import_key")} <= items
    komet = [(key, language) for key, language in make_demo if make_demo[key, language]["title"] == "Stora Komet"]
    assert komet == [("project:stora-komet", "sv")]
    assert all(count <= 3 for count in per_item.values())  # one page per language, never two in one
    model = make_demo["model:henkilokohtaistaminen-muistilistat", "fi"]
    assert model["title"] == "HENKILÖKOHTAISTAMINEN - Muistilistat"
    assert [block for block, _imported, _value in model["body"]] == [
        "text",
        "goal",
        "target_group",
        "implementation",
        "results",
    ]
    assert model["records"] == 1  # the demo's peer review, attached to the imported model
    swedish = make_demo["model:henkilokohtaistaminen-muistilistat", "sv"]
    assert swedish["title"] == "Checklistor för individualisering"
    assert swedish["source"] == "Source: Zoomi report 2020, coordination period 2019–2021"


def test_running_load_demo_and_the_import_again_changes_nothing(make_demo_twice):
    first, second = make_demo_twice
    assert not differences(second, first)


def test_importing_first_gives_the_same_bank_once_and_twice(db, excerpt, make_demo):
    run(["import", "demo"], excerpt)
    assert not differences(bank(), make_demo)
    run(["import", "demo"], excerpt)
    assert not differences(bank(), make_demo)


def test_a_copy_the_earlier_demo_made_gives_way_to_the_imported_item(db, excerpt):
    """A database from before this change holds the demo's own copy of an item beside the imported one."""
    load_method_bank(load_site())
    ProjectPage.objects.filter(slug="sopu").update(import_key="")  # as the demo used to write it
    run(["import", "demo"], excerpt)
    sopu = ProjectPage.objects.filter(acronym="SOPU")
    # One page per language; the translations have addresses of their own, from their titles.
    assert [(page.locale.language_code, page.slug) for page in sopu.order_by("locale__language_code")] == [
        ("en", "sopu-smooth-personal-pathways"),
        ("fi", "sopu"),
        ("sv", slug_from_title(sopu.get(locale__language_code="sv").title)),
    ]
    assert {page.import_key for page in sopu} == {"project:sopu-sujuvat-omat-polut"}
