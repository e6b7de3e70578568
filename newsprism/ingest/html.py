"""HTML page → clean article body and its metadata.

The body and the metadata come from trafilatura (Barbaresi, "Trafilatura: A Web
Scraping Library and Command-Line Tool for Text Discovery and Extraction", ACL 2021
demos), whose cascade falls back on readability and jusText when its own rules find
too little. Dates come from its htmldate. Around it, newsprism only normalises:
paragraphs, author lists, the outlet name and a time of day when the page states one.

The chosen options are measured against the alternatives in
`bench/extraction_eval.py --compare` (article-extraction-benchmark, 181 pages).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime, time
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

# They log every page they discard; newsprism reports those in its errors table instead.
for _noisy in ("trafilatura", "htmldate"):
    logging.getLogger(_noisy).setLevel(logging.CRITICAL)


@dataclass(slots=True)
class HtmlPage:
    text: str  # clean body text, paragraphs separated by "\n\n"
    title: str | None
    authors: list[str]
    published: str | None  # ISO 8601 date, or datetime when the page gives the time
    outlet: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class ExtractionOptions:
    """The trafilatura settings that change which text counts as the body (its defaults here)."""

    favor_precision: bool = False
    favor_recall: bool = False
    include_tables: bool = True
    fast: bool = False  # skip the readability/jusText fallbacks


# Measured on article-extraction-benchmark (181 pages, paired bootstrap against the
# balanced default): precision +0.016 ± 0.007, recall -0.008 ± 0.006, F1 +0.004 ± 0.006.
# Boilerplate costs newsprism more than a lost line: a "related stories" list brings
# other stories' actors and claims into the comparison.
DEFAULT_OPTIONS = ExtractionOptions(favor_precision=True)


class HtmlExtractionError(ValueError):
    """No article body could be found in the page."""


def extract_html(
    html: str, url: str | None = None, *, options: ExtractionOptions = DEFAULT_OPTIONS
) -> HtmlPage:
    """Extract the article body and metadata of one HTML page.

    Raises HtmlExtractionError when the page holds no article text (empty, not
    parseable, or only markup).
    """
    tree = _parse(html)
    try:
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=options.include_tables,
            favor_precision=options.favor_precision,
            favor_recall=options.favor_recall,
            fast=options.fast,
        )
    except Exception as error:  # trafilatura and lxml raise many types on broken input
        raise HtmlExtractionError(f"extraction failed: {error!r}") from error
    text = paragraphs_text(document.text if document is not None else None)
    if not re.search(r"\w", text):
        raise HtmlExtractionError("no article text found in the page")
    page_url = document.url or url
    outlet = _outlet(document.sitename, page_url)
    return HtmlPage(
        text=text,
        title=clean_title(document.title),
        authors=split_authors(document.author, outlet, page_url),
        published=_published(document.date, tree),
        outlet=outlet,
        url=page_url,
    )


def _parse(html: str) -> HtmlElement:
    if not html or not html.strip():
        raise HtmlExtractionError("empty page")
    # trafilatura rejects markup without an <html> element (fragments, bare text)
    if not re.search(r"<html[\s>]", html, re.IGNORECASE):
        html = f"<html><body>{html}</body></html>"
    try:
        tree = load_html(html)
    except Exception as error:
        raise HtmlExtractionError(f"unparseable HTML: {error!r}") from error
    if tree is None:
        raise HtmlExtractionError("unparseable HTML")
    return tree


def paragraphs_text(text: str | None) -> str:
    """One paragraph per non-blank line of trafilatura's text output, "\\n\\n" apart."""
    lines = (" ".join(line.split()) for line in (text or "").splitlines())
    return "\n\n".join(line for line in lines if line)


