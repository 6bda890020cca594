"""The bank as open data: CSV and JSON-LD (schema.org) of every item version, and a DCAT-AP catalogue record.

The files are streamed: pages are read ``CHUNK`` at a time with ``iterator(chunk_size=…)`` and their
vocabulary codes and links per chunk, so memory stays bounded whatever the size of the bank. Each item
version has a stable identifier, ``<translation_key>:<language>``, and a stable address (``item_url``).
The JSON-LD describes an item with the properties its page embeds (templates/methodbank/structured_data.html);
it is built here in Python because rendering that template per item would read its links one query at a time.
"""

import csv
import io
import json
from functools import lru_cache

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from methodbank.models import ItemType, MethodBankPage, ModelPage, Theme
from search.analysis import LANGUAGES

CHUNK = 1000
CSV_COLUMNS = [
    "id",
    "translation_key",
    "language",
    "type",
    "title",
    "summary",
    "url",
    "themes",
    "target_groups",
    "regions",
    "keywords",
    "evaluation",
    "period",
    "end_year",
    "projects",
    "model",
    "first_published_at",
    "last_published_at",
    "licence",
]
VOCABULARIES = (("themes", "theme"), ("target_groups", "targetgroup"), ("regions", "region"), ("keywords", "keyword"))
DATASETS = {
    "csv": ("text/csv; charset=utf-8", "methodbank.csv"),
    "jsonld": ("application/ld+json", "methodbank.jsonld"),
}


def licence():
    return {"name": settings.OPEN_DATA_LICENCE_NAME, "url": settings.OPEN_DATA_LICENCE_URL}


class PageAddresses:
    """Public addresses of pages from their url_path, as Wagtail's routing gives them, without a query per page."""

    def __init__(self, origin):
        self.origin = origin
        self.roots = sorted(
            (
                (site.root_page.url_path, site.root_page.locale.language_code)
                for site in Site.objects.select_related("root_page__locale")
            ),
            key=lambda root: -len(root[0]),
        )
        # Each language's home page is a translation of the site's root page, under the same parent.
        self.language_roots = {}
        for site in Site.objects.select_related("root_page"):
            for home in Page.objects.filter(translation_key=site.root_page.translation_key).select_related("locale"):
                self.language_roots[home.url_path] = home.locale.language_code
        self.language_roots = sorted(self.language_roots.items(), key=lambda root: -len(root[0]))

    def url(self, url_path):
        for root_path, language in self.language_roots:
            if url_path.startswith(root_path):
                return f"{self.origin}/{language}/{url_path[len(root_path) :]}"
        return ""


def selected_pages(keys=None):
    """Live public item versions, all languages; of the ``keys`` (translation keys) when given."""
    pages = MethodBankPage.objects.live().public()
    if keys is not None:
        pages = pages.filter(translation_key__in=keys)
    return pages.order_by("pk")


def _rows(pages):
    """Dicts of the pages' fields, codes and links, read a chunk at a time."""
    fields = (
        "pk",
        "translation_key",
        "locale__language_code",
        "item_type",
        "title",
        "summary",
        "url_path",
        "evaluation",
        "end_year",
        "first_published_at",
        "last_published_at",
        "source_year",
        "edited_at",
        "modelpage__period",
        "goodpracticepage__period",
        "goodpracticepage__project__translation_key",
        "goodpracticepage__model__translation_key",
        "projectpage__acronym",
    )
    chunk = []
    for row in pages.values(*fields).iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield from _with_links(chunk)
            chunk = []
    if chunk:
        yield from _with_links(chunk)


