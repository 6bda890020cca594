"""docs/api.md is generated from the OpenAPI document (manage.py api_docs) and must not drift from it."""

import pytest
from django.core.management import CommandError, call_command

from search.management.commands.api_docs import DEFAULT_OUTPUT, REGENERATE, render_markdown
from search.openapi import openapi_document

pytestmark = pytest.mark.django_db


def test_docs_api_md_is_up_to_date_with_the_openapi_document():
    committed = DEFAULT_OUTPUT.read_text(encoding="utf-8")
    assert committed == render_markdown(openapi_document()), f"docs/api.md is out of date: run {REGENERATE}"


def test_every_parameter_and_schema_is_documented():
    document = openapi_document()
    text = render_markdown(document)
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert f"## {method.upper()} {path}\n" in text
            for parameter in operation["parameters"]:
                assert f"| `{parameter['name']}` |" in text
    for name, schema in document["components"]["schemas"].items():
        assert f"### {name}\n" in text
        for field in schema["properties"]:
            assert f"| `{field}` |" in text


def test_command_writes_the_file_and_check_fails_on_a_stale_one(tmp_path):
    output = tmp_path / "api.md"
    call_command("api_docs", output=output)
    assert output.read_text(encoding="utf-8") == render_markdown(openapi_document())
    call_command("api_docs", output=output, check=True)

    output.write_text("# An old description\n", encoding="utf-8")
    with pytest.raises(CommandError, match="manage.py api_docs"):
        call_command("api_docs", output=output, check=True)
