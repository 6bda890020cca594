"""The report of the imported 2020 bank: its structure, and its PDF and DOCX read back as text."""

import datetime
import io
from html import unescape

import pytest
from docx import Document
from pypdf import PdfReader
from wagtail.models import Locale

from adoptions.models import Adoption
from demo.factories import OrganisationFactory
from methodbank.models import ModelPage, Region, Theme
from reports.content import build_report, fingerprint
from reports.render import report_docx, report_html, report_pdf
from reports.selection import Selection

pytestmark = pytest.mark.django_db


def main_theme_codes(page):
    codes = set()
    for theme in page.themes.select_related("parent"):
        codes.add(theme.parent.code if theme.parent_id else theme.code)
    return codes


def items_by_chapter(report):
    return {
        chapter.code: {item.key for item in chapter.items}
        | {item.key for child in chapter.children for item in child.items}
        for chapter in report.chapters
    }


def test_every_model_appears_under_its_theme_and_the_contents_lists_each_theme_s_items(imported_report):
    report = build_report(Selection.from_choices("fi"))
    assert [chapter.code for chapter in report.chapters] == ["A", "B", "C", "D"]
    chapters = items_by_chapter(report)
    models = ModelPage.objects.live().filter(locale__language_code="fi")
    assert models.count() == 21
    for model in models:
        (code,) = {code for code, keys in chapters.items() if str(model.translation_key) in keys}
        assert code in main_theme_codes(model), model.title
    # Each of the 21 models and 200 practices once, however many themes it has.
    listed = [key for keys in chapters.values() for key in keys]
    assert len(listed) == len(set(listed)) == report.item_count == 221
    assert sum(chapter.count() for chapter in report.chapters) == 221
    # Sub-themes in their order, each under its own main theme.
    for chapter in report.chapters:
        codes = [child.code for child in chapter.children]
        assert codes == sorted(codes) and all(code.startswith(chapter.code) for code in codes)

    html = report_html(report)
    contents = html.split('<nav class="contents"')[1].split("</nav>")[0]
    for chapter in report.chapters:
        for item in [*chapter.items, *(item for child in chapter.children for item in child.items)]:
            assert f'href="#{item.anchor}"' in contents
            assert f'id="{item.anchor}"' in html


def test_items_without_a_version_in_the_report_language_are_shown_in_their_own_and_marked(imported_report):
    report = build_report(Selection.from_choices("en", themes=["A1"]))
    items = [item for chapter in report.chapters for child in chapter.children for item in child.items]
    assert items and all(item.lang == "fi" for item in items)
    html = report_html(report)
    assert '<html lang="en">' in html
    assert f'<article class="item" aria-labelledby="{items[0].anchor}" lang="fi">' in html
    assert "In Finnish: this item has no version in the report's language." in unescape(html)


def test_the_pdf_has_the_titles_bookmarks_by_theme_and_the_document_language(imported_report):
    report = build_report(Selection.from_choices("fi", themes=["D"]))
    reader = PdfReader(io.BytesIO(report_pdf(report)))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    titles = [item.title for child in report.chapters[0].children for item in child.items]
    assert len(titles) == report.item_count > 60
    for title in titles:
        assert " ".join(title.split())[:40] in text
    outline = reader.outline
    top = [entry["/Title"] for entry in outline if not isinstance(entry, list)]
    assert top == ["Sisällys", f"D {Theme.objects.get(code='D', locale__language_code='fi').name}", "Liite: hankkeet"]
    sub_themes = [entry["/Title"] for entry in outline[2] if not isinstance(entry, list)]
    assert [title.split()[0] for title in sub_themes] == [child.code for child in report.chapters[0].children]
    assert reader.trailer["/Root"]["/Lang"] == "fi"
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]


def test_the_docx_uses_heading_styles_and_its_language(imported_report):
    report = build_report(Selection.from_choices("sv", themes=["C"]))
    document = Document(io.BytesIO(report_docx(report)))
    headings = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    chapter = report.chapters[0]
    assert ("Heading 1", f"C {chapter.name}") in headings
    for child in chapter.children:
        assert ("Heading 2", f"{child.code} {child.name}") in headings
        for item in child.items:
            assert ("Heading 3", item.title) in headings
    assert ("Title", report.title) in headings
    assert document.core_properties.language == "sv"
    appendix = document.tables[0]
    assert [cell.text for cell in appendix.rows[0].cells] == ["Projekt", "Huvudgenomförare", "Slutdatum", "Omfattning"]
    assert len(appendix.rows) == len(report.projects) + 1


def test_the_adoptions_appendix_lists_the_organisations_using_each_item_by_region(imported_report):
    keys = [
        item.key for item in build_report(Selection.from_choices("sv", themes=["A1"])).chapters[0].children[0].items
    ]
    used, refused = keys[:2]
    aland, lapland = (Region.objects.filter(code=code).order_by("pk").first() for code in ("fi-01", "fi-10"))
    started = datetime.date(2024, 8, 1)

    def adopt(key, name, region, **fields):
        organisation = OrganisationFactory(name=name, locale=Locale.objects.get(language_code="fi"))
        fields = {"state": Adoption.State.APPROVED, "started_on": started, "language": "fi", **fields}
        return Adoption.objects.create(translation_key=key, organisation=organisation, region=region, **fields)

    before = fingerprint()
    adopt(used, "Omnia", aland)
    adopt(used, "Careeria", aland, status=Adoption.Status.TRYING)
    adopt(used, "Lapin koulutuskeskus REDU", lapland)
    adopt(used, "Odottava opisto", lapland, state=Adoption.State.PENDING)
    adopt(used, "Lopettanut opisto", lapland, status=Adoption.Status.STOPPED)
    adopt(refused, "Hylätty opisto", aland, state=Adoption.State.REJECTED)
    # A stored report is made again once adoptions change.
    assert fingerprint() != before

    report = build_report(Selection.from_choices("sv", themes=["A1"]))
    item = next(item for child in report.chapters[0].children for item in child.items if item.key == used)
    regions = {region.code: region.name for region in Region.objects.filter(locale__language_code="sv")}
    (entry,) = report.adoptions
    assert (entry.title, entry.lang) == (item.title, item.lang)
    assert entry.regions == [
        (regions["fi-01"], ["Careeria (prövas)", "Omnia"]),
        (regions["fi-10"], ["Lapin koulutuskeskus REDU"]),
    ]

    html = unescape(report_html(report))
    assert '<a href="#appendix-adoptions">Bilaga: ibruktaganden</a>' in html
    appendix = html.split('<h2 id="appendix-adoptions">')[1]
    assert f'<th scope="row">{regions["fi-01"]}</th>' in appendix
    assert "<td>Careeria (prövas), Omnia</td>" in appendix
    for absent in ("Odottava opisto", "Lopettanut opisto", "Hylätty opisto"):
        assert absent not in html

    reader = PdfReader(io.BytesIO(report_pdf(report)))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Bilaga: ibruktaganden" in text and "Lapin koulutuskeskus REDU" in text
    assert [entry["/Title"] for entry in reader.outline if not isinstance(entry, list)][-1] == "Bilaga: ibruktaganden"

    document = Document(io.BytesIO(report_docx(report)))
    headings = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    assert ("Heading 1", "Bilaga: ibruktaganden") in headings
    assert ("Heading 2", item.title) in headings
    rows = [[cell.text for cell in row.cells] for row in document.tables[-1].rows]
    assert rows == [
        ["Landskap", "Organisationer"],
        [regions["fi-01"], "Careeria (prövas), Omnia"],
        [regions["fi-10"], "Lapin koulutuskeskus REDU"],
    ]
