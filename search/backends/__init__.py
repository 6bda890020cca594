"""The portal's search engine backends (``search.backends.opensearch``, ``search.backends.elasticsearch``)."""
