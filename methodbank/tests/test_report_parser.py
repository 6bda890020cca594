"""The report parser against the real Zoomi report in shared/seeds."""

from collections import Counter
from datetime import date

import pytest

from methodbank.importer.records import MODEL, PRACTICE
from methodbank.importer.report_parser import parse_report


def entry_titled(report, title):
    matches = [entry for entry in report.entries if entry.title == title]
    assert len(matches) == 1, f"{len(matches)} entries titled {title!r}"
    return matches[0]


def project_named(report, name):
    matches = [project for project in report.projects if project.name == name]
    assert len(matches) == 1, f"{len(matches)} projects named {name!r}"
    return matches[0]


def test_contents_give_four_main_themes_and_their_sub_themes(report):
    codes = [theme.code for theme in report.themes]
    assert [code for code in codes if len(code) == 1] == ["A", "B", "C", "D"]
    assert Counter(code[0] for code in codes if len(code) > 1) == {"A": 5, "B": 8, "C": 6, "D": 5}
    assert report.theme("A").name == "Sujuva siirtymä koulutukseen"
    assert report.theme("B4").name == "HOKS ja henkilökohtaistaminen"
    assert report.theme("B4").parent_code == "B"
    # The contents misspell this sub-theme; its body heading ("Opiskeluhoitoa …") is still found.
    assert report.theme("C4").name == "Opiskeluhoiltoa tukevat käytännöt ja mallit"
    assert not [problem for problem in report.problems if "has no section" in problem.message]


def test_counts_per_main_theme_against_the_preface(report):
    assert report.stated_counts == {"A": 36, "B": 72, "C": 47, "D": 67}  # 222 in all
    listings = Counter()
    for entry in report.entries:
        listings[entry.main_theme_codes[0]] += len(entry.lines)
    records = Counter(entry.main_theme_codes[0] for entry in report.entries)
    # B and C: the preface counts every listing, so a model listed again as a practice counts twice there
    # (B: HENKILÖKOHTAISTAMINEN - Muistilistat, OSAAMISEN HANKKIMINEN - Opintopolut ...; C: a Vamos 2. aste
    # practice listed under both periods). We keep one record each: 72 - 2 and 47 - 1.
    # A and D: the report lists one entry more than the preface states (37 and 68 listings, no repeats).
    # The likely cause is a model heading that restates practices listed below it (A: SOPU's combined
    # "Tutustujan perehdytys ja Tervetuloa ..." model; D: "Uudista Yhteistyötä!" and its practice), but the
    # titles differ, so both are kept rather than guessed away.
    assert listings == {"A": 37, "B": 72, "C": 47, "D": 68}
    assert records == {"A": 37, "B": 70, "C": 46, "D": 68}
    assert sum(records.values()) == 221


def test_counts_per_kind_and_period(report):
    assert Counter(entry.kind for entry in report.entries) == {PRACTICE: 200, MODEL: 21}
    # The preface speaks of 64 results from 2019-2021 and 158 from 2015-2019; the lists and model headings
    # hold 67 and 157 listings, and the repeats above leave 65 and 156 records.
    assert Counter(entry.period for entry in report.entries) == {"2015-2019": 156, "2019-2021": 65}
    assert {entry.period for entry in report.entries if entry.kind == MODEL} == {"2019-2021"}


def test_models_come_from_sub_theme_introductions(report):
    palvelupolku = entry_titled(report, "Palvelupolku - Näin toimit Avoimet ammatilliset opinnot -palvelussa")
    assert palvelupolku.kind == MODEL
    assert palvelupolku.theme_codes == ["A3"]
    assert palvelupolku.project_key == project_named(report, "Avoimet ammatilliset opinnot").key
    # Only the model's own paragraph: the prose after it introduces the practices and stays with A3.
    assert "Oma reitti" not in palvelupolku.description
    assert "Oma reitti" in report.theme("A3").intro

    valmennus = entry_titled(report, "#Valmennus-pilotti")
    assert (valmennus.kind, valmennus.theme_codes, valmennus.line) == (MODEL, ["B2"], 323)
    assert (
        valmennus.project_key
        == project_named(report, "#Hyvinvoiva Peruskoulusta ammattiopintoihin ja työelämään Lapissa").key
    )

    # A model paragraph that lost its full stop does not swallow the prose after it.
    study_paths = entry_titled(report, "OSAAMISEN HANKKIMINEN - Opintopolut ammatillisessa koulutuksessa")
    assert "Lisäksi aiemman" not in study_paths.description
    assert "Lisäksi aiemman" in report.theme("B8").intro

    timantti = entry_titled(report, "Toiminnallisen yhteistyön timantti")
    assert (timantti.kind, timantti.theme_codes, timantti.period) == (MODEL, ["D2"], "2019-2021")


