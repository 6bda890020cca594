"""The search API and the open data keep the contract their OpenAPI document states, checked with schemathesis.

schemathesis reads /api/search/openapi.json from the portal itself and sends
generated requests, valid and invalid ones, to each operation in-process (WSGI):
no answer may be a server error, every status code, content type and declared
header must be as documented, every body must match its schema (a CSV file's
rows too), and requests the schema rules out must be refused. Examples are
derandomised and bounded, so the run is the same each time and short.
"""

import csv
import io

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.openapi.checks import JsonSchemaError, MissingHeaders, UndefinedContentType
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from methodbank.models import Region, Theme
from reports import open_data

API_PATHS = ["/api/search/", "/api/search/autocomplete/", "/api/search/openapi.json"]


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
]
EXAMPLES = 50
OPEN_DATA_PATHS = {
    "/api/open-data/methodbank.csv",
    "/api/open-data/methodbank.jsonld",
    "/api/open-data/items/{key}/{language}.jsonld",
    "/api/open-data/catalog.jsonld",
}


@schemathesis.deserializer("text/csv")
def csv_rows(_context, response):
    """The rows as objects keyed by the header line: what the document's CSV schema describes (reports/openapi.py)."""
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"), newline="")))


def check_operation(operation, mode):
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(checks=CHECKS)

    check()


@pytest.fixture
def keep_the_test_connection():
    """Requests sent straight to the WSGI application start and end by closing the database connection,
    which on PostgreSQL is the test's own, open transaction; Django's test client disconnects the same
    receivers."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def operations():
    schema = schemathesis.openapi.from_wsgi("/api/search/openapi.json", get_wsgi_application())
    return {result.ok().path: result.ok() for result in schema.get_all_operations()}


# schemathesis's own pytest loaders cannot wait for the database (the document lists the vocabularies'
# codes) under pytest 9 (`from_fixture` reads a removed `_nodeid`), so the test walks the operations itself.
@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda mode: mode.value)
def test_the_api_keeps_its_openapi_contract(method_bank, keep_the_test_connection, mode):
    checked = operations()
    assert set(checked) == {"/api/search/", "/api/search/autocomplete/", *OPEN_DATA_PATHS}
    for operation in checked.values():
        # The catalogue takes no parameters: there is no request to make invalid.
        if mode == GenerationMode.NEGATIVE and not operation.query and not operation.path_parameters:
            assert operation.path == "/api/open-data/catalog.jsonld"
            continue
        check_operation(operation, mode)


CSV_LINES = open_data.csv_lines


def drop_the_licence_column(pages, origin):
    return (line.rsplit(",", 1)[0] + "\r\n" for line in CSV_LINES(pages, origin))


@pytest.mark.parametrize(
    ("break_the_file", "failure"),
    [
        pytest.param(
            lambda monkeypatch: monkeypatch.setattr(open_data, "csv_lines", drop_the_licence_column),
            JsonSchemaError,
            id="row",
        ),
        pytest.param(
            lambda monkeypatch: monkeypatch.setitem(open_data.DATASETS, "csv", ("text/plain", "methodbank.csv")),
            UndefinedContentType,
            id="content-type",
        ),
        pytest.param(
            lambda monkeypatch: monkeypatch.setattr("reports.views._licence_link", lambda response: response),
            MissingHeaders,
            id="licence-header",
        ),
    ],
)
def test_the_contract_check_fails_when_the_csv_breaks_it(
    method_bank, keep_the_test_connection, monkeypatch, break_the_file, failure
):
    break_the_file(monkeypatch)
    with pytest.raises(FailureGroup) as found:
        check_operation(operations()["/api/open-data/methodbank.csv"], GenerationMode.POSITIVE)
    assert [type(exception) for exception in found.value.exceptions] == [failure]


def parameters(client, path):
    operation = client.get("/api/search/openapi.json").json()["paths"][path]["get"]
    return {parameter["name"]: parameter for parameter in operation["parameters"]}


def test_facet_parameters_list_the_vocabularies_codes(client, method_bank):
    declared = parameters(client, "/api/search/")
    # An empty value (an HTML form's "any") is no filter.
    assert declared["type"]["schema"]["items"]["enum"] == ["", "project", "model", "practice"]
    assert declared["evaluation"]["schema"]["items"]["enum"] == ["", "none", "peer", "expert"]
    themes = {"", *Theme.objects.values_list("code", flat=True)}
    assert set(declared["theme"]["schema"]["items"]["enum"]) == themes
    assert {"fi-10", "fi-18"} <= set(declared["region"]["schema"]["items"]["enum"])
    regions = {"", *Region.objects.values_list("code", flat=True)}
    assert set(declared["region"]["schema"]["items"]["enum"]) == regions
    assert declared["year"]["schema"]["items"] == {"type": "string", "pattern": "^([0-9]{4})?$"}
    # What the enum leaves out is refused.
    assert client.get("/api/search/", {"theme": "Z9"}).status_code == 400


def test_autocomplete_declares_q_as_it_behaves(client, method_bank):
    q = parameters(client, "/api/search/autocomplete/")["q"]
    assert q["required"] is False
    assert "minLength" not in q["schema"] and "maxLength" not in q["schema"]
    assert client.get("/api/search/autocomplete/").json() == {"suggestions": [], "terms": [], "notices": []}
    long = client.get("/api/search/autocomplete/", {"q": "sopu " + "x" * 500}).status_code
    assert long == 200


def test_search_refuses_q_over_its_declared_length_even_when_much_of_it_is_unprintable(client, method_bank):
    q = parameters(client, "/api/search/")["q"]
    assert q["schema"]["maxLength"] == 200
    too_long = client.get("/api/search/", {"lang": "en", "q": "guidance" + "\x0c" * 200})
    assert too_long.status_code == 400
    assert "200" in too_long.json()["errors"]["q"]
    assert client.get("/api/search/", {"lang": "en", "q": "guidance" + "\x0c" * 100}).status_code == 200


@pytest.mark.parametrize("path", API_PATHS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_other_methods_get_405_with_allow(client, db, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.parametrize("path", API_PATHS)
def test_head_answers_like_get(client, db, path):
    assert client.head(path).status_code == 200
