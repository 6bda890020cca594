"""Write docs/api.md from the search API's OpenAPI document, so that the API is described in one place only.

The facet parameters' codes come from the vocabularies in the database, so the
page names what kind of code each takes and leaves the current list to the live
document (/api/search/openapi.json); everything else is rendered as it is.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.openapi import openapi_document

DEFAULT_OUTPUT = Path(settings.BASE_DIR) / "docs" / "api.md"
REGENERATE = ".venv/bin/python manage.py api_docs"


def _cell(text):
    """Text fit for one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _schema_name(ref):
    return ref.rsplit("/", 1)[-1]


def _anchor(name):
    return name.lower()


def _values(values):
    return ", ".join(f"`{value}`" if value != "" else "empty" for value in values)


def describe(schema, *, list_values=True):
    """A short type description: `string`, `array of [Item](#item)`, `string: fi, sv, en`, …"""
    if "$ref" in schema:
        name = _schema_name(schema["$ref"])
        return f"[{name}](#{_anchor(name)})"
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = " or ".join(kind)
    if kind == "array":
        text = f"array of {describe(schema.get('items', {}), list_values=list_values)}"
    elif "enum" in schema and list_values:
        text = f"{kind}: {_values(schema['enum'])}"
    else:
        text = kind
    constraints = []
    if "pattern" in schema:
        constraints.append(f"pattern `{schema['pattern']}`")
    if "minimum" in schema and "maximum" in schema:
        constraints.append(f"{schema['minimum']}–{schema['maximum']}")
    elif "minimum" in schema:
        constraints.append(f"at least {schema['minimum']}")
    elif "maximum" in schema:
        constraints.append(f"at most {schema['maximum']}")
    if "maxLength" in schema:
        constraints.append(f"at most {schema['maxLength']} characters")
    if "default" in schema:
        constraints.append(f"default `{schema['default']}`")
    if "format" in schema:
        constraints.append(schema["format"])
    return f"{text} ({', '.join(constraints)})" if constraints else text


def _parameter_rows(parameters):
    yield "| parameter | type | description |"
    yield "| --- | --- | --- |"
    for parameter in parameters:
        schema = parameter.get("schema", {})
        # Repeatable parameters are the facets, whose codes live in the database.
        repeatable = schema.get("type") == "array"
        kind = describe(schema, list_values=not repeatable)
        if repeatable:
            kind += ", repeatable"
        required = " Required." if parameter.get("required") else ""
        description = parameter.get("description", "") + required
        yield f"| `{parameter['name']}` | {_cell(kind)} | {_cell(description)} |"


def _response_rows(responses):
    yield "| status | body | meaning |"
    yield "| --- | --- | --- |"
    for status, response in responses.items():
        content = response.get("content", {}).get("application/json", {})
        schema = content.get("schema")
        if schema is None:
            body = ""
        elif "$ref" in schema:
            body = describe(schema)
        else:
            body = "object, fields below"
        yield f"| `{status}` | {_cell(body)} | {_cell(response.get('description', ''))} |"


def _field_rows(schema, prefix=""):
    """One row per field, nested objects and arrays of objects flattened as `outer[].inner`."""
    required = set(schema.get("required", ()))
    for name, field in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        mark = "yes" if name in required else ""
        yield f"| `{path}` | {_cell(describe(field))} | {mark} | {_cell(field.get('description', ''))} |"
        inner = field.get("items", field) if field.get("type") == "array" else field
        if "properties" in inner:
            suffix = "[]." if field.get("type") == "array" else "."
            yield from _field_rows(inner, f"{path}{suffix}")


def _fields(schema):
    if "properties" not in schema:
        return [f"{_cell(describe(schema))}."]
    return [
        "| field | type | required | description |",
        "| --- | --- | --- | --- |",
        *_field_rows(schema),
    ]


def render_markdown(document):
    """docs/api.md as text, from the OpenAPI document."""
    info = document["info"]
    lines = [
        f"# {info['title']}",
        "",
        f"<!-- Generated from search/openapi.py by `{REGENERATE}`; edit that file, not this one. -->",
        "",
        f"{info['description']} OpenAPI {document['openapi']}, API version {info['version']}.",
        "",
        "The portal serves the same description as JSON at `/api/search/openapi.json`; there the facet",
        "parameters also list the codes each vocabulary has at the moment.",
    ]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            lines += ["", f"## {method.upper()} {path}", "", f"{operation['summary']}.", ""]
            lines += ["### Parameters", "", *_parameter_rows(operation.get("parameters", ()))]
            lines += ["", "### Responses", "", *_response_rows(operation["responses"])]
            for status, response in operation["responses"].items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if schema is not None and "$ref" not in schema:
                    lines += ["", f"Fields of the `{status}` body:", "", *_fields(schema)]
    lines += ["", "## Schemas"]
    for name, schema in document["components"]["schemas"].items():
        lines += ["", f"### {name}", "", *_fields(schema)]
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Write docs/api.md from the search API's OpenAPI document (search/openapi.py)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="Where to write (docs/api.md).")
        parser.add_argument("--check", action="store_true", help="Write nothing; fail when the file is out of date.")

    def handle(self, *args, output, check, **options):
        text = render_markdown(openapi_document())
        if check:
            if not output.exists() or output.read_text(encoding="utf-8") != text:
                raise CommandError(f"{output} is out of date with search/openapi.py: run {REGENERATE}")
            self.stdout.write(f"{output} is up to date.")
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {output}.")