def test_practices_from_period_lists(report):
    lapin = entry_titled(report, "Lapin koulutusneuvonta")
    assert (lapin.kind, lapin.theme_codes, lapin.period, lapin.line) == (PRACTICE, ["A1"], "2015-2019", 148)
    assert lapin.project_key == project_named(report, "Lapin TNO-palvelut").key
    assert lapin.description.startswith("Lapin koulutusneuvonta -palvelussa verkkoneuvojat")

    eikka = entry_titled(report, "EIKKA - Erityisen tuen tunnistamisen työkalupakki")
    assert (eikka.theme_codes, eikka.period) == (["B1"], "2019-2021")

    # Escaped parentheses belong to the title; the project is the last group, even when nested.
    assert entry_titled(report, "Tukitoiminta (OSAO)").project_ref == "Opin portailla Pohjois-Pohjanmaalla"
    diak = entry_titled(report, "Erillishaku maahanmuuttajille ja romaneille ammattikorkeakoulu opintoihin (Diak)")
    assert diak.project_ref == "Opin portailta Pohjois-Pohjanmaalla"
    nested = entry_titled(report, "Ohjaus eri oppimisympäristöissä -täydennyskoulutus")
    assert nested.project_ref == "Erlaisia polkuja pitkin ammattiin (EPPA)"
    assert nested.project_key == project_named(report, "Erilaisia Polkuja Pitkin Ammattiin –hanke (EPPA)").key


def test_descriptions_are_cleaned_of_conversion_noise(report):
    for entry in report.entries:
        assert entry.description, entry.title
        assert "**" not in entry.description and "](#)" not in entry.description and "\\(" not in entry.description
    # A sentence the conversion broke across a blank line is mended.
    service_link = entry_titled(report, '"Yhden linkin kautta oikealle taholle" – palveluohjausväline')
    assert "olemassa olevassa ja aktiivisessa toimijaverkostossa" in service_link.description
    # Stray Gurmukhi letters inside a Finnish word are removed.
    peer_groups = entry_titled(report, "Vetovoimalan vertaisryhmätoiminta nivelvaiheessa")
    assert all(ord(char) < 0x0A00 for char in peer_groups.description)
    # A fragment of another entry pasted after a finished sentence is dropped, not glued on.
    assert "herättää keskustelua" not in entry_titled(report, "Aloittavien opiskelijoiden ohjaus").description
    # A paragraph the conversion printed twice is kept once.
    sopu_model = entry_titled(
        report, "KOULUTUKSEEN TUTUSTUMINEN - Tutustujan perehdytys ja Tervetuloa tutustumaan koulutukseen -ohje"
    )
    assert sopu_model.description.count("Yksilöllinen koulutukseen tutustumisen") == 1


def test_hard_project_references_are_matched(report):
    by_ref = {entry.project_ref: entry.project_key for entry in report.entries}
    sopu = project_named(report, "SOPU - Sujuvat omat polut").key
    assert by_ref["SOPU"] == by_ref["SOPU - Sujuvat omat polut"] == sopu
    assert by_ref["Siirtymät sujuviksi SISU"] == project_named(report, "Siirtymät sujuviksi (SISU)").key
    assert by_ref["Tsetanes Naal"] == project_named(report, "Tšetanes naal - koulutuspoluilla").key
    assert by_ref["Pipo 2"] == project_named(report, "Pipo2 - menolippu työelämään").key
    assert by_ref["Huoltamo-hanke"] == by_ref["Huoltamo"] == project_named(report, "HUOLTAMO").key
    # "Opin portailta työelämään" is the Diak project, not the later Satakunta one among the other ESF projects.
    assert by_ref["Opin portailta työelämään"] == project_named(report, "Opin portailta työelämään").key
    # Every reference but one finds its project.
    assert sum(1 for entry in report.entries if entry.project_key) == 220


def test_unmatched_reference_is_listed_not_guessed(report):
    assert report.unmatched_refs == {"Yhdessä koulutustakuuseen": [350]}
    entry = entry_titled(report, "Parhaat ohjauspalvelut Uudellemaalle! -ohjauskirja")
    assert entry.project_key is None
    assert any(problem.line == 350 and "Yhdessä koulutustakuuseen" in problem.message for problem in report.problems)


def test_repeated_listings_become_one_record(report):
    checklist = entry_titled(report, "HENKILÖKOHTAISTAMINEN - Muistilistat")
    assert (checklist.kind, checklist.theme_codes, checklist.lines) == (MODEL, ["B4"], [417, 427])
    assert checklist.period == "2019-2021"  # from its listing under the 2019-2021 heading
    assert "Malli on opiskelijan" in checklist.description and "SOPU-hanke on laatinut" in checklist.description

    returning = entry_titled(report, "Ryhmä- ja yksilövalmennus opintoihin palaaville")
    assert (returning.lines, returning.period) == ([556, 581], "2019-2021")
    assert any(problem.line == 581 and "also listed under 2015-2019" in problem.message for problem in report.problems)


