"""Production settings take everything from the environment and pass Django's deploy checks."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x" * 60 + "production-test-key-with-enough-entropy-0123456789",
    "ALLOWED_HOSTS": "menetelmapankki.example.fi",
    "CSRF_TRUSTED_ORIGINS": "https://menetelmapankki.example.fi",
    "DATABASE_URL": "postgres://portal:secret@db:5432/portal",
    "SEARCH_URL": "http://search:9200",
}


def run_manage(*args, env):
    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_variables():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_env_example_names_every_production_variable():
    example = (ROOT / ".env.example").read_text()
    for name in PRODUCTION_ENV:
        assert f"{name}=" in example


def test_compose_file_defines_the_production_stack():
    compose = yaml.safe_load((ROOT / "docker" / "compose.yml").read_text())
    services = compose["services"]
    assert set(services) >= {"web", "db", "search"}
    for name in ("web", "db", "search"):
        assert "healthcheck" in services[name], f"{name} has no health check"
    web_env = services["web"]["environment"]
    assert web_env["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SEARCH_URL"):
        assert name in web_env
    assert set(compose["volumes"]) >= {"db-data", "search-data", "media"}
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text()
    assert dockerfile.count("FROM ") >= 2, "the Dockerfile should be multi-stage"
    assert "gunicorn" in dockerfile


# Modules that only the demo, the test suite and the benchmark may import: production lacks the libraries.
DEVELOPMENT_ONLY = {"demo", "factory", "wagtail_factories"}
PRODUCTION_APPS = ("portal", "home", "methodbank", "search", "accounts", "translation_requests")


def production_modules():
    """Every module of the production apps but their tests, which run only where the demo is installed."""
    for app in PRODUCTION_APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "tests" not in relative.parts and not relative.name.startswith(("test_", "conftest")):
                yield relative


def imported_top_levels(path):
    for node in ast.walk(ast.parse((ROOT / path).read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module.split(".")[0]


def test_production_does_not_install_the_demo():
    script = (
        "import json; from django.apps import apps; print(json.dumps([app.name for app in apps.get_app_configs()]))"
    )
    result = run_manage("shell", "--no-imports", "-c", script, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    installed = json.loads(result.stdout)
    assert "methodbank" in installed
    assert "demo" not in installed


def test_production_apps_import_nothing_from_the_demo_or_the_factory_libraries():
    modules = list(production_modules())
    assert Path("methodbank/models/project_page.py") in modules
    imports = {module: DEVELOPMENT_ONLY & set(imported_top_levels(module)) for module in modules}
    assert {str(module): sorted(names) for module, names in imports.items() if names} == {}
