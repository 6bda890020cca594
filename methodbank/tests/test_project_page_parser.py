"""Project pages 000, 002, 003 and 004 from shared/seeds."""

from datetime import date
from decimal import Decimal

import pytest

from methodbank.importer.project_matching import ProjectMatcher
from methodbank.importer.project_page_parser import Contact, parse_project_page

from .seeds import seed_path

ZOOMI, VAMOS, YHESSA, OPINTORI = (
    "000_5c7be5484ea9c306.txt",
    "002_7d50ae538315a1c4.txt",
    "003_d876190c468a1a05.txt",
    "004_9cde24df96b12349.txt",
)


@pytest.fixture(scope="module")
def pages():
    return {name: parse_project_page(seed_path(name)) for name in (ZOOMI, VAMOS, YHESSA, OPINTORI)}


def test_labelled_facts(pages):
    yhessa = pages[YHESSA]
    assert yhessa.name == "Yhessä"
    assert (yhessa.start, yhessa.end) == (date(2017, 12, 15), date(2019, 12, 31))
    assert (yhessa.area, yhessa.funder, yhessa.budget_eur) == ("Itä-Suomi", "Opetushallitus", Decimal("116000"))
    assert len(yhessa.implementers) == 8
    assert yhessa.implementers[0] == "Savon koulutuskuntayhtymä (koordinaattori)"
    assert yhessa.implementers[-1] == "Itä-Uudenmaan koulutuskuntayhtymä"
    assert yhessa.goals[1] == "Yhteisöllisyys-osaamisen kehittäminen ja vahvistaminen"
    assert "Toiminta-aika" not in yhessa.description and "Kustannusarvio" not in yhessa.description
    assert yhessa.problems == []


def test_facts_stated_in_running_text(pages):
    vamos = pages[VAMOS]
    assert vamos.name == "Vamos 2.aste -opintoihin kiinnittyminen, läpäisy ja pudokkuuden ehkäisy"
    assert vamos.title == "INNOsta oppimiseen! VAMOS!"
    assert (vamos.start, vamos.end) == (date(2018, 10, 1), date(2020, 8, 31))
    assert vamos.funder.startswith("Euroopan sosiaalirahasto, Pohjois-Pohjanmaan elinkeino-")
    assert vamos.implementers == [
        "Helsingin Diakonissalaitoksen säätiö",
        "Suomen Diakoniaopisto",
        "Turun ammatti-instituutti",
        "Espoon seudun koulutuskuntayhtymä Omnia",
    ]

    zoomi = pages[ZOOMI]
    assert zoomi.name == "ZOOMI - sujuvia siirtymiä edistämässä"
    assert (zoomi.start, zoomi.end) == (date(2019, 5, 1), date(2021, 12, 31))
    assert zoomi.goals[0] == "Sujuvat siirtymät -verkoston ylläpito ja vahvistaminen"
    assert len(zoomi.goals) == 5
    assert zoomi.code is None and zoomi.budget_eur is None


def test_contacts(pages):
    zoomi = pages[ZOOMI].contacts
    assert len(zoomi) == 6
    assert zoomi[0] == Contact(
        "Tiina Kärkkäinen", "Projektipäällikkö", "Opetushallitus", "tiina.karkkainen@oph.fi", "029 533 1709"
    )
    assert zoomi[4].organisation == "SAKU ry"
    assert zoomi[5].title == "Projektipäällikkö (virkavapaalla)" and zoomi[5].name == "Sanna Pensonen"
    assert pages[VAMOS].contacts[1] == Contact(
        "Hanna Kivinen-Inkinen", "hankekoordinaattori", "", "hanna.kivinen-inkinen@hdl.fi", "050 302 7979"
    )
    assert "@" not in pages[ZOOMI].description and "Lisätietoja" not in pages[ZOOMI].description


def test_page_furniture_is_dropped_and_reported(pages):
    opintori = pages[OPINTORI]
    assert opintori.name == "Opintorin digiloikka"
    assert (opintori.start, opintori.end) == (date(2016, 4, 1), date(2019, 6, 30))
    assert opintori.implementers == ["Oulun seudun ammattiopisto", "PSK-aikuisopisto", "Ammattiopisto Luovi"]
    assert opintori.website == "https://opintori.info"
    assert "palautteesi" not in opintori.description and "validointi" not in opintori.description
    assert [(problem.line, problem.message) for problem in opintori.problems] == [
        (19, "site feedback widget dropped from here to the end of the page")
    ]
    assert "Lue seuraavaksi" not in pages[VAMOS].description
    assert [problem.line for problem in pages[VAMOS].problems] == [25]


def test_pages_link_to_report_projects_only_when_sure(pages, report):
    matcher = ProjectMatcher(report.projects)
    assert matcher.match(pages[VAMOS].name).name.startswith("Vamos 2. aste")
    assert matcher.match(pages[YHESSA].name) is None
    assert matcher.match(pages[OPINTORI].name) is None


def test_invalid_bytes_and_amount_formats():
    page = parse_project_page(
        "Koehanke\n\nToiminta-aika: 1.1.2020 – 31.12.2021\n\nKustannusarvio: 1 234 567,50 €\n\nRahoituslähde: ESR\n".encode()
        + b"Kuvaus \xff rikki.\n"
    )
    assert page.name == "Koehanke"
    assert page.budget_eur == Decimal("1234567.50")
    assert [problem.line for problem in page.problems] == [8]
    assert "\ufffd" in page.description
