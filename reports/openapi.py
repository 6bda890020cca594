"""The open data's paths in the portal's OpenAPI document (added through ``search.registry.register_api_paths``)."""

from django.conf import settings

from .open_data import CSV_COLUMNS


def _licence():
    return f"Licence {settings.OPEN_DATA_LICENCE_NAME} ({settings.OPEN_DATA_LICENCE_URL}), also sent as a Link header with rel=license."


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
                        "description": "The CSV file (UTF-8).",
                        "content": {"text/csv": {"schema": {"type": "string"}}},
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
                        "content": {"application/ld+json": {"schema": {"type": "object"}}},
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
                        "content": {"application/ld+json": {"schema": {"type": "object"}}},
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
                        "content": {"application/ld+json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    }
