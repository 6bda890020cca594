"""Importing the real 2020 Zoomi report and project pages into the method bank."""

import json
import re
from html import unescape
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import PageLogEntry

from home.models import ContentPage
from methodbank.importer.description import imported_body, imported_text
from methodbank.models import GoodPracticePage, MethodBankPage, ModelPage, ProjectPage

from .seeds import REPORT_FILE, seed_path

pytestmark = pytest.mark.django_db


def run_import(path, *args):
    out = StringIO()
    call_command("import_report", str(path), *args, stdout=out)
    return out.getvalue()


def summary_line(output, label):
    return next(line for line in output.splitlines() if line.strip().startswith(label))


def by_title(model, title, language="fi"):
    return model.objects.get(title=title, locale__language_code=language)


def test_counts_per_type_and_theme_match_the_report(imported_report):
    assert "95 created" in summary_line(imported_report, "Project:")
    assert "21 created" in summary_line(imported_report, "Model:")
    assert "200 created" in summary_line(imported_report, "Good practice:")
    # The preface says A 36, B 72, C 47, D 67; it counts repeated listings twice (see test_report_parser).
    assert "A 37, B 70, C 46, D 68" in summary_line(imported_report, "Models and practices per main theme")
    assert ProjectPage.objects.count() == 95
    assert ModelPage.objects.count() == 21
    assert GoodPracticePage.objects.count() == 200
    for code, expected in {"A": 37, "B": 70, "C": 46, "D": 68}.items():
        items = MethodBankPage.objects.exclude(item_type="project").filter(themes__code=code).distinct()
        assert items.count() == expected, code


def test_the_report_is_imported_into_an_empty_database(imported_report):
    # The shared content of the other tests (conftest.SharedContent) is not there: no demo pages.
    assert not ContentPage.objects.exists()
    assert MethodBankPage.objects.count() == 316


def test_pages_are_published_with_an_import_revision(imported_report):
    assert not MethodBankPage.objects.filter(live=False).exists()
    page = by_title(ModelPage, "HENKILÖKOHTAISTAMINEN - Muistilistat")
    assert page.latest_revision is not None
    entry = PageLogEntry.objects.filter(page=page, action="methodbank.import").get()
    assert entry.data["source"] == REPORT_FILE
    assert entry.data["result"] == "created"


def test_spot_checks(imported_report, client):
    model = by_title(ModelPage, "HENKILÖKOHTAISTAMINEN - Muistilistat")
    assert {theme.code for theme in model.themes.all()} == {"B", "B4"}
    assert model.period == "2019-2021"
    assert [project.acronym for project in model.projects.all()] == ["SOPU"]
    response = client.get(model.url)
    assert response.status_code == 200
    assert "Sujuvat omat polut" in response.content.decode()

    practice = by_title(GoodPracticePage, "Yksilövalmennus")
    assert practice.project.title.startswith("Vamos 2. aste")
    assert {theme.code for theme in practice.themes.all()} == {"C", "C1"}


@pytest.mark.parametrize(
    ("title", "project_acronym_or_title"),
    [
        ("KOULUTUKSEEN TUTUSTUMINEN - Tutustujan perehdytys", "SOPU"),  # written "(SOPU)"
        ("HENKILÖKOHTAISTAMISEN KEHITTÄMINEN - Palautekyselyt", "SOPU"),  # "(SOPU - Sujuvat omat polut)"
    ],
)
def test_spellings_of_a_project_link_to_the_same_page(imported_report, title, project_acronym_or_title):
    practice = by_title(GoodPracticePage, title)
    assert practice.project is not None
    assert project_acronym_or_title in (practice.project.acronym, practice.project.title)


def test_unmatched_reference_is_reported_and_left_unlinked(imported_report):
    assert "“Yhdessä koulutustakuuseen” (line 350)" in imported_report
    unlinked = (
        GoodPracticePage.objects.filter(project__isnull=True).count()
        + ModelPage.objects.filter(projects__isnull=True).count()
    )
    assert unlinked >= 1


def test_swedish_project_lands_in_the_swedish_tree(imported_report):
    komet = ProjectPage.objects.get(title__icontains="Stora Komet")
    assert komet.locale.language_code == "sv"
    assert komet.lead_organisation.name.startswith("Yrkeshögskolan Novia")
    assert komet.get_parent().locale.language_code == "sv"


def test_second_import_changes_nothing_and_keeps_editor_changes(imported_report):
    model = by_title(ModelPage, "HENKILÖKOHTAISTAMINEN - Muistilistat")
    opening = model.summary
    model.summary = "An editor's own summary."
    model.body.append(("goal", {"text": "Editors add sections of their own."}))
    model.evaluation = "peer"
    model.save_revision().publish()
    revisions = model.revisions.count()

    output = run_import(seed_path(REPORT_FILE))

    assert "0 created, 0 updated, 95 unchanged" in summary_line(output, "Project:")
    # The edited model alone: its summary no longer says the description's opening, so the imported
    # block takes those sentences back rather than lose them.
    assert "0 created, 1 updated, 20 unchanged" in summary_line(output, "Model:")
    assert "0 created, 0 updated, 200 unchanged" in summary_line(output, "Good practice:")
    model.refresh_from_db()
    assert model.summary == "An editor's own summary."
    assert [block.block_type for block in model.body] == ["text", "goal"]
    assert imported_text(model).startswith(opening)
    assert model.evaluation == "peer"
    assert model.revisions.count() == revisions + 1


