"""The web app over HTTP: the same views as the report, the JSON API and its OpenAPI
document, search, and an SQL page that cannot write, reach files or run forever."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import lxml.html
import pytest

from conftest import HOSTILE_BODY_MARKUP, HOSTILE_TITLE, rows
from newsprism.serve import make_server



@pytest.fixture(scope="module")
def app(report_db):
    server = make_server(report_db, port=0, sql_timeout=1.0, max_rows=50)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", server
    server.shutdown()
    server.server_close()


def get(base: str, path: str, method: str = "GET") -> tuple[int, dict, bytes]:
    request = urllib.request.Request(base + path, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def get_json(base: str, path: str):
    status, _, body = get(base, path)
    return status, json.loads(body)


def sql(base: str, query: str):
    return get_json(base, "/api/sql?q=" + quote(query))


def test_binds_loopback_by_default(report_db):
    server = make_server(report_db, port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_pages_answer_with_a_strict_policy(app, report_db):
    base, _ = app
    story_id = rows(report_db, "SELECT id FROM stories ORDER BY len(article_ids) DESC LIMIT 1")[0][0]
    article_id = rows(report_db, "SELECT unnest(article_ids) FROM stories WHERE id = ? LIMIT 1", [story_id])[0][0]
    for path in ("/", f"/story/{quote(story_id)}", f"/article/{article_id}", "/search?q=fishermen", "/sql", "/api"):
        status, headers, body = get(base, path)
        assert status == 200, path
        assert headers["Content-Type"].startswith("text/html")
        assert "default-src 'none'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        page = lxml.html.fromstring(body)
        assert not page.xpath("//script[@src] | //link | //img"), path
    assert get(base, "/story/no-such-story")[0] == 404
    assert get(base, "/article/no-such-article")[0] == 404
    assert get(base, "/nowhere")[0] == 404
    assert get(base, "/", method="POST")[0] == 405


def test_overview_pages_through_every_story_once(app, report_db, monkeypatch):
    base, _ = app
    monkeypatch.setattr("newsprism.serve.app.STORIES_PER_PAGE", 1)
    stored = {story_id for (story_id,) in rows(report_db, "SELECT id FROM stories")}
    assert len(stored) >= 2
    seen, path = [], "/"
    while path:
        status, _, body = get(base, path)
        assert status == 200, path
        page = lxml.html.fromstring(body)
        seen += [link.get("href").rsplit("/", 1)[-1] for link in page.xpath("//table[@id='story-table']//a")]
        path = next(iter(page.xpath("//nav[@class='pager']//a[@rel='next']/@href")), None)
    assert sorted(seen) == sorted(quote(s, safe="") for s in stored)
    assert get(base, f"/?page={len(stored) + 1}")[0] == 400
    assert get(base, "/?page=first")[0] == 400


def test_api_pages_through_every_story_once(app, report_db, monkeypatch):
    base, _ = app
    monkeypatch.setattr("newsprism.serve.app.STORIES_PER_PAGE", 1)
    stored = rows(report_db, "SELECT id, len(article_ids) FROM stories")
    seen, path = [], "/api/stories"
    while path:
        status, listing = get_json(base, path)
        assert status == 200, path
        assert listing["total"] == len(stored) and listing["pages"] == len(stored)
        seen += [(s["id"], s["articles"]) for s in listing["stories"]]
        path = listing["next"]
    assert sorted(seen) == sorted(stored)
    assert [n for _, n in seen] == sorted((n for _, n in seen), reverse=True)
    assert get_json(base, f"/api/stories?page={len(stored) + 1}")[0] == 400


def test_story_page_agrees_with_the_api_and_the_database(app, report_db):
    base, _ = app
    status, listing = get_json(base, "/api/stories")
    assert status == 200
    stories = listing["stories"]
    assert {s["id"] for s in stories} == {r[0] for r in rows(report_db, "SELECT id FROM stories")}
    assert listing["total"] == len(stories) and listing["next"] is None
    story_id = stories[0]["id"]
    status, story = get_json(base, f"/api/stories/{quote(story_id)}")
    assert status == 200
    stored = rows(report_db, "SELECT id, status, len(mentions) FROM claims WHERE story_id = ?", [story_id])
    assert sorted((c["id"], c["status"], len(c["mentions"])) for c in story["story"]["claims"]) == sorted(stored)
    page = lxml.html.fromstring(get(base, f"/story/{quote(story_id)}")[2])
    assert len(page.xpath("//table[contains(@class,'matrix')]/tbody/tr")) == len(stored)
    assert len(page.xpath("//button[contains(@class,'mark') and @data-href]")) == sum(n for *_, n in stored)
    assert all(m.get("data-href").startswith("/article/") for m in page.xpath("//button[@data-href]"))


def test_every_documented_endpoint_answers(app, report_db):
    base, _ = app
    status, spec = get_json(base, "/openapi.json")
    assert status == 200 and spec["openapi"].startswith("3.")
    story_id = rows(report_db, "SELECT id FROM stories LIMIT 1")[0][0]
    article_id = rows(report_db, "SELECT id FROM articles LIMIT 1")[0][0]
    for path, item in spec["paths"].items():
        url = path.replace("{story_id}", quote(story_id, safe="")).replace("{article_id}", article_id)
        if any(p["name"] == "q" for p in item["get"]["parameters"]):
            url += "?q=" + quote("SELECT 1" if path.endswith("sql") else "port")
        status, headers, _ = get(base, url)
        assert status == 200, url
        assert headers["Content-Type"] == "application/json"
    assert get_json(base, "/api/stories/nope")[0] == 404
    assert get_json(base, "/api/search")[0] == 400


def test_search_finds_articles_and_claims(app, report_db):
    base, _ = app
    summary = rows(report_db, "SELECT summary FROM claims WHERE status = 'contested' ORDER BY id LIMIT 1")[0][0]
    word = max(summary.split(), key=len).strip(".,;:\"'()").lower()
    _, found = get_json(base, "/api/search?q=" + quote(word.upper()))
    expected_articles = {r[0] for r in rows(report_db, "SELECT id FROM articles WHERE contains(lower(text), ?) "
                                                       "OR contains(lower(title), ?)", [word, word])}
    assert {a["id"] for a in found["articles"]} == expected_articles
    assert any(c["summary"] == summary for c in found["claims"])
    assert any(word in a["snippet"].lower() for a in found["articles"])


def test_sql_reads_but_cannot_write_or_reach_files(app):
    base, _ = app
    status, result = sql(base, "SELECT count(*) AS n FROM articles")
    assert status == 200 and result["columns"] == ["n"] and result["rows"][0][0] >= 9
    for statement in ("CREATE TABLE x (a INT)", "INSERT INTO errors VALUES ('a', 'b', 'c')", "DELETE FROM articles",
                      "COPY articles TO '/tmp/newsprism-leak.csv'", "SELECT * FROM read_csv('/etc/passwd')",
                      "ATTACH '/tmp/other.duckdb' AS other", "SET enable_external_access = true",
                      "INSTALL httpfs", "SELECT * FROM read_text('/etc/hostname')"):
        status, result = sql(base, statement)
        assert status == 400 and result["error"], statement
    assert not Path("/tmp/newsprism-leak.csv").exists()
    assert sql(base, "SELECT count(*) FROM articles")[0] == 200  # still answering


def test_sql_is_row_and_time_limited(app):
    base, server = app
    status, result = sql(base, "SELECT * FROM range(500)")
    assert status == 200 and len(result["rows"]) == server.max_rows and result["truncated"]
    started = time.perf_counter()
    status, result = sql(base, "SELECT count(*) FROM range(100000000000) a WHERE hash(a.range) % 7 = 3")
    elapsed = time.perf_counter() - started
    assert status == 400 and "stopped" in result["error"]
    assert elapsed < server.sql_timeout + 5
    page = lxml.html.fromstring(get(base, "/sql?q=" + quote("SELECT 'a<b>' AS x"))[2])
    assert page.xpath("string(//table[@id='sql-result']//td)") == "a<b>"


def test_hostile_article_is_escaped_in_the_app(app):
    base, _ = app
    status, _, body = get(base, "/article/hostile-1")
    html = body.decode("utf-8")
    assert status == 200
    assert HOSTILE_TITLE not in html and HOSTILE_BODY_MARKUP not in html and "<svg onload" not in html
    page = lxml.html.fromstring(body)
    assert page.xpath("string(//h1)") == HOSTILE_TITLE
    assert len(page.xpath("//script")) == 1
    _, _, results = get(base, "/search?q=" + quote("onerror"))
    assert HOSTILE_BODY_MARKUP not in results.decode("utf-8") and b"&lt;img src=x onerror" in results
