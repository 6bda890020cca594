"""wagtail-localize's machine translation, turned on by the environment alone and never called for real here.

The settings are built from environment variables (checked without a network); the editor then offers the
service to translators, and what it sends is caught before it leaves the process.
"""

import json
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
import yaml
from django.core.exceptions import ImproperlyConfigured
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from portal.settings.base import machine_translator

ROOT = Path(__file__).resolve().parents[2]
DEEPL = "wagtail_localize.machine_translators.deepl.DeepLTranslator"
LIBRETRANSLATE = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"
SWITCHES = ("MACHINE_TRANSLATION", "DEEPL_API_KEY", "DEEPL_FORMALITY", "LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        # A key alone sends nothing anywhere: the service is named on purpose.
        ({"DEEPL_API_KEY": "0a1b2c:fx"}, None),
        ({"MACHINE_TRANSLATION": " "}, None),
        (
            {"MACHINE_TRANSLATION": "deepl", "DEEPL_API_KEY": "0a1b2c:fx"},
            {"CLASS": DEEPL, "OPTIONS": {"AUTH_KEY": "0a1b2c:fx"}},
        ),
        (
            {"MACHINE_TRANSLATION": "DeepL", "DEEPL_API_KEY": "0a1b2c", "DEEPL_FORMALITY": "prefer_more"},
            {"CLASS": DEEPL, "OPTIONS": {"AUTH_KEY": "0a1b2c", "FORMALITY": "prefer_more"}},
        ),
        (
            {"MACHINE_TRANSLATION": "libretranslate", "LIBRETRANSLATE_URL": "http://translate.internal:5000/"},
            {
                "CLASS": LIBRETRANSLATE,
                "OPTIONS": {"LIBRETRANSLATE_URL": "http://translate.internal:5000", "API_KEY": ""},
            },
        ),
    ],
    ids=["nothing", "key-alone", "blank", "deepl-free", "deepl-formal", "libretranslate"],
)
def test_the_environment_builds_the_translator_setting(environ, expected):
    assert machine_translator(environ) == expected


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"MACHINE_TRANSLATION": "deepl"}, "MACHINE_TRANSLATION=deepl needs DEEPL_API_KEY"),
        (
            {"MACHINE_TRANSLATION": "deepl", "DEEPL_API_KEY": "k", "DEEPL_FORMALITY": "polite"},
            "DEEPL_FORMALITY must be one of default, prefer_less, prefer_more",
        ),
        ({"MACHINE_TRANSLATION": "libretranslate"}, "MACHINE_TRANSLATION=libretranslate needs LIBRETRANSLATE_URL"),
        ({"MACHINE_TRANSLATION": "google"}, "MACHINE_TRANSLATION must be deepl, libretranslate or empty, got 'google'"),
    ],
    ids=["deepl-without-key", "bad-formality", "libretranslate-without-url", "unknown-service"],
)
def test_an_incomplete_setting_stops_the_start_with_its_reason(environ, message):
    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        machine_translator(environ)


def setting_in(settings_module, **environ):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR as a fresh process with ``environ`` reads it."""
    clean = {key: value for key, value in os.environ.items() if key not in SWITCHES}
    script = (
        "from django.conf import settings; import json; print(json.dumps(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": settings_module,
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "menetelmapankki.example.fi",
            **environ,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_takes_the_service_from_the_environment_and_is_off_without_it():
    assert setting_in("portal.settings.production") is None
    assert setting_in("portal.settings.production", MACHINE_TRANSLATION="deepl", DEEPL_API_KEY="0a1b2c:fx") == {
        "CLASS": DEEPL,
        "OPTIONS": {"AUTH_KEY": "0a1b2c:fx"},
    }


def test_the_test_settings_never_turn_it_on():
    assert setting_in("portal.settings.test", MACHINE_TRANSLATION="deepl", DEEPL_API_KEY="0a1b2c:fx") is None


def test_env_example_documents_the_switches_and_the_compose_stack_passes_them_on():
    example = (ROOT / ".env.example").read_text()
    web = yaml.safe_load((ROOT / "docker" / "compose.yml").read_text())["services"]["web"]["environment"]
    for name in SWITCHES:
        assert f"{name}=" in example
        assert web[name] == f"${{{name}:-}}"
    assert "MACHINE_TRANSLATION=\n" in example, "off by default"


class FakeDeepL:
    """Stands in for requests.post in wagtail-localize's DeepL translator: records the call, answers in kind."""

    def __init__(self):
        self.calls = []

    def __call__(self, url, data, timeout, headers):
        self.calls.append({"url": url, "data": data, "headers": headers})
        texts = data["text"]
        return type("Response", (), {"json": lambda _self: {"translations": [{"text": f"[sv] {t}"} for t in texts]}})()


def editor_props(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    props = re.search(r'data-props="([^"]+)"', html).group(1)
    return json.loads(unescape(props))


@pytest.mark.django_db
def test_translators_get_deepl_in_the_editor_when_it_is_configured(client, users, finnish_only, settings, monkeypatch):
    fake = FakeDeepL()
    monkeypatch.setattr("wagtail_localize.machine_translators.deepl.requests.post", fake)
    swedish = Locale.objects.get(language_code="sv")
    client.force_login(users["translator"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[finnish_only.pk]), {"locales": [swedish.pk]}
        )
    translated = finnish_only.get_translation(swedish)

    # Off: the editor offers no machine translation.
    assert editor_props(client, translated)["machineTranslator"] is None

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
        {"MACHINE_TRANSLATION": "deepl", "DEEPL_API_KEY": "0a1b2c:fx"}
    )
    offered = editor_props(client, translated)["machineTranslator"]
    assert offered["name"] == "DeepL"
    assert fake.calls == []  # opening the editor sends nothing

    edit_url = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    response = client.post(offered["url"], {"next": edit_url})

    assert response.status_code == 302
    (call,) = fake.calls
    assert call["url"] == "https://api-free.deepl.com/v2/translate"
    assert call["headers"] == {"Authorization": "DeepL-Auth-Key 0a1b2c:fx"}
    assert (call["data"]["source_lang"], call["data"]["target_lang"]) == ("FI", "SV")
    assert finnish_only.title in call["data"]["text"]
    saved = StringTranslation.objects.get(locale=swedish, translation_of__data=finnish_only.title)
    assert saved.data == f"[sv] {finnish_only.title}"
    assert saved.tool_name == "DeepL"
