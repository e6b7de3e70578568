"""The local web app: `http.server.ThreadingHTTPServer` over a read-only, sandboxed store.

The views are the report's (newsprism.report.html with app links). User SQL runs on
its own cursor of the sandboxed connection (no file access, no ATTACH, settings
locked; DuckDB's `enable_external_access` and `lock_configuration`), is interrupted
by a timer after `sql_timeout` seconds and returns at most `max_rows` rows.
"""

from __future__ import annotations

import json
import sys
import threading
from dataclasses import asdict, dataclass, is_dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import duckdb

from newsprism.report.html import Links, content_security_policy, render_article, render_overview, render_story, render_template
from newsprism.report.views import article_page, overview, story_page, story_rows
from newsprism.serve.openapi import openapi_document
from newsprism.store import Store, StoreError

LINKS = Links(app=True)
DEFAULT_SQL_TIMEOUT = 5.0
DEFAULT_MAX_ROWS = 1000
SEARCH_LIMIT = 50
STORIES_PER_PAGE = 100
SNIPPET = 90

SEARCH_ARTICLES_SQL = """
SELECT a.id, a.title, coalesce(a.outlet, '(unknown outlet)'), left(a.published, 10), sa.story_id, a.text
FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id
WHERE contains(lower(coalesce(a.title, '')), $q) OR contains(lower(a.text), $q)
ORDER BY contains(lower(coalesce(a.title, '')), $q) DESC, a.published DESC NULLS LAST, a.id
LIMIT $limit
"""

SEARCH_CLAIMS_SQL = """
SELECT c.id, c.story_id, c.status, c.outlets, c.summary
FROM claims c
WHERE contains(lower(c.summary), $q)
   OR contains(lower(array_to_string(list_transform(c.mentions, lambda m: m.text), ' ')), $q)
ORDER BY c.status != 'contested', c.outlets DESC, c.id
LIMIT $limit
"""

@dataclass(slots=True)
class SqlResult:
    columns: list[str]
    rows: list[list]
    truncated: bool  # more rows than max_rows existed
    error: str | None = None


def run_sql(con: duckdb.DuckDBPyConnection, sql: str, timeout: float, max_rows: int) -> SqlResult:
    """Run user SQL on a fresh cursor, interrupted after `timeout` seconds, keeping at
    most `max_rows` rows. Errors come back in the result, never raised."""
    cursor = con.cursor()
    timer = threading.Timer(timeout, cursor.interrupt)
    timer.start()
    try:
        result = cursor.execute(sql)
        if result.description is None:
            return SqlResult([], [], False)
        rows = result.fetchmany(max_rows + 1)
        return SqlResult([d[0] for d in result.description], [list(r) for r in rows[:max_rows]], len(rows) > max_rows)
    except duckdb.InterruptException:
        return SqlResult([], [], False, f"the query ran longer than {timeout:g} s and was stopped")
    except (duckdb.Error, RuntimeError) as error:
        return SqlResult([], [], False, str(error).splitlines()[0])
    finally:
        timer.cancel()
        cursor.close()


class NewsprismServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: Store, sql_timeout: float, max_rows: int):
        super().__init__(address, Handler)
        self.store = store
        self.sql_timeout = sql_timeout
        self.max_rows = max_rows
        self.lock = threading.Lock()  # the view queries share the store's one connection

    def server_close(self) -> None:
        super().server_close()
        self.store.close()


def make_server(db: str | Path, host: str = "127.0.0.1", port: int = 8000,
                sql_timeout: float = DEFAULT_SQL_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS) -> NewsprismServer:
    """A server over `db`, opened read-only and sandboxed; port 0 picks a free port."""
    return NewsprismServer((host, port), Store(db, read_only=True, sandboxed=True), sql_timeout, max_rows)


class NotFound(Exception):
    pass


