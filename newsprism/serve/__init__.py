"""`newsprism serve`: the report's views live over a database, plus search, a JSON API
documented by OpenAPI and a read-only SQL page. Standard library HTTP server only."""

from newsprism.serve.app import SqlResult, make_server, run_sql

__all__ = ["SqlResult", "make_server", "run_sql"]