def test_reimport_restores_a_field_the_import_owns(imported_report):
    practice = by_title(GoodPracticePage, "Yksilövalmennus")
    practice.themes.set([])
    practice.save_revision().publish()
    output = run_import(seed_path(REPORT_FILE))
    assert "1 updated" in summary_line(output, "Good practice:")
    # Fetched again: a page object keeps its own copy of many-to-many values in memory.
    practice = by_title(GoodPracticePage, "Yksilövalmennus")
    assert {theme.code for theme in practice.themes.all()} == {"C", "C1"}


def test_project_pages_fill_in_their_projects(imported_report):
    out = StringIO()
    paths = [str(seed_path(name)) for name in ("002_7d50ae538315a1c4.txt", "003_d876190c468a1a05.txt")]
    call_command("import_project_page", *paths, stdout=out)
    vamos = ProjectPage.objects.get(title__startswith="Vamos 2. aste")
    assert "updated" in out.getvalue().splitlines()[0]
    assert vamos.import_key.startswith("project:")  # the report's page, not a new one
    yhessa = ProjectPage.objects.get(title="Yhessä")
    assert str(yhessa.start_date) == "2017-12-15"
    assert str(yhessa.end_date) == "2019-12-31"
    assert yhessa.budget_eur == 116000
    assert yhessa.lead_organisation.name == "Savon koulutuskuntayhtymä"
    assert yhessa.partner_organisations.count() == 7
    assert [source.code for source in yhessa.funding_sources.all()] == ["oph"]
    again = StringIO()
    call_command("import_project_page", *paths, stdout=again)
    assert all("unchanged" in line for line in again.getvalue().splitlines() if line.endswith(")"))


def main_text(client, page):
    """What a visitor reads in the page's main content, tags removed and spaces collapsed."""
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_no_imported_page_repeats_its_summary_in_its_body(imported_report):
    pages = list(MethodBankPage.objects.exclude(import_key=""))
    assert len(pages) == 316
    repeated = [page.title for page in pages if page.summary in imported_text(page)]
    assert repeated == []
    # Nothing is lost either: the summary and the imported block together are the report's description.
    for page in pages:
        if not page.imported_description:  # the report gives a title only: the summary repeats it
            assert (page.summary, imported_text(page)) == (page.title, ""), page.title
            continue
        shown = " ".join([page.summary, imported_text(page)]).split()
        assert shown == page.imported_description.split(), page.title


def test_an_imported_page_shows_its_opening_once_and_the_rest_below_it(imported_report, client):
    for page in ModelPage.objects.all():
        text = main_text(client, page)
        assert text.count(page.summary) == 1, page.title
        rest = " ".join(imported_text(page).split())
        if rest:
            assert text.index(page.summary) < text.index(rest), page.title


def test_an_imported_page_says_where_it_comes_from_and_not_when_it_was_imported(imported_report, client):
    practice = by_title(GoodPracticePage, "Yksilövalmennus")
    text = main_text(client, practice)
    assert "Lähde: Zoomi-raportti 2020, koordinointikausi 2019–2021" in text
    assert "Päivitetty" not in text  # the import's date is no review
    html = client.get(practice.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">\s*(\{"@context".*?)</script>', html, re.S)[1])
    assert data["datePublished"] == "2020"
    assert "dateModified" not in data

    practice.body.append(("goal", {"text": "An editor's section."}))
    practice.save_revision().publish()
    run_import(seed_path(REPORT_FILE))
    today = f"{timezone.localdate():%-d.%-m.%Y}"
    text = main_text(client, GoodPracticePage.objects.get(pk=practice.pk))
    assert f"Päivitetty {today}" in text and f"Päivitetty viimeksi {today}" in text
    assert "Lähde: Zoomi-raportti 2020, koordinointikausi 2019–2021" in text


def test_a_project_with_only_an_end_month_shows_that_month_and_no_dangling_dash(imported_report, client):
    project = by_title(ProjectPage, "#ICTknowhow")
    html = client.get(project.url).content.decode()
    text = main_text(client, project)
    assert "Päättymisaika 12/2016" in text
    assert '<time datetime="2016-12">' in html
    assert "Toteutusaika" not in text  # no "Period" with a start the report never gave
    assert "<dd>–" not in html
    assert "Lähde: Zoomi-raportti 2020" in text


def test_every_project_of_the_report_is_funded_by_the_esf_as_the_report_says(imported_report, client):
    assert ProjectPage.objects.filter(funding_sources__code="esf").distinct().count() == 95
    assert "Rahoitus Euroopan sosiaalirahasto (ESR)" in main_text(client, by_title(ProjectPage, "#ICTknowhow"))


def test_reimport_brings_an_earlier_import_right_and_keeps_what_editors_added(imported_report):
    practice = by_title(GoodPracticePage, "Yksilövalmennus")
    description = practice.imported_description
    # What the earlier importer wrote: the description's first 400 characters as the summary, the whole
    # description again as the body, and nothing about the source.
    practice.summary = " ".join(description.split())[:399].rstrip() + "…"
    practice.body = imported_body(GoodPracticePage, description)
    practice.body.append(("goal", {"text": "An editor's section."}))
    practice.imported_description = practice.source = ""
    practice.source_year = None
    practice.save_revision().publish()

    output = run_import(seed_path(REPORT_FILE))

    assert "0 created, 1 updated, 199 unchanged" in summary_line(output, "Good practice:")
    practice = GoodPracticePage.objects.get(pk=practice.pk)
    assert practice.summary not in imported_text(practice)
    assert " ".join([practice.summary, imported_text(practice)]).split() == description.split()
    assert [block.block_type for block in practice.body] == ["text", "goal"]
    with translation.override("en"):
        assert practice.source_note() == "Source: Zoomi report 2020, coordination period 2019–2021"
