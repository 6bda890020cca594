"""Search results keep the search backend's relevance order, also where SQLite's ranking is done in one query."""

import pytest
from wagtail.search.backends import get_search_backend

from search import service
from search.analysis import query_terms
from search.models import SearchDocument


@pytest.mark.parametrize(
    ("text", "language", "operator"),
    [
        ("opiskelija", "fi", "and"),
        ("ohjaus opiskelija", "fi", "or"),
        ("studerande utbildning", "sv", "or"),
        ("students", "en", "and"),
    ],
)
def test_matches_come_in_the_backends_relevance_order(demo, text, language, operator):
    groups = query_terms(text, language, service.MAX_QUERY_WORDS)
    documents = SearchDocument.objects.filter(language=language).only("pk")
    backend = get_search_backend("default")
    expected = [
        document.pk
        for document in backend.search(
            service.backend_query(backend, groups, language, operator), documents, order_by_relevance=True
        )
    ]

    ids, _notice = service.match_ids(groups, language, operator)

    assert len(expected) >= 2
    assert ids == expected


def test_autocomplete_offers_the_best_completions_first(demo):
    documents = SearchDocument.objects.filter(language="fi").only("pk")
    best = [document.pk for document in get_search_backend("default").autocomplete("siirty", documents)[:16]]
    suggestions, _notice = service.autocomplete("siirty", "fi", limit=8)
    titles = [suggestion["page"].pk for suggestion in suggestions]

    assert titles
    assert titles == [pk for pk in best if pk in titles][: len(titles)]