def test_entry_listed_under_two_sub_themes_becomes_one_record_with_both(report_bytes):
    # The seed repeats no title across sub-themes, so copy two listings into D5's 2015-2019 list;
    # the second names its project differently ("SOPU - Sujuvat omat polut" for "SOPU").
    lines = report_bytes.decode().split("\n")
    lapin = lines.index("- [Lapin koulutusneuvonta](#) (Lapin TNO-palvelut)  ")
    theme_year = lines.index("- **[OHJAUS JA TUKI - Ohjauksen teemavuosi](#)** (SOPU)  ")
    d5_list = next(number for number, line in enumerate(lines) if line.startswith("## Zoomi") and number > 900)
    copies = [*lines[lapin : lapin + 2], lines[theme_year].replace("(SOPU)", "(SOPU - Sujuvat omat polut)")]
    copies.append(lines[theme_year + 1])
    changed = parse_report("\n".join(lines[: d5_list + 2] + copies + lines[d5_list + 2 :]))

    assert len(changed.entries) == 221
    lapin_entry = entry_titled(changed, "Lapin koulutusneuvonta")
    assert lapin_entry.theme_codes == ["A1", "D5"]
    assert lapin_entry.lines == [148, d5_list + 3]
    theme_year_entry = entry_titled(changed, "OHJAUS JA TUKI - Ohjauksen teemavuosi")
    assert theme_year_entry.theme_codes == ["B1", "D5"]
    assert theme_year_entry.project_ref == "SOPU"
    assert theme_year_entry.period == "2019-2021"
    assert any(
        problem.line == d5_list + 5 and "also listed under 2015-2019" in problem.message for problem in changed.problems
    )


def test_a_missing_report_file_is_an_error_not_an_empty_report():
    with pytest.raises(FileNotFoundError):
        parse_report("/nonexistent/report.txt")


def test_projects_are_merged_across_the_appendix_tables(report):
    assert len(report.projects) == 95
    smidiga = project_named(report, "Smidiga övergångar i Sverkenfinland")
    assert smidiga.aliases == ["Smidiga övergångar i Svensksfinland"]
    assert (smidiga.lines, smidiga.scope, smidiga.theme_codes) == ([1047, 1098], "national", ["D"])
    assert smidiga.end_month == date(2019, 7, 1)

    eppa = project_named(report, "Erilaisia Polkuja Pitkin Ammattiin –hanke (EPPA)")
    assert (eppa.acronym, eppa.lead_organisation, eppa.end_month) == (
        "EPPA",
        "Lapin koulutuskeskus Redu",
        date(2020, 5, 1),
    )
    assert eppa.description.startswith("Erilaisia Polkuja Pitkin Ammattiin")

    # A description split over a continuation row is joined.
    assert (
        "teknologiateollisuuden heikkoon vetovoimaan"
        in project_named(report, "VetoVoimaa teknologia-aloille").description
    )

    only_listed = [project.name for project in report.projects if not project.theme_codes and not project.other_esf]
    assert only_listed == ["Vapaaehtoisena oppimassa", "Osuvasti ammattiin"]

    other = [project for project in report.projects if project.other_esf]
    assert len(other) == 10 and all(project.lines[0] > 1180 for project in other)
    # Similar names from different tables stay apart when not every word agrees.
    assert project_named(report, "Opin portailta työelämään Satakunnassa").lines == [1191]
    assert project_named(report, "Opin portailta työelämään").other_esf is False


def test_every_entry_is_in_finnish(report):
    assert {entry.language for entry in report.entries} == {"fi"}


def test_stora_komet_is_detected_as_swedish(report):
    stora_komet = project_named(report, "Stora Komet")
    assert stora_komet.lead_organisation == "Yrkeshögskolan Novia"
    assert [project.name for project in report.projects if project.language == "sv"] == ["Stora Komet"]
    assert {project.language for project in report.projects} == {"fi", "sv"}


def test_keys_are_unique_ascii_and_stable(report, report_path):
    again = parse_report(str(report_path))  # a path given as text is read too
    for records, repeated in ((report.entries, again.entries), (report.projects, again.projects)):
        keys = [record.key for record in records]
        assert len(set(keys)) == len(keys)
        assert all(key.isascii() and key == key.lower() and " " not in key for key in keys)
        assert keys == [record.key for record in repeated]
    assert report.project("sopu-sujuvat-omat-polut").name == "SOPU - Sujuvat omat polut"
    assert report.entry("lapin-koulutusneuvonta").title == "Lapin koulutusneuvonta"


def test_links_keep_real_addresses_only(report):
    guide = entry_titled(report, "Avoimet ammatilliset opinnot -palvelun käyttöönoton ohjeet")
    assert guide.links == ["http://www.avoimetammatillisetopinnot.fi"]
    assert all("#" not in link for entry in report.entries for link in entry.links)


def test_clean_seed_reports_exactly_its_known_defects(report):
    assert [problem.line for problem in report.problems] == [187, 204, 350, 354, 581]
