"""The report from the method bank's listing and the admin: downloads, reuse, and refusals a visitor can act on."""

import io

import pytest
from docx import Document
from pypdf import PdfReader

from methodbank.models import ModelPage
from reports.models import StoredReport

pytestmark = pytest.mark.django_db


def test_the_method_bank_offers_the_report_of_what_it_lists(client, method_bank):
    html = client.get(method_bank.url, {"theme": "C"}).content.decode()
    assert "Tämän valinnan raportti" in html
    assert '/fi/report/?theme=C&amp;format=pdf"' in html
    assert '/fi/report/?theme=C&amp;format=docx"' in html


def test_a_selection_is_reported_as_pdf_and_reused_until_the_content_changes(client, method_bank):
    response = client.get("/fi/report/", {"theme": "C", "format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages)
    model = ModelPage.objects.live().filter(locale__language_code="fi", themes__code="C").first()
    assert " ".join(model.title.split()) in " ".join(text.split())
    stored = StoredReport.objects.get()
    first_made = stored.updated_at

    client.get("/fi/report/", {"theme": "C", "format": "pdf"})
    assert StoredReport.objects.get().updated_at == first_made

    model.save_revision().publish()
    client.get("/fi/report/", {"theme": "C", "format": "pdf"})
    assert StoredReport.objects.get().updated_at > first_made


def test_a_selection_as_docx_in_swedish(client, method_bank):
    response = client.get("/sv/report/", {"theme": "C", "format": "docx"})
    assert response.status_code == 200
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    assert document.core_properties.language == "sv"
    assert any(
        paragraph.style.name == "Heading 1" and paragraph.text.startswith("C ") for paragraph in document.paragraphs
    )


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("/fi/report/", {"theme": "Z9"}, "Tuntematon teema"),
        ("/sv/report/", {"q": "qqqxxyyzz"}, "Inget motsvarar urvalet"),
        ("/en/report/", {"lang": "de"}, "Choose the language fi, sv or en."),
        ("/en/report/", {"format": "xls"}, "Choose the format pdf or docx."),
    ],
)
def test_bad_selections_get_a_clear_page_in_the_visitor_s_language(client, method_bank, path, params, message):
    response = client.get(path, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'<html lang="{path[1:3]}">' in html
    assert not StoredReport.objects.exists()


def test_the_admin_makes_the_report_of_chosen_themes(admin_client, method_bank):
    response = admin_client.get("/admin/method-bank-report/")
    assert response.status_code == 200
    response = admin_client.get("/admin/method-bank-report/", {"language": "en", "format": "docx", "themes": ["C"]})
    assert response.status_code == 200
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    headings = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    assert any(style == "Heading 1" and text.startswith("C ") for style, text in headings), headings[:10]
    listing = admin_client.get("/admin/method-bank-report/").content.decode()
    assert "Teemat: C" in listing
