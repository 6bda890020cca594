"""Migrations run on historical models only, and the data they create is what the apps expect.

A migration that imported the apps' own modules would run today's code against the tables of its own
time, and would change what it does whenever that code changes; so the migrations keep frozen copies of
their data. The second half checks, on pytest-django's migrated test database, that those copies give
what the live code relies on: the role groups and their permissions, the moderation workflow and the
seeded vocabularies.
"""

import ast
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission, Workflow

from accounts.roles import COLLECTION_PERMISSIONS, MODEL_PERMISSIONS, MODERATORS, ROLE_GROUPS, TRANSLATORS
from methodbank.models import FundingSource, Keyword, Region, TargetGroup, Theme

# Libraries whose migration helpers (fields, operations) migrations may use; everything else must be stdlib.
ALLOWED_LIBRARIES = {"django", "wagtail", "wagtail_localize", "modelcluster", "taggit", "modelsearch"}
PROJECT_ROOT = Path(settings.BASE_DIR)
LANGUAGES = {"fi", "sv", "en"}


def project_migrations():
    for app_config in apps.get_app_configs():
        path = Path(app_config.path)
        if PROJECT_ROOT in path.parents and ".venv" not in path.parts:
            yield from sorted((path / "migrations").glob("0*.py"))


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield "." * node.level + (node.module or "")


def test_the_scan_finds_every_apps_migrations():
    apps_with_migrations = {path.parent.parent.name for path in project_migrations()}
    assert apps_with_migrations >= {"home", "methodbank", "search", "accounts", "translation_requests", "adoptions"}


@pytest.mark.parametrize("path", list(project_migrations()), ids=lambda path: f"{path.parent.parent.name}/{path.stem}")
def test_migrations_import_only_django_libraries_and_the_standard_library(path):
    allowed = ALLOWED_LIBRARIES | sys.stdlib_module_names
    offenders = [module for module in imported_modules(path) if module.split(".")[0] not in allowed]
    assert offenders == [], f"{path.relative_to(PROJECT_ROOT)} imports {offenders}: freeze what it needs in it"


def permission_names(permissions):
    return {f"{permission.content_type.app_label}.{permission.codename}" for permission in permissions}


@pytest.mark.django_db
def test_the_migrated_roles_have_the_permissions_accounts_roles_gives_them():
    report = "translation_requests.view_translationrequest"
    adoptions = {"adoptions.view_adoption", "adoptions.change_adoption"}
    for name in ROLE_GROUPS:
        granted = permission_names(Group.objects.get(name=name).permissions.select_related("content_type"))
        expected = set(MODEL_PERMISSIONS[name]) | ({report} if name in (MODERATORS, TRANSLATORS) else set())
        expected |= adoptions if name == MODERATORS else set()
        if name == MODERATORS:
            # Wagtail's own Moderators group, reused: it keeps Wagtail's model permissions on images and documents.
            granted = {grant for grant in granted if not grant.startswith(("wagtailimages.", "wagtaildocs."))}
        assert granted == expected, name
    root = Collection.get_first_root_node()
    for name, expected in COLLECTION_PERMISSIONS.items():
        granted = GroupCollectionPermission.objects.filter(group__name=name, collection=root)
        assert permission_names(grant.permission for grant in granted) == set(expected), name
    # Wagtail's own editors' group would reach the whole page tree.
    assert not Group.objects.filter(name="Editors").exists()


@pytest.mark.django_db
def test_the_moderation_workflow_is_approved_by_moderators():
    workflow = Workflow.objects.get(name="Moderation", active=True)
    [task] = [task.specific for task in workflow.tasks]
    assert [group.name for group in task.groups.all()] == [MODERATORS]


def vocabulary(model):
    """``{code: {language: term}}`` of one vocabulary, checking that each code is one translated term."""
    terms = {}
    for term in model.objects.select_related("locale"):
        terms.setdefault(term.code, {})[term.locale.language_code] = term
    for code, by_language in terms.items():
        assert set(by_language) == LANGUAGES, f"{model.__name__} {code} lacks a language"
        assert len({term.translation_key for term in by_language.values()}) == 1, f"{model.__name__} {code}"
    return terms


@pytest.mark.django_db
def test_the_migrated_vocabularies_come_in_every_language_with_their_word_forms():
    themes = vocabulary(Theme)
    assert len(themes) == 28
    main = {code for code, by_language in themes.items() if by_language["fi"].parent_id is None}
    assert main == {"A", "B", "C", "D"}
    assert all(by_language["fi"].parent.code == code[0] for code, by_language in themes.items() if code not in main)

    regions = vocabulary(Region)
    assert set(regions) == {f"fi-{number:02}" for number in range(1, 20)} | {"national"}
    assert [code for code, by_language in regions.items() if by_language["fi"].is_national] == ["national"]

    assert len(vocabulary(TargetGroup)) == 11
    assert set(vocabulary(FundingSource)) == {"esf", "oph", "okm", "ely", "other"}
    assert len(vocabulary(Keyword)) == 15
    # The import classifies text by these words: every term it can suggest has some in every language.
    for model in (TargetGroup, Region, Keyword):
        assert not model.objects.filter(word_forms="").exists(), model.__name__
    assert set(FundingSource.objects.filter(word_forms="").values_list("code", flat=True)) == {"other"}
