"""The database search backend on PostgreSQL, with each language's own text search configuration.

modelsearch's PostgreSQL backend analyses every document and every query with
one configuration (``SEARCH_CONFIG``; unset, the server's default, usually
``english``). The portal's documents come in Finnish, Swedish and English, and
their terms are already analysed by ``search.analysis``: run through a
stemmer again they would be stemmed twice.

So for a ``SearchDocument`` this backend indexes two things side by side in
each tsvector:

* the text as written, analysed with the configuration of the document's
  language (``finnish``, ``swedish`` or ``english``: PostgreSQL's Snowball
  stemmer and stop words for that language), and
* the portal's own terms (stems, compound parts, consonant gradation), with
  ``simple``, which keeps them as they are.

A query word matches either way: the word analysed with the configuration of
the visitor's language, or any of its own terms as they are. So everything
that the portal's analysis matches on SQLite matches here too, and
PostgreSQL's stemmer adds what it joins on its own.

Every other indexed model (pages in the admin, images, documents) is indexed
exactly as modelsearch does it.
"""

from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import SearchField
from modelsearch.query import And, Or
from modelsearch.query import SearchQuery as BaseQuery
from modelsearch.utils import get_content_type_pk

from search.models import SearchDocument

# PostgreSQL's text search configuration for each site language.
CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}
# Analysed terms go in and out unchanged.
TERMS_CONFIG = "simple"


def config_for(language):
    return CONFIGS.get(language, TERMS_CONFIG)


class AnalysedWord(BaseQuery):
    """One query word: as typed, analysed by PostgreSQL in ``language``, or any of the portal's ``terms`` for it."""

    def __init__(self, word, terms, language):
        self.word = word
        self.terms = tuple(terms)
        self.language = language

    def __repr__(self):
        return f"<AnalysedWord {self.word!r} terms={self.terms!r} language={self.language!r}>"


def analysed_query(groups, language, operator="and"):
    """The query for ``search.analysis.query_terms`` groups: every word (``and``) or any word (``or``).

    A plain tuple of terms, without the word as typed, is matched by its terms alone.
    """
    words = [AnalysedWord(getattr(group, "word", ""), group, language) for group in groups]
    if len(words) == 1:
        return words[0]
    return And(words) if operator == "and" else Or(words)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, AnalysedWord):
            return super().build_tsquery_content(query, config=config, invert=invert)
        if invert:
            raise NotImplementedError("A search word cannot be negated.")
        parts = []
        if query.terms:
            lexemes = reduce(or_, (Lexeme(term) for term in query.terms))
            parts.append(SearchQuery(lexemes, search_type="raw", config=TERMS_CONFIG))
        if query.word:
            # A stop word of the language gives an empty query, which PostgreSQL leaves out of the OR.
            parts.append(SearchQuery(query.word, search_type="plain", config=config_for(query.language)))
        return reduce(or_, parts)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if not isinstance(query, AnalysedWord):
            return super().build_tsrank(vector, query, config=config, boost=boost)
        return SearchRank(vector, self.build_tsquery(query), weights=self.sql_weights) * boost


def _field_weight(name):
    """The tsvector weight (A-D) modelsearch gives the boost of SearchDocument's search field ``name``."""
    fields = [field for field in SearchDocument.search_fields if isinstance(field, SearchField)]
    return get_weight(next(field.boost for field in fields if field.field_name == name))


class LanguageIndex(PostgresIndex):
    # One row per document; a tsvector is the text in the document's configuration plus its terms as they are.
    VECTOR = "setweight(to_tsvector(%s::regconfig, %s) || to_tsvector('simple', %s), %s)"

    def add_items(self, model, objs):
        if not issubclass(model, SearchDocument):
            return super().add_items(model, objs)
        if not objs:
            return None
        title_weight, text_weight = _field_weight("title_terms"), _field_weight("text_terms")
        content_type = get_content_type_pk(model)
        rows, params = [], []
        for document in objs:
            config = config_for(document.language)
            rows.append(
                f"(%s, %s, {self.VECTOR}, setweight(to_tsvector('simple', %s), 'D'), {self.VECTOR}, 1.0, %s, %s)"
            )
            params += [content_type, str(document.pk)]
            params += [config, document.title, document.title_terms, title_weight]
            params += [document.title]
            params += [config, document.text, document.text_terms, text_weight]
            params += [document.title, document.text]
        table = self.entries.model._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} "  # noqa: S608 - the table name is the model's; values are parameters
                "(content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text) "
                f"VALUES {', '.join(rows)} "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                "title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, "
                "body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
        self._refresh_title_norms()
        return None


class LanguageSearchBackend(PostgresSearchBackend):
    query_compiler_class = LanguageQueryCompiler
    index_class = LanguageIndex

    def analysed_query(self, groups, language, operator="and"):
        return analysed_query(groups, language, operator)


SearchBackend = LanguageSearchBackend
