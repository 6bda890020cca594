"""The Nu Html Checker on every public page type in Finnish, Swedish and English: no errors.

The HTML each page sends is saved as it came from the server, then the checker (scripts/html-checker, which
fetches it and Java the first time) reads every file in one run. A checker that cannot be had fails the test.
"""

import json
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from adoptions.contacts import opt_out_token
from methodbank.models import MethodBankIndexPage, ProjectPage

from .test_accessibility import LANGUAGES, in_language, page_types

CHECKER = Path(__file__).resolve().parents[2] / "scripts" / "html-checker"
# Failures to read a file are errors too.
ERRORS = {"error", "non-document-error"}


def more_page_types(language):
    """Pages the accessibility test does not visit: a second page of results, nothing found, a translation request,
    the question of the contacts' opt-out page."""
    with translation.override(language):
        return {
            "method bank, page 2 with filters": in_language(MethodBankIndexPage, language)
            + "?type=model&type=practice&page_size=2&page=2",
            "search without results": f"{reverse('search')}?q=zxqvwy",
            "translation request": reverse(
                "translation_requests:request",
                args=[ProjectPage.objects.get(slug="stora-komet", locale__language_code="sv").pk],
            ),
            "adoption e-mails opt-out": reverse("adoptions:opt_out", args=[opt_out_token("contact@example.fi")]),
        }


def save_page(page, path, directory, name, status):
    response = page.goto(path)
    assert response.status == status, f"{name}: {path} answered {response.status}"
    (directory / f"{name}.html").write_text(response.text(), encoding="utf-8")


def save_sign_up_with_errors(page, path, directory, name):
    page.goto(path)
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.locator("form.form button[type=submit]").click()
    (directory / f"{name}.html").write_text(answer.value.text(), encoding="utf-8")


def check(files):
    """The checker's messages on ``files``: its JSON report, or the test fails with why it did not run."""
    run = subprocess.run([CHECKER, "check", *map(str, files)], capture_output=True, text=True, check=False)  # noqa: S603 - our script
    assert run.returncode == 0, f"the Nu Html Checker did not run (exit {run.returncode}):\n{run.stderr}"
    return json.loads(run.stdout)["messages"]


def describe(message):
    where = Path(message.get("url", "")).name
    return f"{where}:{message.get('lastLine', '?')}: {message['message']}\n    {message.get('extract', '').strip()}"


def test_every_public_page_type_has_valid_html(page, portal, tmp_path):
    for language in LANGUAGES:
        for kind, path in {**page_types(language), **more_page_types(language)}.items():
            name = f"{language}-{kind.replace(' ', '-').replace(',', '')}"
            if kind == "sign-up with errors":
                save_sign_up_with_errors(page, path, tmp_path, name)
            else:
                save_page(page, path, tmp_path, name, 404 if kind == "page not found" else 200)
    files = sorted(tmp_path.glob("*.html"))
    assert len(files) == 3 * 14
    errors = [message for message in check(files) if message["type"] in ERRORS]
    if errors:
        pytest.fail(f"{len(errors)} errors from the Nu Html Checker:\n" + "\n".join(map(describe, errors)))


def test_the_checker_finds_what_it_should(tmp_path):
    """A page with known faults is reported, so a clean result above means something."""
    faulty = tmp_path / "faulty.html"
    faulty.write_text(
        '<!DOCTYPE html><html lang="fi"><head><title>Virheitä</title></head><body>'
        '<form action=""></form><time datetime="2024-01-01T10:00:00.123456+00:00">1.1.2024</time></body></html>',
        encoding="utf-8",
    )
    errors = [message["message"] for message in check([faulty]) if message["type"] in ERRORS]
    assert len(errors) == 2, errors
    assert "“action”" in errors[0]
    assert "“datetime”" in errors[1]