def _with_links(rows):
    ids = [row["pk"] for row in rows]
    codes = {name: {} for name, _related in VOCABULARIES}
    for name, related in VOCABULARIES:
        through = getattr(MethodBankPage, name).through
        for page_id, code in through.objects.filter(methodbankpage_id__in=ids).values_list(
            "methodbankpage_id", f"{related}__code"
        ):
            codes[name].setdefault(page_id, []).append(code)
    projects = {}
    for page_id, key in ModelPage.projects.through.objects.filter(modelpage_id__in=ids).values_list(
        "modelpage_id", "projectpage__translation_key"
    ):
        projects.setdefault(page_id, []).append(str(key))
    for row in rows:
        pk = row["pk"]
        row["codes"] = {name: sorted(set(codes[name].get(pk, []))) for name, _related in VOCABULARIES}
        project = row["goodpracticepage__project__translation_key"]
        row["projects"] = sorted(projects.get(pk, [])) if project is None else [str(project)]
        model = row["goodpracticepage__model__translation_key"]
        row["model"] = str(model) if model else ""
        row["period"] = row["modelpage__period"] or row["goodpracticepage__period"] or ""
        row["id"] = f"{row['translation_key']}:{row['locale__language_code']}"
        yield row


ZERO_KEY = "00000000-0000-0000-0000-000000000000"


@lru_cache
def _item_prefix():
    # Reversed once: reverse() for every item of a 100,000-item export costs more than writing it.
    return reverse("open_data_item", kwargs={"key": ZERO_KEY, "language": "fi"}).removesuffix(f"{ZERO_KEY}/fi.jsonld")


def item_url(origin, translation_key, language):
    """The stable address of one item version's JSON-LD."""
    return f"{origin}{_item_prefix()}{translation_key}/{language}.jsonld"


