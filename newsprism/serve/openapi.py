"""The JSON API described as an OpenAPI 3.1 document (served at /openapi.json)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def _version() -> str:
    try:
        return version("newsprism")
    except PackageNotFoundError:
        return "0"


def _get(summary: str, description: str, parameters: list[dict] = (), errors: dict[str, str] | None = None) -> dict:
    responses = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}}
    for code, text in (errors or {}).items():
        responses[code] = {"description": text, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {"get": {"summary": summary, "description": description, "parameters": list(parameters), "responses": responses}}


def _path_id(name: str, description: str) -> dict:
    return {"name": name, "in": "path", "required": True, "description": description, "schema": {"type": "string"}}


def _query(description: str) -> dict:
    return {"name": "q", "in": "query", "required": True, "description": description, "schema": {"type": "string"}}


def _page() -> dict:
    return {"name": "page", "in": "query", "required": False, "description": "The page, from 1 (default 1).",
            "schema": {"type": "integer", "minimum": 1}}


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "newsprism", "version": _version(),
                 "description": "Read-only access to a newsprism database: stories, claims with each outlet's "
                                "stance, articles and their records, search, and SQL."},
        "paths": {
            "/api/stories": _get(
                "List the stories", "Stories biggest first, 100 per page: id, title, articles, outlets, first and "
                "last day, claims and contested claims; with the total, the page count and the next page's path.",
                [_page()], {"400": "No such page."}),
            "/api/stories/{story_id}": _get(
                "One story", "The story view (articles, claims with each article's stance and evidence, omissions, "
                "timeline, actor relations), quotes grouped by statement, citations per outlet and the framing table.",
                [_path_id("story_id", "A story id from /api/stories.")], {"404": "No such story."}),
            "/api/articles/{article_id}": _get(
                "One article", "The article (clean text and metadata) with its story id, quotes, attributions and "
                "events; offsets are character offsets into the text.",
                [_path_id("article_id", "An article id.")], {"404": "No such article."}),
            "/api/search": _get(
                "Search articles and claims", "Articles whose title or text, and claims whose summary or wording "
                "in any article, contain the words (case-insensitive), at most 50 of each.",
                [_query("The words to look for.")], {"400": "No q parameter."}),
            "/api/sql": _get(
                "Run read-only SQL", "Runs one query over the database, read-only and sandboxed (no file access, "
                "no ATTACH, no settings), stopped after the server's time limit, at most the server's row limit.",
                [_query("The SQL query.")], {"400": "The query failed, was refused or timed out."}),
            "/openapi.json": _get("This document", "The OpenAPI description of this API."),
        },
        "components": {"schemas": {"Error": {"type": "object", "properties": {"error": {"type": "string"}}}}},
    }
