import pytest

from methodbank.importer.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hankkeen tavoitteena on tukea nuoria, jotka siirtyvät peruskoulusta ammatilliseen koulutukseen.", "fi"),
        ("Projektet stöder unga som går från grundskolan till yrkesutbildning och vidare till arbetslivet.", "sv"),
        ("The project helps young people move from school to vocational training and on to work.", "en"),
        ("Smidiga övergångar", "sv"),
        ("", "fi"),
        ("12/2020", "fi"),
    ],
)
def test_detects_the_three_portal_languages(text, language):
    assert detect_language(text) == language


def test_report_descriptions(report):
    by_name = {project.name: project.description for project in report.projects}
    assert detect_language(by_name["Stora Komet"]) == "sv"
    assert detect_language(by_name["SOPU - Sujuvat omat polut"]) == "fi"
    # Its name is Swedish, but the report describes it in Finnish.
    assert detect_language(by_name["Smidiga övergångar i Sverkenfinland"]) == "fi"
