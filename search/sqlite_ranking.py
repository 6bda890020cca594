"""Relevance-ordered matches on the SQLite database backend in one full-text query.

modelsearch 1.3 orders SQLite results by relevance with a correlated subquery
that runs the full-text match again for every matching row, so a query that
matches many documents costs matches x index size: 0.5 s at 1,000 pages and
minutes at 20,000 (bench/, README "Performance"). The same match and the same
BM25 score, computed once over the index and sorted there, give the same
order at the cost of one full-text query.

Built from the backend's own query compiler, so the match expression and the
score are exactly what modelsearch would use; tied to modelsearch 1.3.
"""

from django.db import models
from django.db.models.functions import Cast

# The SQLite backend's modules can only be imported where SQLite is the database.
SQLITE_BACKEND = "modelsearch.backends.database.sqlite"


def is_sqlite_results(results):
    return type(results).__module__.startswith(SQLITE_BACKEND)


def ranked_pks(results, limit):
    """Primary keys of ``results`` (an unevaluated SQLite search), best first, at most ``limit``."""
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
    from modelsearch.utils import get_descendants_content_types_pks

    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    query = compiler.build_search_query(normalize(compiler.query), config=config)
    match = MatchExpression(compiler.fields or compiler.FTS_TABLE_FIELDS, query)
    score = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    candidates = compiler.queryset.values("pk")
    rows = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(
            index_entry__content_type__in=get_descendants_content_types_pks(compiler.queryset.model),
            index_entry__object_id__in=candidates,
        )
        .annotate(score=score, object_pk=Cast("index_entry__object_id", models.IntegerField()))
        .order_by("score", "-object_pk")
        .values_list("object_pk", flat=True)
    )
    return list(rows[:limit])
