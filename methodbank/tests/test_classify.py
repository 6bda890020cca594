"""Classifying imported text: target groups, regions, keywords and funding, each with where it was found.

The sentences are our own, written the way the report's Finnish and Swedish descriptions are: inflected
place names, compounds and areas that span several regions. The vocabularies and their word forms are
the ones the migrations seed.
"""

from datetime import date

import pytest
from django.utils import translation

from methodbank.importer.classify import FUNDING, KEYWORDS, REGIONS, TARGET_GROUPS, Classifier
from methodbank.importer.records import Entry, ProjectRecord
from methodbank.models import Region, TargetGroup
from methodbank.models.term_suggestion import describe_evidence

pytestmark = pytest.mark.django_db
ALL = [TARGET_GROUPS, REGIONS, KEYWORDS]


def classify(text, language="fi", vocabularies=ALL):
    """``{vocabulary: {code: [(line, words as written, via)]}}`` for ``text`` written on lines of its own."""
    lines = text.split("\n")
    result = Classifier(lines).text(text, language, [1], vocabularies)
    found = {}
    for (vocabulary, code), evidence in result.items():
        found.setdefault(vocabulary, {})[code] = [(item.line, item.text, item.via) for item in evidence]
    return found


def codes(found, vocabulary):
    return set(found.get(vocabulary, {}))


def test_inflected_finnish_words_and_compounds_are_recognised_by_their_base_forms():
    found = classify(
        "Opinto-ohjaajat tapaavat maahanmuuttajataustaisten nuorten perheitä.\n"
        "Malli kehitettiin Pirkanmaalla ja sitä kokeiltiin Lapissa romaninuorten kanssa.\n"
        "Keskeyttämisvaarassa oleville tarjotaan vertaisryhmä."
    )
    assert codes(found, TARGET_GROUPS) == {"immigrants", "at-risk-students", "guidance-staff"}
    assert codes(found, REGIONS) == {"fi-11", "fi-10"}
    assert codes(found, KEYWORDS) == {"roma", "peer-support"}
    assert found[TARGET_GROUPS]["immigrants"] == [(1, "maahanmuuttajataustaisten", "text")]
    assert found[REGIONS]["fi-10"] == [(2, "Lapissa", "text")]


def test_words_that_only_begin_like_a_term_are_not_the_term():
    # String prefixes would take lapsille for Lappi and noin for Nokia; base forms do not.
    found = classify("Lapsille ja nuorille järjestetään noin viikon jakso opinnoissa Lapuan lukiossa.")
    assert codes(found, REGIONS) == {"fi-03"}  # Lapua is in Etelä-Pohjanmaa


def test_the_longest_place_name_wins():
    found = classify("Hanke toimi Keski-Pohjanmaan kunnissa ja Pohjois-Pohjanmaalla.")
    assert codes(found, REGIONS) == {"fi-07", "fi-14"}  # not also Pohjanmaa (fi-12)
    assert found[REGIONS]["fi-14"] == [(1, "Pohjois-Pohjanmaalla", "text")]


def test_an_area_that_spans_several_regions_gives_each_of_them():
    eastern = {"fi-04", "fi-13", "fi-15"}  # Etelä-Savo, Pohjois-Karjala, Pohjois-Savo
    assert codes(classify("Oppilaitokset Itä-Suomessa kehittivät mallia yhdessä."), REGIONS) == eastern
    assert codes(classify("Skolor i Östra Finland deltog.", "sv"), REGIONS) == eastern
    assert codes(classify("Kaakkois-Suomen ammattikorkeakoulu"), REGIONS) == {"fi-02", "fi-09"}


def test_swedish_text_is_read_with_the_swedish_word_forms():
    found = classify(
        "Projektet stöder nyländska ungdomar med invandrarbakgrund.\n"
        "I Södra Österbotten erbjuds kamratstöd för studerande som riskerar att avbryta.",
        "sv",
    )
    assert codes(found, TARGET_GROUPS) == {"immigrants", "at-risk-students"}
    assert codes(found, REGIONS) == {"fi-18", "fi-03"}  # Södra Österbotten is not also Österbotten
    assert codes(found, KEYWORDS) == {"peer-support"}
    assert found[REGIONS]["fi-18"] == [(1, "nyländska", "text")]


def test_the_whole_country_is_never_read_from_text():
    found = classify("Malli on valtakunnallisesti levitettävissä koko Suomessa.")
    assert codes(found, REGIONS) == set()


def test_editors_word_forms_are_used_at_the_next_classification():
    group = TargetGroup.objects.get(code="adult-learners", locale__language_code="fi")
    assert "adult-learners" not in codes(classify("Työttömille järjestetään kursseja."), TARGET_GROUPS)
    group.word_forms += "\ntyötön"
    group.save()
    assert "adult-learners" in codes(classify("Työttömille järjestetään kursseja."), TARGET_GROUPS)


