"""The real Zoomi report imported with classification: what a visitor filtering the bank would notice."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from methodbank.importer.source import read_lines
from methodbank.models import MethodBankPage, ProjectPage, TermSuggestion

from .seeds import REPORT_FILE, seed_path

pytestmark = pytest.mark.django_db


def run_import(path):
    call_command("import_report", str(path), stdout=StringIO())


def items():
    return MethodBankPage.objects.exclude(item_type="project")


def test_most_models_and_practices_carry_target_groups_and_regions(imported_report):
    total = items().count()
    with_groups = items().filter(target_groups__isnull=False).distinct().count()
    with_regions = items().filter(regions__isnull=False).distinct().count()
    # Measured on the 2020 report: 169 and 204 of 221 (see README, "Classification").
    assert with_groups >= 0.7 * total
    assert with_regions >= 0.85 * total
    assert items().filter(keywords__isnull=False).distinct().count() >= 40


def test_the_lapland_filter_finds_the_items_that_name_lapland(imported_report):
    lapland = MethodBankPage.objects.live().filter(regions__code="fi-10").distinct()
    assert lapland.count() >= 11
    assert lapland.filter(title="Lapin koulutusneuvonta").exists()


def test_every_project_is_esf_funded_and_national_projects_cover_the_country(imported_report):
    assert ProjectPage.objects.count() == 95
    assert ProjectPage.objects.filter(funding_sources__code="esf").count() == 95
    national = ProjectPage.objects.filter(scope="national")
    assert national.exists()
    assert national.filter(regions__code="national").count() == national.count()
    assert not ProjectPage.objects.filter(scope="regional", regions__code="national").exists()


def test_every_provenance_quotes_the_line_it_cites(imported_report):
    lines = read_lines(seed_path(REPORT_FILE))[0]
    suggestions = TermSuggestion.objects.all()
    assert suggestions.count() > 500
    for suggestion in suggestions:
        for item in suggestion.evidence:
            assert item["source"] == REPORT_FILE
            # A quote may run on past a line break, as "koulutuksen" / "järjestäjät" do in a split table row.
            cited = " ".join(" ".join(lines[item["line"] - 1 : item["line"] + 2]).split()).casefold()
            assert item["text"].casefold() in cited, (suggestion, item)


def test_an_item_names_its_target_group_in_an_inflected_form(imported_report):
    practice = MethodBankPage.objects.get(title="Opintopiiri (SDO)")
    assert {group.code for group in practice.target_groups.all()} >= {"immigrants"}
    immigrants = TermSuggestion.objects.get(page=practice, code="immigrants")
    assert immigrants.evidence[0]["text"].startswith("maahanmuuttajataustaisille")
    assert immigrants.evidence[0]["line"] > 0


def test_a_reimport_keeps_what_editors_decided_on_the_real_report(imported_report, client):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.fi", "pw")
    client.force_login(editor)
    practice = MethodBankPage.objects.get(title="Lapin koulutusneuvonta")
    lapland = TermSuggestion.objects.get(page=practice, code="fi-10")
    wrong = TermSuggestion.objects.filter(page=practice).exclude(code="fi-10").first()
    assert wrong is not None
    client.post(reverse("methodbank_term_suggestion", args=[lapland.pk, "confirm"]))
    client.post(reverse("methodbank_term_suggestion", args=[wrong.pk, "remove"]))

    run_import(seed_path(REPORT_FILE))

    practice = MethodBankPage.objects.get(pk=practice.pk).specific
    assert "fi-10" in {region.code for region in practice.regions.all()}
    assert wrong.code not in {term.code for term in getattr(practice, wrong.vocabulary).all()}
    assert TermSuggestion.objects.get(pk=wrong.pk).status == TermSuggestion.Status.REMOVED
    assert TermSuggestion.objects.get(pk=lapland.pk).status == TermSuggestion.Status.CONFIRMED


def test_a_project_page_naming_a_wider_area_gets_each_of_its_regions(imported_report):
    call_command("import_project_page", str(seed_path("003_d876190c468a1a05.txt")), stdout=StringIO())
    yhessa = ProjectPage.objects.get(title="Yhessä")
    assert {region.code for region in yhessa.regions.all()} == {"fi-04", "fi-13", "fi-15"}  # Itä-Suomi
    evidence = TermSuggestion.objects.get(page=yhessa, code="fi-13").evidence
    assert evidence == [{"source": "003_d876190c468a1a05.txt", "line": 5, "text": "Itä-Suomi", "via": "text"}]