class Handler(BaseHTTPRequestHandler):
    server: NewsprismServer
    server_version = "newsprism"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's signature
        pass

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = {key: values[-1] for key, values in parse_qs(url.query).items()}
        parts = [unquote(p) for p in url.path.strip("/").split("/")] if url.path.strip("/") else []
        try:
            self._route(parts, params)
        except NotFound as missing:
            self._error(HTTPStatus.NOT_FOUND, str(missing) or "not found", api=parts[:1] == ["api"])
        except ValueError as bad:
            self._error(HTTPStatus.BAD_REQUEST, str(bad), api=parts[:1] == ["api"])
        except Exception as error:  # one broken page must not take the server down
            sys.stderr.write(f"newsprism serve: {self.path}: {error!r}\n")
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"this page failed: {error}", api=parts[:1] == ["api"])

    def _not_allowed(self) -> None:
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "read-only: only GET is allowed", api=False)

    do_POST = do_PUT = do_DELETE = do_PATCH = _not_allowed

    def _route(self, parts: list[str], params: dict[str, str]) -> None:
        match parts:
            case []:
                page = page_number(params)
                self._html(render_overview(self._locked(lambda store: overview(store, page, STORIES_PER_PAGE)), LINKS))
            case ["story", story_id]:
                self._html(render_story(self._story(story_id), LINKS))
            case ["article", article_id]:
                self._html(render_article(self._article(article_id), LINKS))
            case ["search"]:
                query = params.get("q", "").strip()
                self._html(render_template("search.html", LINKS, title="Search", query=query,
                                           results=self._search(query) if query else None))
            case ["sql"]:
                sql = params.get("q", "").strip()
                self._html(render_template("sql.html", LINKS, title="SQL", sql=sql, result=self._sql(sql) if sql else None,
                                           timeout=self.server.sql_timeout, max_rows=self.server.max_rows))
            case ["api"]:
                self._html(render_template("api.html", LINKS, title="API", spec=openapi_document()))
            case ["favicon.ico"]:
                self._send(b"", "image/x-icon", HTTPStatus.NO_CONTENT)
            case ["openapi.json"]:
                self._json(openapi_document())
            case ["api", "stories"]:
                page = page_number(params)
                stories = self._locked(lambda store: story_rows(store, page, STORIES_PER_PAGE))
                self._json({"stories": stories.rows, "total": stories.total, "page": page, "pages": stories.pages,
                            "next": f"/api/stories?page={page + 1}" if page < stories.pages else None})
            case ["api", "stories", story_id]:
                page = self._story(story_id)
                self._json({"story": page.view, "quote_groups": page.quote_groups, "citations": page.citations,
                            "framing": page.framing})
            case ["api", "articles", article_id]:
                page = self._article(article_id)
                self._json({"article": page.article, "story_id": page.story_id, "quotes": page.quotes,
                            "attributions": page.attributions, "events": page.events})
            case ["api", "search"]:
                query = params.get("q", "").strip()
                if not query:
                    raise ValueError("the q parameter is required")
                self._json(self._search(query))
            case ["api", "sql"]:
                sql = params.get("q", "").strip()
                if not sql:
                    raise ValueError("the q parameter (SQL) is required")
                result = self._sql(sql)
                self._json(result, HTTPStatus.BAD_REQUEST if result.error else HTTPStatus.OK)
            case _:
                raise NotFound(f"no page at {self.path}")

    def _locked(self, read):
        with self.server.lock:
            return read(self.server.store)

    def _story(self, story_id: str):
        try:
            return self._locked(lambda store: story_page(store, story_id))
        except StoreError as error:
            raise NotFound(str(error).split(": ", 1)[-1]) from None

    def _article(self, article_id: str):
        page = self._locked(lambda store: article_page(store, article_id))
        if page is None:
            raise NotFound(f"no article with id '{article_id}'")
        return page

    def _search(self, query: str) -> dict:
        """Articles whose title or text, and claims whose wording in any article, hold the words."""
        parameters = {"q": query.lower(), "limit": SEARCH_LIMIT}
        articles, claims = self._locked(lambda store: (
            store.con.execute(SEARCH_ARTICLES_SQL, parameters).fetchall(),
            store.con.execute(SEARCH_CLAIMS_SQL, parameters).fetchall(),
        ))
        return {
            "query": query,
            "articles": [{"id": i, "title": t, "outlet": o, "published": p, "story_id": s, "snippet": snippet(text, query)}
                         for i, t, o, p, s, text in articles],
            "claims": [{"id": i, "story_id": s, "status": st, "outlets": n, "summary": summary}
                       for i, s, st, n, summary in claims],
        }

    def _sql(self, sql: str) -> SqlResult:
        return run_sql(self.server.store.con, sql, self.server.sql_timeout, self.server.max_rows)

    def _html(self, page: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        self._send(page.encode("utf-8"), "text/html; charset=utf-8", status)

    def _json(self, value, status: HTTPStatus = HTTPStatus.OK) -> None:
        body = json.dumps(value, default=_plain, ensure_ascii=False).encode("utf-8")
        self._send(body, "application/json", status)

    def _error(self, status: HTTPStatus, message: str, api: bool) -> None:
        if api:
            self._json({"error": message}, status)
        else:
            self._html(render_template("error.html", LINKS, title=status.phrase, status=status, message=message), status)

    def _send(self, body: bytes, content_type: str, status: HTTPStatus) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", content_security_policy(app=True) + "; frame-ancestors 'none'")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def page_number(params: dict[str, str]) -> int:
    text = params.get("page", "1")
    if not text.isdigit():
        raise ValueError(f"page must be a whole number from 1, not {text!r}")
    return int(text)


def snippet(text: str, query: str, size: int = SNIPPET) -> str:
    """The words around the first match of `query` in `text` (case-insensitive)."""
    at = text.lower().find(query.lower())
    if at < 0:
        return text[: 2 * size].strip() + ("…" if len(text) > 2 * size else "")
    start, end = max(0, at - size), min(len(text), at + len(query) + size)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _plain(value):
    if is_dataclass(value):
        return asdict(value)
    return str(value)
