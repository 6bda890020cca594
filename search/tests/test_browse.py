"""Browsing without search words on the database backends: the sorted index and stored counts stay true."""

import io

from django.core.management import call_command
from wagtail.models import Locale, PageViewRestriction

from demo.factories import GoodPracticePageFactory
from methodbank.models import GoodPracticePage, MethodBankIndexPage, ModelPage, Theme
from search import browse
from search.models import BrowseEntry
from search.tests.helpers import run

BROWSES = [
    ("", "fi", True),
    ("sort=newest", "sv", True),
    ("sort=title&page=2&page_size=3", "en", True),
    ("only_lang=true", "sv", True),
    ("theme=D4&type=practice", "fi", True),
    ("type=page&type=model", "en", False),
    ("", "fi", False),
]


def snapshot():
    """What a visitor sees on each browse of BROWSES: the results in order, the totals and every count."""
    seen = []
    for params, language, items_only in BROWSES:
        result = run(params, language=language, items_only=items_only)
        counts = {
            facet: [(entry["value"], entry["count"]) for entry in entries] for facet, entries in result.facets.items()
        }
        seen.append(([item["page"].pk for item in result.results], result.count, result.own_language_count, counts))
    return seen


def test_browsing_after_publishing_moving_and_deleting_equals_a_full_rebuild(demo):
    finnish = Locale.objects.get(language_code="fi")
    parent = MethodBankIndexPage.objects.get(locale=finnish)
    new = GoodPracticePageFactory(
        parent=parent, title="Aamiaiskerho", themes=list(Theme.objects.filter(code="D4", locale=finnish))
    )
    new.save_revision().publish()
    GoodPracticePage.objects.live().exclude(pk=new.pk).first().unpublish()
    ModelPage.objects.live().first().delete()
    before = snapshot()
    assert any(item["title"] == "Aamiaiskerho" for item in run("sort=title&page_size=100").results)

    browse.rebuild()

    assert snapshot() == before


def test_a_private_section_leaves_browsing_and_its_counts(demo):
    everything = run()
    model = ModelPage.objects.live().filter(locale__language_code="fi").first()
    PageViewRestriction.objects.create(page=model, restriction_type=PageViewRestriction.LOGIN)
    private = run()
    assert model.pk not in [item["page"].pk for item in run("page_size=100").results]
    # Its other languages' versions are listed instead, when it has any.
    listed_elsewhere = model.get_translations().live().exists()
    assert private.count == everything.count - (0 if listed_elsewhere else 1)
    assert private.own_language_count == everything.own_language_count - 1
    assert sum(entry["count"] for entry in private.facets["type"]) == private.count
    PageViewRestriction.objects.filter(page=model).delete()
    assert run().count == everything.count


def test_rebuild_search_documents_rebuilds_the_browsing_index(demo):
    before = snapshot()
    BrowseEntry.objects.all().delete()
    assert run().count == 0
    call_command("rebuild_search_documents", stdout=io.StringIO())
    assert snapshot() == before
