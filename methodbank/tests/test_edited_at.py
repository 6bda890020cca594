"""The date a page shows as "Updated" is when a person last published a change, never an import's date."""

import importlib

import pytest
from django.apps import apps
from wagtail.models import Page

from demo.factories import GoodPracticePageFactory, MethodBankIndexPageFactory
from methodbank.importer.page_writer import PageWriter
from methodbank.models import GoodPracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return MethodBankIndexPageFactory(parent=Page.get_first_root_node())


def edited_at(page):
    return GoodPracticePage.objects.get(pk=page.pk).edited_at


def test_an_import_publishing_a_page_is_no_edit_and_a_person_publishing_one_is(index):
    page = GoodPracticePageFactory(parent=index, import_key="practice:example")
    PageWriter()._publish(page, "created")
    assert edited_at(page) is None

    page.summary = "An editor's summary."
    page.save_revision().publish()
    edited = edited_at(page)
    assert edited == GoodPracticePage.objects.get(pk=page.pk).last_published_at

    PageWriter()._publish(GoodPracticePage.objects.get(pk=page.pk), "updated")
    current = GoodPracticePage.objects.get(pk=page.pk)
    assert current.edited_at == edited < current.last_published_at


def test_the_migration_dates_earlier_pages_by_the_last_publication_a_person_made(index):
    written = GoodPracticePageFactory(parent=index)
    written.save_revision().publish()
    imported = GoodPracticePageFactory(parent=index, import_key="practice:imported")
    PageWriter()._publish(imported, "created")
    reviewed = GoodPracticePageFactory(parent=index, import_key="practice:reviewed")
    PageWriter()._publish(reviewed, "created")
    reviewed.save_revision().publish()
    GoodPracticePage.objects.update(edited_at=None)

    importlib.import_module("methodbank.migrations.0011_honest_imports").record_last_edits(apps, None)

    assert edited_at(written) == GoodPracticePage.objects.get(pk=written.pk).last_published_at
    assert edited_at(imported) is None
    assert edited_at(reviewed) is not None
