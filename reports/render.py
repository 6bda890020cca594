"""The report as PDF (WeasyPrint, from templates/reports/report.html) and as DOCX (python-docx).

Nothing is fetched from another host: the PDF's only resources are the site's own font files, read from the
static files, and ``LocalFiles`` refuses every other address (an image in a description, say).
"""

import io
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import html as lxml_html
from weasyprint import HTML
from weasyprint.urls import URLFetcher

# The site's font (base.html loads it from static/dist/portal.css, built from node_modules by
# scripts/build_assets.mjs): its Latin and Latin Extended files, upright and italic.
FONT_FILES = [
    ("normal", "U+0000-00FF,U+0131,U+0152-0153,U+2000-206F,U+20AC,U+2122", "latin"),
    ("normal", "U+0100-02BA,U+1E00-1EFF", "latin-ext"),
    ("italic", "U+0000-00FF,U+0131,U+0152-0153,U+2000-206F,U+20AC,U+2122", "latin"),
    ("italic", "U+0100-02BA,U+1E00-1EFF", "latin-ext"),
]


def licence_text():
    return _("Licence: %(licence)s (%(url)s)") % {
        "licence": settings.OPEN_DATA_LICENCE_NAME,
        "url": settings.OPEN_DATA_LICENCE_URL,
    }


def font_faces():
    """@font-face rules naming the font files on disk; DejaVu Sans (Debian) stands in when they are not built."""
    rules = []
    for style, unicode_range, subset in FONT_FILES:
        path = finders.find(f"dist/fonts/source-sans-3-{subset}-wght-{style}.woff2")
        if path:
            rules.append(
                f"@font-face {{ font-family: 'Source Sans 3'; font-style: {style}; "
                f"src: url('{Path(path).as_uri()}') format('woff2'); unicode-range: {unicode_range}; }}"
            )
    return "\n".join(rules)


class LocalFiles(URLFetcher):
    """Reads the static files and media only; any other address, on this machine or another, is left out."""

    def __init__(self):
        super().__init__(allowed_protocols={"file"})
        self.allowed = [
            Path(directory).resolve()
            for directory in (*settings.STATICFILES_DIRS, settings.STATIC_ROOT, settings.MEDIA_ROOT)
        ]

    def fetch(self, url, headers=None):
        path = Path(url2pathname(urlsplit(url).path)).resolve() if url.startswith("file:") else None
        if path is None or not any(path.is_relative_to(directory) for directory in self.allowed):
            raise ValueError(f"Not fetched: {url}")
        return super().fetch(url, headers)


def report_html(report):
    with translation.override(report.language):
        return render_to_string(
            "reports/report.html", {"report": report, "font_faces": font_faces(), "licence": licence_text()}
        )


def report_pdf(report):
    """A tagged PDF (PDF/UA structure) with the document language, bookmarks from the headings and local fonts."""
    document = HTML(string=report_html(report), url_fetcher=LocalFiles(), base_url=str(settings.BASE_DIR))
    # The document language comes from <html lang>; pdf/ua-1 tags the structure (headings, lists, tables).
    return document.write_pdf(pdf_variant="pdf/ua-1")


def _set_language(document, language):
    """The language of every style's text (w:lang), so that Word's proofing and screen readers use it."""
    for style in document.styles:
        element = style.element
        run_properties = element.get_or_add_rPr() if hasattr(element, "get_or_add_rPr") else None
        if run_properties is None:
            continue
        lang = run_properties.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            run_properties.append(lang)
        lang.set(qn("w:val"), language)
    document.core_properties.language = language


def _run_language(run, language):
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    run._r.get_or_add_rPr().append(lang)


def _paragraph(document, text, language=None, style=None):
    paragraph = document.add_paragraph(style=style)
    run = paragraph.add_run(text)
    if language:
        _run_language(run, language)
    return paragraph


def _heading(document, text, level, language=None):
    heading = document.add_heading(level=level)
    run = heading.add_run(text)
    if language:
        _run_language(run, language)
    return heading


def _html_paragraphs(fragment):
    """The paragraphs and list items of a rich text fragment as (text, is_list_item)."""
    if not fragment.strip():
        return []
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    blocks = []
    for element in root:
        if element.tag in {"ul", "ol"}:
            blocks.extend((" ".join(li.text_content().split()), True) for li in element.iter("li"))
        else:
            text = " ".join(element.text_content().split())
            if text:
                blocks.append((text, False))
    if not blocks:
        text = " ".join(strip_tags(fragment).split())
        if text:
            blocks.append((text, False))
    return blocks


