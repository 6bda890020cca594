"""A hand-written OpenAPI 3.1 description of the search API, served at /api/search/openapi.json."""

from django.conf import settings

from search import registry
from search.service import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, ONLY_LANGUAGE, SORTS, Vocabulary, sorts


def _facet_parameter(name, codes):
    """A facet parameter; its values are the vocabulary's codes, since any other code gets 400."""
    facet = registry.facets[name]
    # An empty value (an HTML form's "any") is no filter.
    if facet.pattern:
        value = {"type": "string", "pattern": f"^({facet.pattern})?$"}
    else:
        value = {"type": "string", "enum": ["", *codes]}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": facet.description
        + " Repeat the parameter to choose several values; they are OR-ed. An empty value is ignored.",
        "schema": {"type": "array", "items": value},
        "style": "form",
        "explode": True,
    }


TERM = {
    "type": "object",
    "properties": {"value": {"type": "string"}, "label": {"type": "string"}},
    "required": ["value", "label"],
}
ITEM = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "type": {"type": "string", "enum": ["project", "model", "practice"]},
        "locale": {"type": "string", "enum": ["fi", "sv", "en"]},
        "summary": {"type": "string"},
        "themes": {"type": "array", "items": {"$ref": "#/components/schemas/Term"}},
        "target_groups": {"type": "array", "items": {"$ref": "#/components/schemas/Term"}},
        "regions": {"type": "array", "items": {"$ref": "#/components/schemas/Term"}},
        "evaluation": {"type": "string", "enum": ["none", "peer", "expert"]},
        "end_year": {"type": ["integer", "null"]},
        "projects": {
            "type": "array",
            "description": "The item's projects, each in the requested language when it has a version in it.",
            "items": {
                "type": "object",
                "properties": {
                    "title": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                    "locale": {"type": "string", "enum": ["fi", "sv", "en"]},
                },
                "required": ["title", "url", "locale"],
            },
        },
        "matched": {
            "type": "array",
            "description": (
                "Why the item matched: the vocabulary terms that the search words name (by a name or word form "
                "in the requested language) and that the item is tagged with. Such terms find items in every "
                "language."
            ),
            "items": {
                "type": "object",
                "properties": {
                    "facet": {"type": "string", "enum": list(registry.vocabularies)},
                    "value": {"type": "string", "description": "The term's code."},
                    "label": {"type": "string", "description": "The term's name in the requested language."},
                },
                "required": ["facet", "value", "label"],
            },
        },
    },
    "required": ["title", "url", "type", "locale", "summary", "themes", "projects", "matched"],
}
FACET_VALUE = {
    "type": "object",
    "properties": {
        "value": {"type": "string", "description": "The code to pass back as a parameter."},
        "label": {"type": "string", "description": "In the requested language."},
        "count": {"type": "integer", "description": "Matches with this value, given the OTHER facets' selections."},
        "selected": {"type": "boolean"},
        "children": {
            "type": "array",
            "description": "Sub-themes of a main theme (theme facet only).",
            "items": {"$ref": "#/components/schemas/FacetValue"},
        },
    },
    "required": ["value", "label", "count", "selected"],
}
RESULTS = {
    "type": "object",
    "properties": {
        "count": {"type": "integer"},
        "page": {"type": "integer"},
        "page_size": {"type": "integer"},
        "num_pages": {"type": "integer"},
        "lang": {"type": "string"},
        "q": {"type": "string"},
        # With the sort an app above search registers (_with_item_data).
        "sort": {"type": "string", "enum": list(SORTS)},
        ONLY_LANGUAGE: {"type": "boolean", "description": "Whether only items in the requested language are listed."},
        "own_language_count": {
            "type": "integer",
            "description": "How many of the results are in the requested language (the count for only_lang=true).",
        },
        "results": {
            "type": "array",
            "description": (
                "Every matching item once: in the requested language when it has a version in it, otherwise in "
                "another (its locale says which). Among equally relevant results, those in the requested "
                "language come first."
            ),
            "items": {"$ref": "#/components/schemas/Item"},
        },
        "facets": {
            "type": "object",
            "properties": {
                facet: {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}
                for facet in registry.facets
            },
        },
        "also_available": {
            "type": "array",
            "description": (
                "With only_lang=true: matching items that have no version in the requested language, a few per "
                "language. Otherwise empty, since the results include them."
            ),
            "items": {
                "type": "object",
                "properties": {
                    "locale": {"type": "string"},
                    "count": {"type": "integer"},
                    "results": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                },
            },
        },
        "promotions": {
            "type": "array",
            "description": "Editor's picks for this query.",
            "items": {
                "type": "object",
                "properties": {
                    "title": {"type": "string"},
                    "url": {"type": "string"},
                    "description": {"type": "string"},
                },
            },
        },
        "notices": {"type": "array", "items": {"type": "string"}},
        "suggestion": {
            "type": ["object", "null"],
            "description": "When nothing matched the query as typed: the corrected query whose results these are.",
            "properties": {"query": {"type": "string"}, "applied": {"type": "boolean"}},
            "required": ["query", "applied"],
        },
    },
    "required": ["count", "page", "results", "facets", "suggestion", ONLY_LANGUAGE, "own_language_count"],
}
ERROR = {
    "type": "object",
    "properties": {
        "error": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Per parameter."},
    },
    "required": ["error", "errors"],
}


