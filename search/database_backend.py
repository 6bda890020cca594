"""The database search backend: modelsearch's, with the SQLite index written in bulk (search.sqlite_index)."""

from modelsearch.backends.database import SearchBackend as vendor_backend

SQLITE_BACKEND_MODULE = "modelsearch.backends.database.sqlite.sqlite"


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks for in a backend module
    backend = vendor_backend(params)
    if type(backend).__module__ != SQLITE_BACKEND_MODULE:
        return backend  # PostgreSQL, MySQL, or SQLite without full-text search
    from search.sqlite_index import BulkSQLiteSearchBackend

    return BulkSQLiteSearchBackend(params)