def csv_lines(pages, origin):
    """The CSV, a line at a time: a header, then one row per item version."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    addresses = PageAddresses(origin)

    def flush():
        line = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return line

    writer.writerow(CSV_COLUMNS)
    yield flush()
    for row in _rows(pages):
        writer.writerow(
            [
                row["id"],
                row["translation_key"],
                row["locale__language_code"],
                row["item_type"],
                row["title"],
                row["summary"],
                addresses.url(row["url_path"]),
                " ".join(row["codes"]["themes"]),
                " ".join(row["codes"]["target_groups"]),
                " ".join(row["codes"]["regions"]),
                " ".join(row["codes"]["keywords"]),
                row["evaluation"],
                row["period"],
                row["end_year"] or "",
                " ".join(row["projects"]),
                row["model"],
                row["first_published_at"].isoformat() if row["first_published_at"] else "",
                row["last_published_at"].isoformat() if row["last_published_at"] else "",
                settings.OPEN_DATA_LICENCE_URL,
            ]
        )
        yield flush()


def theme_names():
    """``{(code, language): name}`` for the schema.org keywords."""
    return {
        (code, language): name
        for code, language, name in Theme.objects.values_list("code", "locale__language_code", "name")
    }


def item_json(row, origin, addresses, names):
    """One item version as schema.org JSON-LD (without @context), as its page embeds it."""
    language = row["locale__language_code"]
    is_project = row["item_type"] == ItemType.PROJECT
    item = {
        "@id": item_url(origin, row["translation_key"], language),
        "@type": "Project" if is_project else "CreativeWork",
        "identifier": row["id"],
        "name": row["title"],
        "description": row["summary"],
        "url": addresses.url(row["url_path"]),
        "inLanguage": language,
        "license": settings.OPEN_DATA_LICENCE_URL,
    }
    if is_project:
        if row["projectpage__acronym"]:
            item["alternateName"] = row["projectpage__acronym"]
        return item
    if row["source_year"]:
        item["datePublished"] = str(row["source_year"])
    elif row["first_published_at"]:
        item["datePublished"] = row["first_published_at"].isoformat()
    if row["edited_at"]:
        item["dateModified"] = row["edited_at"].isoformat()
    themes = [names.get((code, language), code) for code in row["codes"]["themes"]]
    if themes:
        item["keywords"] = themes
    if row["projects"]:
        item["isPartOf"] = [{"@id": item_url(origin, key, language), "@type": "Project"} for key in row["projects"]]
    if row["model"]:
        item["isBasedOn"] = {"@id": item_url(origin, row["model"], language), "@type": "CreativeWork"}
    return item


def jsonld_chunks(pages, origin):
    """The JSON-LD document, a piece at a time: the context and licence, then the items of its @graph."""
    addresses = PageAddresses(origin)
    names = theme_names()
    head = {
        "@context": "https://schema.org",
        "@id": origin + reverse("open_data_dataset", kwargs={"extension": "jsonld"}),
        "@type": "Dataset",
        "name": "Menetelmäpankki",
        "license": settings.OPEN_DATA_LICENCE_URL,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "hasPart": ['
    separator = ""
    for row in _rows(pages):
        yield separator + json.dumps(item_json(row, origin, addresses, names), ensure_ascii=False)
        separator = ",\n"
    yield "]}\n"


def one_item(translation_key, language, origin):
    """The JSON-LD of one item version, or None when it is not public."""
    rows = list(_rows(selected_pages([translation_key]).filter(locale__language_code=language)))
    if not rows:
        return None
    return {"@context": "https://schema.org", **item_json(rows[0], origin, PageAddresses(origin), theme_names())}


CATALOGUE_TITLES = {
    "fi": "Menetelmäpankki: hankkeet, mallit ja hyvät käytännöt",
    "sv": "Metodbanken: projekt, modeller och goda praxis",
    "en": "The method bank: projects, models and good practices",
}


def catalogue(origin):
    """A DCAT-AP catalogue record describing the datasets (JSON-LD)."""
    latest = (
        MethodBankPage.objects.live()
        .public()
        .order_by("-last_published_at")
        .values_list("last_published_at", flat=True)
        .first()
    )
    titles = [{"@language": language, "@value": CATALOGUE_TITLES[language]} for language in LANGUAGES]
    descriptions = []
    for language in LANGUAGES:
        with translation.override(language):
            descriptions.append(
                {
                    "@language": language,
                    "@value": _(
                        "Every public project, model and good practice of the method bank, one record per item and language."
                    ),
                }
            )
    distributions = []
    for extension, (media_type, _filename) in DATASETS.items():
        url = origin + reverse("open_data_dataset", kwargs={"extension": extension})
        distributions.append(
            {
                "@id": url,
                "@type": "dcat:Distribution",
                "dcat:accessURL": {"@id": url},
                "dcat:downloadURL": {"@id": url},
                "dcat:mediaType": media_type.split(";")[0],
                "dct:format": extension.upper().replace("JSONLD", "JSON-LD"),
                "dct:license": {"@id": settings.OPEN_DATA_LICENCE_URL},
            }
        )
    dataset = {
        "@id": origin + reverse("open_data_dataset", kwargs={"extension": "jsonld"}) + "#dataset",
        "@type": "dcat:Dataset",
        "dct:title": titles,
        "dct:description": descriptions,
        "dct:language": [
            {"@id": f"http://publications.europa.eu/resource/authority/language/{code}"}
            for code in ("FIN", "SWE", "ENG")
        ],
        "dct:license": {"@id": settings.OPEN_DATA_LICENCE_URL},
        "dcat:landingPage": {"@id": origin + "/fi/" + "open-data/"},
        "dcat:keyword": ["ESF", "vocational education", "ammatillinen koulutus", "yrkesutbildning"],
        "dcat:distribution": distributions,
    }
    if latest:
        dataset["dct:modified"] = {"@type": "xsd:dateTime", "@value": latest.isoformat()}
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": origin + reverse("open_data_catalogue"),
        "@type": "dcat:Catalog",
        "dct:title": titles,
        "dct:description": descriptions,
        "dct:license": {"@id": settings.OPEN_DATA_LICENCE_URL},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": "Menetelmäpankki"},
        "dcat:dataset": [dataset],
    }


def page_context(request):
    origin = f"{request.scheme}://{request.get_host()}"
    return {
        "licence": licence(),
        "datasets": [
            {"format": "CSV", "url": origin + reverse("open_data_dataset", kwargs={"extension": "csv"})},
            {"format": "JSON-LD", "url": origin + reverse("open_data_dataset", kwargs={"extension": "jsonld"})},
        ],
        "catalogue_url": origin + reverse("open_data_catalogue"),
        "openapi_url": reverse("api_search_openapi"),
        "columns": CSV_COLUMNS,
    }