def _with_item_data(item, results):
    """The Item and Results schemas with the sorts and the item number that apps above search registered."""
    results = {**results, "properties": {**results["properties"], "sort": {"type": "string", "enum": list(sorts())}}}
    data = registry.item_data
    if data is None:
        return item, results
    item = {
        **item,
        "properties": {**item["properties"], data.name: {"type": "integer", "description": data.description}},
        "required": [*item["required"], data.name],
    }
    return item, results


def _sort_description():
    text = (
        "relevance (the default): more search words in the title first, then results in the "
        "requested language, then the best matches; without search words, results in the "
        "requested language first, then by title. newest, or title."
    )
    data = registry.item_data
    if data is not None:
        text += f" {data.sort}: by {data.name} (see Item), largest first; ties in the default order."
    return text


def openapi_document():
    """The document; the facet parameters list the codes the vocabularies have now."""
    item, results = _with_item_data(ITEM, RESULTS)
    vocabulary = Vocabulary(settings.LANGUAGE_CODE)
    codes = {facet: [code for code, _label in values] for facet, values in vocabulary.values.items()}
    language = {
        "name": "lang",
        "in": "query",
        "description": (
            "The visitor's language: labels are in it, and so is each result that has a version in it (see only_lang)."
        ),
        "schema": {"type": "string", "enum": ["fi", "sv", "en"], "default": "fi"},
    }
    query = {
        "name": "q",
        "in": "query",
        "description": f"Search words (at most {MAX_QUERY_LENGTH} characters). Empty lists everything.",
        "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
    }
    selection = [query, *[_facet_parameter(facet, codes[facet]) for facet in registry.facets]]
    document = {
        "openapi": "3.1.0",
        "info": {
            "title": "Method bank search API",
            "version": "1",
            "description": "Search and filter the method bank's projects, models and good practices.",
        },
        "paths": {
            "/api/search/": {
                "get": {
                    "summary": "Search and filter method bank items, with facet counts",
                    "parameters": [
                        language,
                        *selection,
                        {
                            "name": ONLY_LANGUAGE,
                            "in": "query",
                            "description": (
                                "true: only items that have a version in the requested language. false or empty "
                                "(the default): every item, once, in the requested language where it has a "
                                "version in it, otherwise in another (Finnish first)."
                            ),
                            "schema": {"type": "string", "enum": ["", "true", "false"]},
                        },
                        {
                            "name": "sort",
                            "in": "query",
                            "description": _sort_description(),
                            "schema": {"type": "string", "enum": list(sorts())},
                        },
                        {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
                        {
                            "name": "page_size",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 20},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "A page of results; a page past the last one is empty.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Results"}}},
                        },
                        "400": {
                            "description": "A parameter could not be used: an unknown code, a bad page number.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                        },
                    },
                }
            },
            "/api/search/autocomplete/": {
                "get": {
                    "summary": "Titles and vocabulary terms that start with what was typed (from two characters)",
                    "parameters": [
                        {
                            **language,
                            "description": "Language of the titles and terms; without it, the visitor's language.",
                            "schema": {"type": "string", "enum": ["fi", "sv", "en"]},
                        },
                        {
                            "name": "q",
                            "in": "query",
                            "required": False,
                            "description": (
                                "What was typed. Fewer than two characters (or none) give no suggestions; "
                                f"only the first {MAX_QUERY_LENGTH} characters are used."
                            ),
                            "schema": {"type": "string"},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": (
                                "Up to eight page titles, up to five vocabulary terms that tag at least one public "
                                "page, and a notice when the search engine did not answer."
                            ),
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "suggestions": {
                                                "type": "array",
                                                "items": {
                                                    "type": "object",
                                                    "properties": {
                                                        "title": {"type": "string"},
                                                        "url": {"type": "string", "format": "uri"},
                                                    },
                                                    "required": ["title", "url"],
                                                },
                                            },
                                            "terms": {
                                                "type": "array",
                                                "description": (
                                                    "Vocabulary terms whose name, or one of whose word forms, starts "
                                                    "with the typed words. Searching for a term's name finds the "
                                                    "items tagged with it, in every language."
                                                ),
                                                "items": {
                                                    "type": "object",
                                                    "properties": {
                                                        "name": {
                                                            "type": "string",
                                                            "description": "The term's name in the language.",
                                                        },
                                                        "vocabulary": {
                                                            "type": "string",
                                                            "enum": list(registry.vocabularies),
                                                            "description": (
                                                                "The vocabulary; all but keyword are also filter "
                                                                "parameters of /api/search/."
                                                            ),
                                                        },
                                                        "vocabulary_label": {
                                                            "type": "string",
                                                            "description": "The vocabulary's name in the language.",
                                                        },
                                                        "code": {
                                                            "type": "string",
                                                            "description": "The term's code, the same in every language.",
                                                        },
                                                    },
                                                    "required": ["name", "vocabulary", "vocabulary_label", "code"],
                                                },
                                            },
                                            "notices": {"type": "array", "items": {"type": "string"}},
                                        },
                                        "required": ["suggestions", "terms", "notices"],
                                    }
                                }
                            },
                        },
                        "400": {
                            "description": "Unknown language.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                        },
                    },
                }
            },
        },
        "components": {
            "schemas": {"Term": TERM, "Item": item, "FacetValue": FACET_VALUE, "Results": results, "Error": ERROR}
        },
    }
    # The apps above search add the paths they serve (registry.register_api_paths): search imports none of them.
    for describe in registry.api_paths:
        document["paths"].update(describe(selection))
    return document