def _toc_field(document):
    """A table of contents field over Heading 1–3; Word fills it in when the document is opened and updated."""
    paragraph = document.add_paragraph()
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = 'TOC \\o "1-3" \\h \\z \\u'
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = _("Update the field to see the contents (F9 in Word).")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, placeholder, end):
        run._r.append(element)


def report_docx(report):
    """The report as a Word document: Title, Heading 1 main themes, Heading 2 sub-themes, Heading 3 items."""
    language = report.language
    with translation.override(language):
        document = Document()
        _set_language(document, language)
        document.core_properties.title = report.title
        document.core_properties.subject = report.selection
        document.add_paragraph(report.title, style="Title")
        _paragraph(document, f"{_('Selection')}: {report.selection}")
        _paragraph(document, f"{_('Date')}: {report.date.day}.{report.date.month}.{report.date.year}")
        _paragraph(document, f"{_('Models and good practices')}: {report.item_count}")
        _paragraph(document, licence_text())
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _heading(document, _("Contents"), 1)
        _toc_field(document)
        for chapter in report.chapters:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _heading(document, f"{chapter.code} {chapter.name}".strip(), 1)
            if chapter.description:
                _paragraph(document, chapter.description)
            for item in chapter.items:
                _docx_item(document, item, language)
            for child in chapter.children:
                _heading(document, f"{child.code} {child.name}", 2)
                if child.description:
                    _paragraph(document, child.description)
                for item in child.items:
                    _docx_item(document, item, language)
        if report.projects:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _heading(document, _("Appendix: projects"), 1)
            table = document.add_table(rows=1, cols=4)
            table.style = "Table Grid"
            for cell, label in zip(
                table.rows[0].cells, (_("Project"), _("Lead organisation"), _("End date"), _("Scope")), strict=True
            ):
                cell.text = label
            for project in report.projects:
                cells = table.add_row().cells
                title = project.title + (
                    f" ({project.acronym})" if project.acronym and project.acronym != project.title else ""
                )
                cells[0].text = title
                cells[1].text = project.lead_organisation
                cells[2].text = project.end_date
                cells[3].text = project.scope
        if report.adoptions:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _heading(document, _("Appendix: adoptions"), 1)
            _paragraph(
                document,
                _(
                    "The organisations that use each model or good practice, by region, as the method bank's "
                    "moderators have approved them."
                ),
            )
            for entry in report.adoptions:
                _heading(document, entry.title, 2, entry.lang or None)
                table = document.add_table(rows=1, cols=2)
                table.style = "Table Grid"
                table.rows[0].cells[0].text = _("Region")
                table.rows[0].cells[1].text = _("Organisations")
                for region, organisations in entry.regions:
                    cells = table.add_row().cells
                    cells[0].text = region
                    cells[1].text = ", ".join(organisations)
        output = io.BytesIO()
        document.save(output)
        return output.getvalue()


def _docx_item(document, item, language):
    own = item.lang or None
    _heading(document, item.title, 3, own)
    if item.lang:
        explanation = _("this item has no version in the report's language.")
        note = _paragraph(document, f"{item.language_note.capitalize()}: {explanation}")
        note.runs[0].italic = True
    facts = [(_("Type"), item.type_label)]
    if item.projects:
        facts.append((_("Project"), "; ".join(title for title, _lang in item.projects)))
    if item.period:
        facts.append((_("Coordination period"), item.period))
    facts.append((_("Evaluation"), item.evaluation))
    for label, value in facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    for record in item.evaluations:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{record.get_phase_display()}: {record.get_outcome_display()}").bold = True
        if record.summary:
            _paragraph(document, record.summary, record.language)
        for criterion in record.criteria():
            if criterion["light"] or criterion["note"]:
                label = str(criterion["label"]) + (f" – {criterion['light_label']}" if criterion["light_label"] else "")
                text = f"{label}: {criterion['note']}" if criterion["note"] else label
                _paragraph(document, text, record.language, style="List Bullet")
    _paragraph(document, item.summary, own)
    for heading, fragment in item.sections:
        if heading:
            _heading(document, heading, 4)
        for text, is_list_item in _html_paragraphs(fragment):
            _paragraph(document, text, own, style="List Bullet" if is_list_item else None)