def test_provenance_reads_as_a_sentence_in_each_language():
    evidence = {"source": "report.txt", "line": 812, "text": "maahanmuuttajataustaisten", "via": "text"}
    with translation.override("en"):
        assert describe_evidence(evidence) == "from line 812: “maahanmuuttajataustaisten”"
        assert describe_evidence({**evidence, "via": "organisation", "text": "Lapin yliopisto"}) == (
            "from the lead organisation's name, line 812: “Lapin yliopisto”"
        )
    with translation.override("fi"):
        assert describe_evidence(evidence) == "rivillä 812: “maahanmuuttajataustaisten”"
    with translation.override("sv"):
        assert describe_evidence(evidence) == "på rad 812: “maahanmuuttajataustaisten”"


# A report of our own in the shape of the real one: a preface, then the project list's tables.
REPORT = [
    "## Esipuhe",  # 1
    "Tähän on koottu ESR-hankkeiden tuottamia toimintamalleja.",  # 2
    "## LIITE: Hankelistaus",  # 3
    "Valtakunnalliset hankkeet\tPäätoteuttaja\tPäätymisaika",  # 4
    "Valtakunnan hanke\tTurun kaupunki\t12/2020",  # 5
    "Alueelliset hankkeet\tPäätoteuttaja\tPäätymisaika",  # 6
    "Pohjoisen hanke\tLapin yliopisto\t12/2020",  # 7
    "Idän hanke\tOulun kaupunki\t12/2020\tHanke toimii Kainuussa.",  # 8
    "### Muut ESR-hankkeet",  # 9
    "Muu hanke\tJyväskylän yliopisto\t1/2021",  # 10
]


def project(name, organisation, scope, line, description="", other_esf=False):
    return ProjectRecord(
        key=name,
        name=name,
        acronym=None,
        lead_organisation=organisation,
        description=description,
        scope=scope,
        theme_codes=[],
        end_month=date(2020, 12, 1),
        language="fi",
        lines=[line],
        other_esf=other_esf,
    )


def summary(classification, vocabulary):
    return {
        code: [(item.line, item.text, item.via) for item in evidence]
        for (kind, code), evidence in classification.items()
        if kind == vocabulary
    }


def test_national_projects_cover_the_whole_country_whoever_leads_them():
    result = Classifier(REPORT).project(project("Valtakunnan hanke", "Turun kaupunki", "national", 5))
    assert summary(result, REGIONS) == {"national": [(4, "Valtakunnalliset hankkeet", "heading")]}
    assert Region.objects.get(code="national", locale__language_code="fi").is_national


def test_a_regional_project_takes_the_region_of_its_lead_organisation_when_its_text_names_none():
    result = Classifier(REPORT).project(project("Pohjoisen hanke", "Lapin yliopisto", "regional", 7))
    assert summary(result, REGIONS) == {"fi-10": [(7, "Lapin", "organisation")]}


def test_places_in_a_projects_text_come_before_its_lead_organisation():
    record = project("Idän hanke", "Oulun kaupunki", "regional", 8, "Hanke toimii Kainuussa.")
    assert summary(Classifier(REPORT).project(record), REGIONS) == {"fi-05": [(8, "Kainuussa", "text")]}


def test_funding_comes_from_the_heading_over_the_project_or_from_what_the_report_says_of_all():
    classifier = Classifier(REPORT)
    other = classifier.project(project("Muu hanke", "Jyväskylän yliopisto", None, 10, other_esf=True))
    assert summary(other, FUNDING) == {"esf": [(9, "Muut ESR-hankkeet", "heading")]}
    assert summary(other, REGIONS) == {}  # scope unknown: the lead organisation says nothing of the area
    listed = classifier.project(project("Pohjoisen hanke", "Lapin yliopisto", "regional", 7))
    assert summary(listed, FUNDING) == {"esf": [(2, "ESR-hankkeiden", "report")]}


def test_a_model_takes_its_projects_regions_and_the_places_its_own_text_names():
    classifier = Classifier([*REPORT, "### Malli (Pohjoisen hanke)", "Mallia kokeiltiin myös Oulussa."])
    regions = classifier.project(project("Pohjoisen hanke", "Lapin yliopisto", "regional", 7))
    entry = Entry(
        key="malli",
        title="Malli",
        kind="model",
        theme_codes=["A1"],
        period=None,
        project_ref="Pohjoisen hanke",
        description="Mallia kokeiltiin myös Oulussa.",
        links=[],
        line=11,
        lines=[11],
    )
    assert summary(classifier.entry(entry, regions), REGIONS) == {
        "fi-14": [(12, "Oulussa", "text")],
        "fi-10": [(7, "Lapin", "organisation")],
    }
