"""A synthetic method bank of any size, written in bulk: the benchmark's pages and the query-count tests' bank."""