_MARKUP_BLOCK = re.compile(r"<(script|style)\b.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def clean_title(title: str | None) -> str | None:
    """Drop markup that leaked into a title (`<title>` content is raw text in HTML)."""
    if not title:
        return None
    title = " ".join(_TAG.sub(" ", _MARKUP_BLOCK.sub(" ", title)).split())
    return title or None


_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\||/|&|\band\b)\s*", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(r"^(?:\w+\s+){0,2}?by\b[:\s]*", re.IGNORECASE)  # "By", "Analysis by"
# a byline that runs on into its dateline: "Jane Doe Monday", "Jane Doe Published ...";
# cut only after two words, as "May" or "August" may be the name itself ("Theresa May")
_DATELINE_WORDS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april"
    "|may|june|july|august|september|october|november|december|published|updated"
)
_DATELINE_TAIL = re.compile(rf"^(\S+\s+\S+.*?)\s+(?:{_DATELINE_WORDS})\b.*$", re.IGNORECASE)
_DATELINE_ALONE = re.compile(rf"(?:{_DATELINE_WORDS})", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"@|https?:|www\.|\d")
# byline words that name a job, a desk or a degree, not a person
_ROLE_WORDS = {
    "admin", "administrator", "bureau", "columnist", "contributor", "correspondent", "desk",
    "editor", "editorial", "editors", "newsroom", "reporter", "staff", "team", "wire", "writer",
    "phd", "md", "ms", "msc", "mba", "mph", "rd", "rdn", "rn",
}


def split_authors(raw: str | None, outlet: str | None = None, url: str | None = None) -> list[str]:
    """Split a byline into person names, dropping "By", e-mails, roles and the site's name."""
    names: list[str] = []
    for part in _AUTHOR_SPLIT.split(raw or ""):
        name = _person_name(part)
        if name and not _names_site(name, outlet, _host(url)):
            if name.lower() not in {known.lower() for known in names}:
                names.append(name)
    return names


def _person_name(part: str) -> str | None:
    name = " ".join(_DATELINE_TAIL.sub(r"\1", _BYLINE_PREFIX.sub("", part.strip())).split())
    if " " in name and name.isupper():
        name = name.title()
    if not name or _NOT_A_NAME.search(name) or _DATELINE_ALONE.fullmatch(name):
        return None
    if any(word in _ROLE_WORDS for word in _words(name)):
        return None
    return name


def _names_site(name: str, outlet: str | None, host: str | None) -> bool:
    """The outlet ("The Outlet", "outlet.com"), or one of its desks ("Outlet Sport")."""
    host = host or ""
    if _squash(" ".join(_words(name))) in {_squash(outlet or ""), _squash(host), *host.split(".")}:
        return True
    site_names = (_words(outlet or ""), _words(host.replace(".", " ")))
    return any(site and _words(name)[: len(site)] == site for site in site_names)


def _squash(name: str) -> str:
    return re.sub(r"\W+", "", name.lower())


def _words(name: str) -> list[str]:
    words = re.findall(r"\w+", name.lower())
    return words[1:] if words[:1] == ["the"] else words


def _host(url: str | None) -> str | None:
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # e.g. an unbalanced "[" in the netloc
        return None
    return host.removeprefix("www.") if host else None


def _outlet(sitename: str | None, url: str | None) -> str | None:
    """The site name without a tagline ("Name | slogan"), else the URL's host."""
    name = " ".join((sitename or "").split(" | ")[0].split())
    if re.match(r"https?://", name):
        return _host(name)
    if re.match(r"(copyright|©)", name, re.IGNORECASE):  # a footer notice, not a name
        name = ""
    return name or _host(url)


_PUBLISHED_META = ("article:published_time", "datepublished", "og:published_time", "pubdate")


def _published(date: str | None, tree: HtmlElement) -> str | None:
    """htmldate's date, with the time of day when the page's metadata gives one for it."""
    if not date:
        return None
    for stamp in _stated_publication_times(tree):
        moment = _parse_datetime(stamp)
        # a bare midnight is how many sites write a date without a time
        if moment is not None and moment.date().isoformat() == date and moment.time() != time():
            return moment.isoformat(timespec="seconds")
    return date


def _stated_publication_times(tree: HtmlElement) -> list[str]:
    stamps = []
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _PUBLISHED_META:
            stamps.append(meta.get("content", ""))
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        stamps.extend(_json_ld_dates(script.text or ""))
    return stamps


def _json_ld_dates(source: str) -> list[str]:
    try:
        data = json.loads(source)
    except (ValueError, RecursionError):
        return []
    found: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                found.append(item["datePublished"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _parse_datetime(stamp: str) -> datetime | None:
    """A datetime with a time part ("T" or space separated), else None."""
    stamp = stamp.strip()
    if len(stamp) <= 10:
        return None
    try:
        return datetime.fromisoformat(stamp)
    except ValueError:
        return None
