"""Pages ask the database a fixed number of questions, however large the method bank grows.

The same bounds hold for a small bank and for one five times larger, on the
pages with the most related items: a template or model change that queries
once per item, per related page or per term fails here. The content comes from
the benchmark's generator (demo/synthetic/generate.py), which writes what editors and
translators would.
"""

import pytest
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from demo.synthetic.generate import grow
from methodbank.models import GoodPracticePage, MethodBankIndexPage, MethodBankPage, ModelPage, ProjectPage
from search.documents import rebuild_all

SMALL, LARGE = 60, 300
# Good practices attached to one model and one project: the large bank's busiest pages list five times more.
RELATED = {SMALL: 3, LARGE: 15}
# Measured with a little room; raise them only for a reason you can name. The detail bound went from
# 50 to 60 when the evaluation section and the structured data joined the detail pages; +1 for the review date,
# +1 for the long-gone links (read once per page), +3 for the adoption section of models and good practices
# (three queries whatever the number of adoptions); then 65 to 62, when the related items' languages came from
# their locales instead of a query for the active locale per list. The listing bound went from 55 to 56 for the
# results' adoption counts (search.registry.register_item_data: one read of the page's search documents).
DETAIL_MAX_QUERIES = 62
LISTING_MAX_QUERIES = 56


@pytest.fixture(scope="module", params=[SMALL, LARGE], ids=["small-bank", "large-bank"])
def bank(request, shared_content, django_db_blocker):
    """The demo grown to ``SMALL`` or ``LARGE`` method bank pages, searchable; rolled back afterwards.

    The tests ask for ``method_bank`` too, so that the shared demo stays open under this savepoint.
    """
    shared_content.use("demo")
    with django_db_blocker.unblock():
        savepoint = transaction.atomic()
        savepoint.__enter__()
        try:
            grow(request.param, seed=7)
            attach_practices(RELATED[request.param])
            rebuild_all()
            yield request.param
        finally:
            transaction.set_rollback(True)
            savepoint.__exit__(None, None, None)


def attach_practices(count):
    """Point ``count`` good practices (in all their languages) at the newest model and project."""
    model = ModelPage.objects.filter(locale__language_code="fi").order_by("-pk").first()
    project = ProjectPage.objects.filter(locale__language_code="fi").order_by("-pk").first()
    keys = (
        GoodPracticePage.objects.filter(locale__language_code="fi")
        .order_by("pk")
        .values_list("translation_key", flat=True)
    )
    GoodPracticePage.objects.filter(translation_key__in=list(keys[:count])).update(model=model, project=project)


def busiest(queryset, related):
    """The Swedish version of the item with the most ``related`` items: the heaviest page of its kind."""
    keys = (
        queryset.filter(locale__language_code="fi")
        .annotate(related_count=Count(related, distinct=True))
        .order_by("-related_count", "pk")
        .values_list("translation_key", "related_count")
    )
    key, count = keys.first()
    page = queryset.filter(translation_key=key, locale__language_code="sv").first()
    return page or queryset.get(translation_key=key, locale__language_code="fi"), count


def test_bank_has_the_size_asked_for(bank, method_bank):
    assert MethodBankPage.objects.count() == bank


@pytest.mark.parametrize(
    ("model", "related"),
    [(ModelPage, "practices"), (ProjectPage, "practices"), (GoodPracticePage, "themes")],
    ids=["model", "project", "good-practice"],
)
def test_detail_page_queries_are_bounded(bank, method_bank, client, django_assert_max_num_queries, model, related):
    page, related_count = busiest(model.objects.live(), related)
    assert related_count >= (RELATED[bank] if related == "practices" else 1)
    with django_assert_max_num_queries(DETAIL_MAX_QUERIES):
        response = client.get(page.url)
    assert response.status_code == 200
    assert page.title in response.content.decode()


def _listing_urls():
    """Listing URLs whose facets and words match at least one generated model, so items are rendered."""
    model = ModelPage.objects.filter(locale__language_code="fi").order_by("-pk").first()
    facets = {
        "theme": model.themes.first().code,
        "target_group": model.target_groups.first().code,
        "region": model.regions.first().code,
    }
    word = model.title.split()[-1]
    with translation.override("fi"):
        search = reverse("search")
    index = MethodBankIndexPage.objects.get(locale__language_code="fi").url
    return {
        "first page": index,
        "a later page": f"{index}?page=2",
        "three facets": f"{index}?{urlencode(facets)}",
        "words and facets": f"{index}?{urlencode({'q': word, **facets})}",
        "site search": f"{search}?{urlencode({'q': word, 'type': 'model'})}",
    }


@pytest.mark.parametrize("listing", ["first page", "a later page", "three facets", "words and facets", "site search"])
def test_listing_queries_are_bounded(bank, method_bank, client, django_assert_max_num_queries, listing):
    url = _listing_urls()[listing]
    with django_assert_max_num_queries(LISTING_MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    # The listing shows items, so the bound covers rendering them.
    assert response.content.decode().count('href="/fi/menetelmapankki/') >= 2
