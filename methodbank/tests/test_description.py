"""An imported description is split between summary and body without repeating or losing a word."""

import pytest

from methodbank.importer.description import (
    SHORT_SENTENCE,
    paragraphs_of,
    split_description,
    summary_is_imported,
)


def test_every_entry_of_the_report_is_split_without_repeating_or_losing_text(report):
    items = [item for item in [*report.entries, *report.projects] if item.description]
    assert len(items) > 300
    body_only = 0
    for item in items:
        summary, rest = split_description(item.description)
        flat = " ".join(paragraphs_of(item.description))
        assert summary, item.title
        assert summary not in rest, item.title
        # Summary and body together give back the description, in order, word for word.
        assert " ".join(filter(None, [summary, " ".join(paragraphs_of(rest))])) == flat, item.title
        body_only += not rest
    # A description of one sentence (or two short ones) is all summary: the page then has no imported body.
    assert 0 < body_only < len(items) / 2


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        # Abbreviations and ordinals do not end a sentence.
        (
            "Malli tukee mm. opettajia ja esim. opinto-ohjaajia 2. asteen opinnoissa koko lukuvuoden ajan, "
            "kun opiskelija aloittaa opintonsa kesken vuoden ja tarvitsee tukea ryhmään pääsemiseksi. Toinen lause.",
            "Malli tukee mm. opettajia ja esim. opinto-ohjaajia 2. asteen opinnoissa koko lukuvuoden ajan, "
            "kun opiskelija aloittaa opintonsa kesken vuoden ja tarvitsee tukea ryhmään pääsemiseksi.",
        ),
        # A short first sentence takes the second along.
        ("Lyhyt alku. Toinen lause kertoo lisää. Kolmas jää kuvaukseen.", "Lyhyt alku. Toinen lause kertoo lisää."),
        # Swedish too.
        (
            "Projektet byggde broar. Det stödde t.ex. unga i Nyland. Resten står i beskrivningen.",
            "Projektet byggde broar. Det stödde t.ex. unga i Nyland.",
        ),
    ],
)
def test_the_summary_is_the_first_sentence_or_two(text, summary):
    assert split_description(text)[0] == summary


def test_a_long_first_sentence_stands_alone_and_the_next_paragraph_starts_the_body():
    first = "Pitkä ensimmäinen virke " + "jatkuu " * (SHORT_SENTENCE // 7) + "loppuun."
    summary, rest = split_description(f"{first} Toinen virke.\n\nUusi kappale.")
    assert summary == first
    assert paragraphs_of(rest) == ["Toinen virke.", "Uusi kappale."]


def test_summaries_an_import_wrote_are_told_from_an_editors():
    description = "Ensimmäinen lause on tässä. Toinen lause on tässä."
    assert summary_is_imported("Ensimmäinen lause on tässä.", "Otsikko", [description])
    assert summary_is_imported("Ensimmäinen lause on…", "Otsikko", [description])  # cut by an earlier import
    assert summary_is_imported("Otsikko", "Otsikko", [""])  # no description: the title stood in
    assert not summary_is_imported("Toimittajan oma tiivistelmä.", "Otsikko", [description])
