"""Tolerant but cautious matching of project references to the report's projects."""

import pytest

from methodbank.importer.normalise import fold, slugify, tokens
from methodbank.importer.project_matching import ProjectMatcher, acronym_of, name_variants


@pytest.fixture(scope="module")
def matcher(report):
    return ProjectMatcher(report.projects)


@pytest.mark.parametrize(
    ("ref", "project"),
    [
        ("SOPU", "SOPU - Sujuvat omat polut"),
        ("SOPU - Sujuvat omat polut", "SOPU - Sujuvat omat polut"),
        ("Sujuvat omat polut", "SOPU - Sujuvat omat polut"),
        ("Siirtymät sujuviksi SISU", "Siirtymät sujuviksi (SISU)"),
        ("Tsetanes Naal", "Tšetanes naal - koulutuspoluilla"),
        (
            "Vetovoimalla",
            "VETOVOIMALA – erityisen ja vaativan erityisen tuen hakeutumisvaiheen palvelujen kehittäminen",
        ),
        ("Taitava- Tulevaisuuden osaajat", "TAITAVA -Tulevaisuuden osaajat"),
        ("Erlaisia polkuja pitkin ammattiin (EPPA)", "Erilaisia Polkuja Pitkin Ammattiin –hanke (EPPA)"),
        (
            "PURE STEEL",
            "Teknologiateollisuusalan yritysten ja ammatillisen koulutuksen vetovoimaisuuden lisääminen Pohjois-Karjalassa, PURE STEEL-hanke",
        ),
        ("Opin portilla Pohjois-Pohjanmaalla", "Opin portailla Pohjois-Pohjanmaalla"),
        (
            "See Me - Maahanmuuttajataustaisten nuorten osaamisen tunnistamishanke",
            "See Me! - Taidot esille, Maahanmuuttajataustaisten nuorten osaamisen tunnistaminen",
        ),
        ("VetoVoimaa teknologia-aloille Varsinais-Suomessa", "VetoVoimaa teknologia-aloille"),
        ("Omalle polulle korkeakouluun", "Omalle korkeakouluun polulle"),
        ("Vamos 2.aste", "Vamos 2. aste – opintoihin kiinnittyminen, läpäisy ja pudokkuuden ehkäisy"),
    ],
)
def test_hard_references_find_their_project(matcher, ref, project):
    found = matcher.match(ref)
    assert found is not None, matcher.explain(ref).reason
    assert found.name == project


@pytest.mark.parametrize(
    "ref",
    [
        "Yhdessä koulutustakuuseen",  # maybe "Yhdessä takuuseen", but one word differs too much to be sure
        "Yhessä",  # a different project (seed page 003) with a name one letter from "Yhdessä takuuseen"
        "Opit työssä / Carry on",  # names two projects equally well
        "Opin portailla",  # as close to the Satakunta project as to the Pohjois-Pohjanmaa one
        "ZOOMI - sujuvia siirtymiä edistämässä",  # the coordinator itself is in no project table
    ],
)
def test_uncertain_references_stay_unmatched(matcher, ref):
    assert matcher.match(ref) is None


def test_the_reason_says_why(matcher):
    assert matcher.explain("Tsetanes Naal").reason == "same as 'Tšetanes naal' (1.00)"
    assert matcher.explain("Opit työssä / Carry on").reason.startswith("ambiguous: ")
    assert "best was 'Yhdessä takuuseen'" in matcher.explain("Yhdessä koulutustakuuseen").reason


def test_normalisation_folds_case_diacritics_dashes_and_project_words():
    assert fold("Tšetanes Väylä Å") == "tsetanes vayla a"
    assert tokens("Huoltamo-hanke") == ("huoltamo",)
    assert tokens("NISU – Nivelvaiheiden sujuvoittaminen") == tokens("NISU Nivelvaiheiden sujuvoittaminen")
    assert slugify("Tšetanes naal - koulutuspoluilla") == "tsetanes-naal-koulutuspoluilla"
    assert len(slugify("sana " * 40, max_length=30)) <= 30


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("SOPU - Sujuvat omat polut", "SOPU"),
        ("Osaamispolkuja tulevaisuuteen (OSATA)", "OSATA"),
        ("Yksilöllisyyttä opintopoluille, YPO", "YPO"),
        ("NOJAT-Nuorten ohjaus ja auttaminen tulevaisuuteen", "NOJAT"),
        ("Pystyväksi ryhmässä PYRY", "PYRY"),
        ("Teknologiateollisuusalan yritysten vetovoimaisuuden lisääminen, PURE STEEL-hanke", "PURE STEEL"),
        ("Lapin TNO-palvelut", None),  # TNO is part of the name, not what the project is called
        ("HUOLTAMO", None),
        ("VASTUUTA 2020", None),
    ],
)
def test_acronyms(name, acronym):
    assert acronym_of(name) == acronym


def test_name_variants_include_the_parts_of_a_long_title():
    variants = name_variants("See Me! - Taidot esille, Maahanmuuttajataustaisten nuorten osaamisen tunnistaminen")
    assert {"See Me!", "Taidot esille", "Maahanmuuttajataustaisten nuorten osaamisen tunnistaminen"} <= variants
    assert "Vamos 2" not in name_variants("Vamos 2. aste – opintoihin kiinnittyminen")
