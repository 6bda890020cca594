"""The open data's paths in the portal's OpenAPI document (added through ``search.registry.register_api_paths``)."""

from django.conf import settings

from methodbank.models import CoordinationPeriod, Evaluation, ItemType
from search.analysis import LANGUAGES

from .open_data import CSV_COLUMNS

KEY = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# OpenAPI gives no schema language for CSV: the schema describes the rows as objects keyed by the header line,
# which is how csv.DictReader (and the contract test, search/tests/test_api_contract.py) reads the file.
CSV_ROW = {
    "type": "object",
    "properties": {
        **{column: {"type": "string"} for column in CSV_COLUMNS},
        "id": {"type": "string", "pattern": f"^{KEY}:({'|'.join(LANGUAGES)})$"},
        "translation_key": {"type": "string", "pattern": f"^{KEY}$"},
        "language": {"type": "string", "enum": list(LANGUAGES)},
        "type": {"type": "string", "enum": list(ItemType.values)},
        "evaluation": {"type": "string", "enum": list(Evaluation.values)},
        "period": {"type": "string", "enum": ["", *CoordinationPeriod.values]},
        "end_year": {"type": "string", "pattern": "^([0-9]{4})?$"},
        "projects": {"type": "string", "pattern": f"^({KEY}( {KEY})*)?$"},
        "model": {"type": "string", "pattern": f"^({KEY})?$"},
    },
    "required": list(CSV_COLUMNS),
    "additionalProperties": False,
}
REFERENCE = {"type": "object", "properties": {"@id": {"type": "string", "format": "uri"}}, "required": ["@id"]}
ITEM_LD = {
    "type": "object",
    "properties": {
        "@id": {"type": "string", "format": "uri"},
        "@type": {"type": "string", "enum": ["CreativeWork", "Project"]},
        "identifier": {"type": "string", "pattern": f"^{KEY}:({'|'.join(LANGUAGES)})$"},
        "name": {"type": "string"},
        "description": {"type": "string"},
        "url": {"type": "string"},
        "inLanguage": {"type": "string", "enum": list(LANGUAGES)},
        "license": {"type": "string", "format": "uri"},
        "keywords": {"type": "array", "items": {"type": "string"}},
        "isPartOf": {"type": "array", "items": REFERENCE},
        "isBasedOn": REFERENCE,
    },
    "required": ["@id", "@type", "identifier", "name", "inLanguage", "license"],
}


def _licence():
    return f"Licence {settings.OPEN_DATA_LICENCE_NAME} ({settings.OPEN_DATA_LICENCE_URL}), also sent as a Link header with rel=license."


def _file_headers(attachment=True):
    headers = {
        "Link": {
            "description": "The licence, as a link with rel=license.",
            "required": True,
            "schema": {"type": "string", "pattern": 'rel="license"'},
        }
    }
    if attachment:
        headers["Content-Disposition"] = {
            "description": "The file's name.",
            "required": True,
            "schema": {"type": "string", "pattern": '^attachment; filename="methodbank\\.(csv|jsonld)"$'},
        }
    return headers


def openapi_paths(selection_parameters):
    language = {
        "name": "lang",
        "in": "query",
        "description": "The language the search words are read in (fi by default). Every language version is exported.",
        "schema": {"type": "string", "enum": ["fi", "sv", "en"]},
    }
    refused = {
        "description": "A parameter could not be used (an unknown code or language), or nothing matches the selection.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    return {
        "/api/open-data/methodbank.csv": {
            "get": {
                "summary": "The bank, or a selection of it, as CSV: one row per item and language, streamed",
                "description": (
                    "Without parameters the whole bank; with the search's parameters, the items they select, in every "
                    f"language they have. Columns: {', '.join(CSV_COLUMNS)}. id is translation_key:language, "
                    f"stable across exports; vocabulary terms are codes separated by spaces. {_licence()}"
                ),
                "parameters": [language, *selection_parameters],
                "responses": {
                    "200": {
                        "description": "The CSV file (UTF-8): a header line, then one row per item version.",
                        "headers": _file_headers(),
                        "content": {"text/csv": {"schema": {"type": "array", "items": CSV_ROW}}},
                    },
                    "400": refused,
                },
            }
        },
        "/api/open-data/methodbank.jsonld": {
            "get": {
                "summary": "The bank, or a selection of it, as schema.org JSON-LD, streamed",
                "description": (
                    "A schema.org Dataset whose hasPart lists each item version as a CreativeWork (models and good "
                    "practices) or Project, with the properties the item pages embed; @id is the item version's "
                    f"stable address. {_licence()}"
                ),
                "parameters": [language, *selection_parameters],
                "responses": {
                    "200": {
                        "description": "The JSON-LD document.",
                        "headers": _file_headers(),
                        "content": {
                            "application/ld+json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "@context": {"const": "https://schema.org"},
                                        "@id": {"type": "string", "format": "uri"},
                                        "@type": {"const": "Dataset"},
                                        "license": {"type": "string", "format": "uri"},
                                        "hasPart": {"type": "array", "items": ITEM_LD},
                                    },
                                    "required": ["@context", "@id", "@type", "license", "hasPart"],
                                }
                            }
                        },
                    },
                    "400": refused,
                },
            }
        },
        "/api/open-data/items/{key}/{language}.jsonld": {
            "get": {
                "summary": "One item version as schema.org JSON-LD, at its stable address",
                "parameters": [
                    {
                        "name": "key",
                        "in": "path",
                        "required": True,
                        "description": "The item's translation key (the same in every language).",
                        "schema": {"type": "string", "format": "uuid"},
                    },
                    {
                        "name": "language",
                        "in": "path",
                        "required": True,
                        "description": "The language version.",
                        "schema": {"type": "string", "enum": ["fi", "sv", "en"]},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "The item.",
                        "headers": _file_headers(attachment=False),
                        "content": {
                            "application/ld+json": {
                                "schema": {
                                    **ITEM_LD,
                                    "properties": {
                                        **ITEM_LD["properties"],
                                        "@context": {"const": "https://schema.org"},
                                    },
                                    "required": ["@context", *ITEM_LD["required"]],
                                }
                            }
                        },
                    },
                    "404": {"description": "No public version of the item in that language."},
                },
            }
        },
        "/api/open-data/catalog.jsonld": {
            "get": {
                "summary": "The DCAT-AP catalogue record describing the datasets",
                "parameters": [],
                "responses": {
                    "200": {
                        "description": f"A dcat:Catalog with one dcat:Dataset and its CSV and JSON-LD distributions. {_licence()}",
                        "headers": _file_headers(attachment=False),
                        "content": {
                            "application/ld+json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "@context": {"type": "object"},
                                        "@type": {"const": "dcat:Catalog"},
                                        "dct:license": REFERENCE,
                                        "dcat:dataset": {"type": "array", "minItems": 1},
                                    },
                                    "required": ["@context", "@id", "@type", "dct:license", "dcat:dataset"],
                                }
                            }
                        },
                    }
                },
            }
        },
    }
