"""Ingest: bytes in, clean `Article` records out.

`read_source` turns one source into articles and error records; a bad file or a bad
record inside a container becomes an `ErrorRecord` naming it and the problem, and
reading goes on.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import sys
from dataclasses import dataclass
from typing import Any, Iterator

import py3langid
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsprism.ingest.dates import normalise_date
from newsprism.ingest.decode import DecodeError, decode_bytes
from newsprism.ingest.html import HtmlExtractionError, extract_html
from newsprism.ingest.plaintext import parse_plaintext
from newsprism.ingest.sources import Source, format_of
from newsprism.records import Article, ErrorRecord

DEFAULT_MAX_BYTES = 10_000_000
STAGE = "ingest"
JSON_TEXT_FIELDS = ("id", "title", "url", "outlet", "published")


class IngestProblem(ValueError):
    """A problem with one input; becomes a row in the errors table."""


@dataclass(slots=True)
class IngestSettings:
    max_bytes: int = DEFAULT_MAX_BYTES


Result = Article | ErrorRecord


def read_source(source: Source, settings: IngestSettings) -> Iterator[Result]:
    try:
        data = _read_bytes(source, settings.max_bytes)
        fmt = format_of(source.name) if source.path else None
        fmt = fmt or _sniff_format(data)
        yield from _READERS[fmt](source.name, data, settings)
    except (IngestProblem, DecodeError, HtmlExtractionError, OSError) as problem:
        yield ErrorRecord(source.name, STAGE, str(problem))


def _read_bytes(source: Source, max_bytes: int) -> bytes:
    if source.path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        size = source.path.stat().st_size
        container = format_of(source.name) in ("jsonl", "warc")
        if size > max_bytes and not container:
            raise IngestProblem(f"file is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
        data = source.path.read_bytes()
    if source.path is None and len(data) > max_bytes:
        raise IngestProblem(f"input is over the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


def _sniff_format(data: bytes) -> str:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        return "warc"
    if head.startswith((b"<!doctype html", b"<html", b"<")):
        return "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        return "jsonl"
    return "txt"


def _read_txt(name: str, data: bytes, settings: IngestSettings) -> Iterator[Result]:
    text, _ = decode_bytes(data)
    page = parse_plaintext(text)
    yield make_article(
        name, page.text, title=page.title, authors=page.authors,
        published=page.published, outlet=page.outlet,
    )


def _read_html(name: str, data: bytes, settings: IngestSettings, url: str | None = None) -> Iterator[Result]:
    html, _ = decode_bytes(data)
    page = extract_html(html, url)
    yield make_article(
        name, page.text, title=page.title, authors=page.authors,
        published=page.published, outlet=page.outlet, url=page.url,
    )


def _read_jsonl(name: str, data: bytes, settings: IngestSettings) -> Iterator[Result]:
    text, _ = decode_bytes(data)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            if len(line) > settings.max_bytes:
                raise IngestProblem(f"record is over the limit of {settings.max_bytes:,} bytes")
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise IngestProblem(f"line is not JSON: {error.msg} at column {error.colno}") from None
            yield _article_from_json(where, record)
        except IngestProblem as problem:
            yield ErrorRecord(where, STAGE, str(problem))


def _read_json(name: str, data: bytes, settings: IngestSettings) -> Iterator[Result]:
    text, _ = decode_bytes(data)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise IngestProblem(f"not JSON: {error.msg} at line {error.lineno}") from None
    records = document if isinstance(document, list) else [document]
    for index, record in enumerate(records):
        where = name if len(records) == 1 else f"{name}[{index}]"
        try:
            yield _article_from_json(where, record)
        except IngestProblem as problem:
            yield ErrorRecord(where, STAGE, str(problem))


def _article_from_json(where: str, record: Any) -> Article:
    if not isinstance(record, dict):
        raise IngestProblem(f"expected a JSON object, found {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestProblem("the record has no 'text' (a non-empty string is required)")
    fields: dict[str, Any] = {}
    for key in JSON_TEXT_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, (str, int)):
            raise IngestProblem(f"field '{key}' must be a string")
        fields[key] = str(value) if value is not None else None
    authors = record.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise IngestProblem("field 'authors' must be a list of strings")
    return make_article(
        where, text, article_id=fields["id"], title=fields["title"], url=fields["url"],
        outlet=fields["outlet"], published=fields["published"], authors=authors,
    )


def _read_warc(name: str, data: bytes, settings: IngestSettings) -> Iterator[Result]:
    found = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or not _is_html(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name}#{url}"
            found += 1
            try:
                payload = record.content_stream().read(settings.max_bytes + 1)
                if len(payload) > settings.max_bytes:
                    raise IngestProblem(f"response is over the limit of {settings.max_bytes:,} bytes")
                yield from _read_html(where, payload, settings, url=url)
            except (IngestProblem, DecodeError, HtmlExtractionError) as problem:
                yield ErrorRecord(where, STAGE, str(problem))
    except ArchiveLoadFailed as error:
        raise IngestProblem(f"not a readable WARC file: {error}") from None
    if not found:
        raise IngestProblem("the WARC file holds no HTML response record")


def _is_html(record) -> bool:
    if record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return "html" in content_type


_READERS = {
    "txt": _read_txt,
    "html": _read_html,
    "jsonl": _read_jsonl,
    "json": _read_json,
    "warc": _read_warc,
}

_BLANK_LINES = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t\u00a0]+")
# Some wire copy sets quotation marks as double primes; a prime after a figure (6′4″) is a measure.
_PRIME_AS_QUOTE = re.compile(r"(?<![\d′])″")


def clean_text(text: str) -> str:
    """Spaces folded, blank lines collapsed, double primes used as quote marks made '"'."""
    text = _PRIME_AS_QUOTE.sub('"', text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.strip().split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def make_article(
    source: str,
    text: str,
    *,
    article_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    authors: list[str] | None = None,
) -> Article:
    body = clean_text(text)
    if not body:
        raise IngestProblem("no article text left after cleaning")
    title = clean_text(title) if title else None
    return Article(
        id=article_id or stable_id(body, title, url, outlet),
        source=source,
        text=body,
        outlet=outlet or None,
        url=url or None,
        title=title or None,
        authors=[a.strip() for a in authors or [] if a.strip()],
        published=normalise_date(published, body) if published else None,
        language=detect_language(body),
        word_count=len(body.split()),
    )


def stable_id(text: str, title: str | None, url: str | None, outlet: str | None) -> str:
    """An id that depends only on what the article is, not on where it was read from."""
    key = "\x1f".join([url or "", outlet or "", title or "", text])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code from py3langid (Lui & Baldwin 2012), which ships its own model."""
    sample = text[:3000]
    if len(sample.split()) < 3:
        return None
    code, _score = py3langid.classify(sample)
    return code
