"""Reading every input format, and turning every kind of bad input into an error row."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest.readers import IngestSettings, make_article, read_source, stable_id
from newsprism.ingest.sources import Source, expand_inputs
from newsprism.records import Article, ErrorRecord

BODY = (
    "The harbour authority said on Tuesday that two cargo ships had collided near the port entrance. "
    "Nobody was hurt, according to the coast guard, and traffic resumed by the evening.\n\n"
    "Officials said an inquiry would look at the pilots' radio logs."
)
PAGE = f"""<!doctype html><html><head><title>Ships collide near port - Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"><meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-05-07T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ships collide near port</h1>{''.join(f'<p>{p}</p>' for p in BODY.split(chr(10) + chr(10)))}</article>
<footer>Copyright Harbour Times. All rights reserved.</footer></body></html>"""


def read(path: Path, **settings) -> list[Article | ErrorRecord]:
    return list(read_source(Source(str(path), path), IngestSettings(**settings)))


def only_articles(results) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def only_errors(results) -> list[ErrorRecord]:
    return [r for r in results if isinstance(r, ErrorRecord)]


def test_plain_text_file_becomes_one_article(tmp_path):
    path = tmp_path / "ships.txt"
    path.write_text("Ships collide near port\n\n" + BODY, encoding="utf-8")
    [article] = read(path)
    assert article.title == "Ships collide near port"
    assert article.text.startswith("The harbour authority said")
    assert article.language == "en"
    assert article.word_count == len(article.text.split())
    assert article.source == str(path)


def test_html_file_gets_body_and_metadata(tmp_path):
    path = tmp_path / "ships.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read(path)
    assert "two cargo ships had collided" in article.text
    assert "All rights reserved" not in article.text and "Home" not in article.text
    assert article.outlet == "Harbour Times"
    assert article.authors == ["Ana Ruiz"]
    assert article.published.startswith("2024-05-07")


def test_jsonl_reads_each_object_and_reports_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = {"id": "a1", "title": "Ships collide", "text": BODY, "outlet": "Wire", "authors": ["Bo Li"],
            "published": "May 7, 2024", "url": "https://example.org/a1"}
    path.write_text(
        "\n".join([json.dumps(good), "{not json", json.dumps({"title": "no text"}), "", json.dumps([1, 2])]),
        encoding="utf-8",
    )
    results = read(path)
    [article] = only_articles(results)
    assert (article.id, article.outlet, article.authors, article.published) == ("a1", "Wire", ["Bo Li"], "2024-05-07")
    errors = only_errors(results)
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert "not JSON" in errors[0].message
    assert "'text'" in errors[1].message
    assert "JSON object" in errors[2].message


def test_json_list_of_articles(tmp_path):
    path = tmp_path / "two.json"
    path.write_text(json.dumps([{"text": BODY}, {"text": BODY + " Update."}]), encoding="utf-8")
    articles = only_articles(read(path))
    assert len(articles) == 2 and articles[0].id != articles[1].id


def write_warc(path: Path, responses: list[tuple[str, str, bytes]]) -> None:
    with open(path, "wb") as sink:
        writer = WARCWriter(sink, gzip=path.suffix == ".gz")
        for url, content_type, payload in responses:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
            writer.write_record(record)


def test_warc_html_responses_become_articles(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        ("https://harbour.example/ships", "text/html; charset=utf-8", PAGE.encode()),
        ("https://harbour.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://harbour.example/empty", "text/html", b"<html><body></body></html>"),
    ])
    results = read(path)
    [article] = only_articles(results)
    assert "two cargo ships" in article.text
    assert article.url and "harbour.example" in article.url
    [error] = only_errors(results)
    assert error.source.endswith("#https://harbour.example/empty")


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        ("broken.json", b'{"text": "unterminated', "not JSON"),
        ("bad.warc", b"WARC/1.0\r\nthis is not a warc record\r\n\r\n", "WARC"),
        ("nothing.html", b"<html><head></head><body><div></div></body></html>", ""),
    ],
)
def test_bad_files_become_errors_naming_the_file(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    [result] = read(path)
    assert isinstance(result, ErrorRecord)
    assert result.source == str(path) and result.stage == "ingest"
    assert problem.lower() in result.message.lower()


def test_file_over_the_size_limit_is_an_error(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    [error] = read(path, max_bytes=100)
    assert isinstance(error, ErrorRecord) and "over the limit" in error.message


def test_encodings_are_detected(tmp_path):
    text = "Café owners in Zürich said the “new rules” would cost them dearly, according to the local paper."
    for encoding in ("utf-8", "utf-16", "cp1252"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(("Title line\n\n" + text).encode(encoding))
        [article] = read(path)
        assert "Café owners in Zürich" in article.text, encoding


def test_expand_inputs_walks_folders_globs_and_reports_missing(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "two.html").write_text("x")
    (tmp_path / "a" / "notes.md").write_text("x")
    (tmp_path / "b.jsonl").write_text("x")
    sources, problems = expand_inputs([str(tmp_path / "a"), str(tmp_path / "*.jsonl"), str(tmp_path / "gone.txt"),
                                       str(tmp_path / "*.warc"), str(tmp_path / "a" / "one.txt")])
    assert [Path(s.name).name for s in sources] == ["one.txt", "two.html", "b.jsonl"]
    assert [p for _, p in problems] == ["no such file or folder", "the pattern matches no file"]


def test_stable_id_depends_on_content_not_location():
    a = make_article("/one/place.txt", BODY, title="T")
    b = make_article("/another/place.txt", BODY, title="T")
    c = make_article("/one/place.txt", BODY + " More.", title="T")
    assert a.id == b.id == stable_id(a.text, "T", None, None)
    assert a.id != c.id


def test_gzip_file_with_unknown_suffix_is_sniffed_as_warc(tmp_path):
    path = tmp_path / "crawl.bin"
    warc = tmp_path / "tmp.warc"
    write_warc(warc, [("https://x.example/a", "text/html", PAGE.encode())])
    path.write_bytes(gzip.compress(warc.read_bytes()))
    [article] = read(path)
    assert isinstance(article, Article)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("As I write on Thursday morning, the crews are still held.", "2025-04-10"),
        ("The talks, first set for April, are off.", "2025-04-10"),
        ("By Saturday the port had reopened.", "2025-10-04"),
        ("Nothing in this text names a day or a month.", "2025-10-04"),
    ],
)
def test_a_date_that_reads_both_ways_is_settled_by_the_text(text, published):
    assert make_article("x.txt", text, published="10/04/2025").published == published


def test_an_unambiguous_numeric_date_ignores_the_text():
    article = make_article("x.txt", "As I write on Thursday morning.", published="25/04/2025")
    assert article.published == "2025-04-25"


def test_double_primes_used_as_quote_marks_become_quote_marks():
    article = make_article("x.txt", "″We will not leave,″ the captain, who is 6′4″, said.")
    assert article.text == '"We will not leave," the captain, who is 6′4″, said.'
