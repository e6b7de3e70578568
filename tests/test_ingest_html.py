import importlib.util
import logging
import random
import sys
from pathlib import Path

import pytest

from newsprism.ingest.html import HtmlExtractionError, HtmlPage, extract_html, split_authors

REPO = Path(__file__).resolve().parents[1]
BENCHMARK = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"

PARAGRAPHS = [
    "The harbour authority said on Tuesday that the northern pier would stay closed for "
    "at least three more weeks while engineers inspect the damage left by the storm.",
    "Fishermen who use the pier told reporters that the closure was costing them most of "
    "their income, and several of them asked the council for temporary berths elsewhere.",
    "A spokeswoman for the council said it was studying the request but warned that the "
    "southern basin was already crowded with vessels moved there after the storm.",
    "The inspection is expected to finish before the end of the month, when the authority "
    "will publish its estimate of the cost of repairs and a timetable for the work.",
]

BOILERPLATE = [
    "Subscribe to our newsletter",
    "Most read: Ten gardens to visit this summer",
    "Related: Council elections in the western district",
    "All rights reserved",
    "Accept cookies",
]


def page(
    head: str = "",
    article: str | None = None,
    headline: str = "<h1>Storm damage keeps northern pier closed</h1>",
) -> str:
    body = article if article is not None else "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{head}</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="newsletter">{BOILERPLATE[0]}</div></header>
<main><article>{headline}{body}</article>
<aside class="sidebar"><h3>Most read</h3><ul>
<li><a href="/a">{BOILERPLATE[1][len("Most read: "):]}</a></li>
<li><a href="/b">{BOILERPLATE[2][len("Related: "):]}</a></li></ul></aside></main>
<footer><p>© 2014 The Harbour Gazette. {BOILERPLATE[3]}.</p>
<div id="cookie-banner">{BOILERPLATE[4]}</div></footer>
</body></html>"""


META_HEAD = """
<title>Storm damage keeps northern pier closed | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="og:title" content="Storm damage keeps northern pier closed">
<meta name="author" content="By Jane Doe and John Smith">
<meta property="article:published_time" content="2014-06-14T09:30:00+00:00">
<link rel="canonical" href="https://www.harbourgazette.example/2014/06/14/pier-closed">
"""


@pytest.fixture(autouse=True)
def quiet_trafilatura(caplog):
    """trafilatura logs every discarded page; the tests provoke many on purpose."""
    caplog.set_level(logging.CRITICAL, logger="trafilatura")


def test_body_keeps_the_article_and_drops_navigation_sidebar_and_footer():
    result = extract_html(page(META_HEAD))
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text.split("\n\n")
    for line in BOILERPLATE:
        assert line.split(": ")[-1] not in result.text
    assert "Home" not in result.text.split("\n\n")


def test_metadata_comes_from_meta_tags():
    result = extract_html(page(META_HEAD), url="https://www.harbourgazette.example/p?id=1")
    assert result.title == "Storm damage keeps northern pier closed"
    assert result.authors == ["Jane Doe", "John Smith"]
    assert result.published == "2014-06-14T09:30:00+00:00"
    assert result.outlet == "The Harbour Gazette"
    assert result.url == "https://www.harbourgazette.example/2014/06/14/pier-closed"


def test_metadata_from_json_ld_with_several_authors():
    head = """<title>Storm damage keeps northern pier closed</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Storm damage keeps northern pier closed", "datePublished": "2014-06-14",
 "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Smith"}],
 "publisher": {"@type": "Organization", "name": "The Harbour Gazette"}}</script>"""
    result = extract_html(page(head))
    assert result.authors == ["Jane Doe", "John Smith"]
    assert result.published == "2014-06-14"
    assert result.outlet == "The Harbour Gazette"


def test_midnight_timestamp_is_kept_as_a_date():
    head = '<meta property="article:published_time" content="2014-06-14T00:00:00">'
    assert extract_html(page(head)).published == "2014-06-14"


def test_without_site_name_or_canonical_the_url_argument_gives_outlet_and_url():
    url = "https://www.harbourgazette.example/2014/06/14/pier-closed"
    result = extract_html(page("<title>Storm damage keeps northern pier closed</title>"), url=url)
    assert result.url == url
    assert result.outlet == "harbourgazette.example"
    assert result.authors == []


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
        ("Jane Doe, John Smith", ["Jane Doe", "John Smith"]),
        ("Jane Doe; jane.doe@harbourgazette.example", ["Jane Doe"]),
        ("Analysis by Jane Doe", ["Jane Doe"]),
        ("JANE DOE", ["Jane Doe"]),
        ("Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Jane Doe Monday, June 16", ["Jane Doe"]),
        ("Theresa May", ["Theresa May"]),
        ("Jane Doe; The Harbour Gazette", ["Jane Doe"]),
        ("Harbour Gazette Sport", []),
        ("Jane Doe; harbourgazette.example", ["Jane Doe"]),
        ("Jane Doe and jane doe", ["Jane Doe"]),
        (None, []),
    ],
)
def test_split_authors(byline, expected):
    outlet, url = "The Harbour Gazette", "https://www.harbourgazette.example/a"
    assert split_authors(byline, outlet, url) == expected


def test_script_in_title_and_body_is_not_text():
    head = "<title>Pier closed <script>alert('title')</script></title>"
    script = "<script>var tracker = 'inline code';</script>"
    article = f"<p>{PARAGRAPHS[0]}</p>{script}<p>{PARAGRAPHS[1]}</p>"
    result = extract_html(page(head, article, headline=""))
    assert result.title == "Pier closed"
    assert "alert" not in result.text and "inline code" not in result.text
    assert PARAGRAPHS[1] in result.text


def test_unclosed_tags_still_yield_the_text():
    html = f"<html><body><div><p>{PARAGRAPHS[0]}<p>{PARAGRAPHS[1]}<div><p><i>{PARAGRAPHS[2]}"
    result = extract_html(html)
    assert all(paragraph in result.text for paragraph in PARAGRAPHS[:3])


def test_fragment_without_html_element_is_read():
    result = extract_html(f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>")
    assert result.text == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n",
        "<html><head><title>x</title></head><body></body></html>",
        "<html><body><script>var a = 1;</script></body></html>",
    ],
)
def test_page_without_text_raises(html):
    with pytest.raises(HtmlExtractionError):
        extract_html(html)


def test_garbage_gives_text_or_extraction_error_only():
    pieces = ["<html>", "</html>", "<body>", "<p>", "</div>", "<script>", "</title>", "<!--",
              "<![CDATA[", "&#0;", "\x00", "\ufeff", "<table><tr><td>", "The pier is closed. ",
              "<?xml version='1.0'?>", "<html/>", "<link rel='canonical' href='http://[::1'>",
              "<script type='application/ld+json'>{\"datePublished\": [[",
              "<meta property='article:published_time' content='2014-06-14T25:61:00'>"]
    rng = random.Random(7)
    for _ in range(150):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        try:
            assert isinstance(extract_html(html, url="http://[broken"), HtmlPage)
        except HtmlExtractionError:
            pass


def _load_benchmark_module():
    path = REPO / "bench" / "extraction_eval.py"
    spec = importlib.util.spec_from_file_location("extraction_eval", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["extraction_eval"] = module
    spec.loader.exec_module(module)
    return module


def test_benchmark_metric_matches_hand_counts():
    bench = _load_benchmark_module()
    same = bench.page_counts("one two three four five", "one two three four five")
    assert (same.tp, same.fp, same.fn) == (1.0, 0.0, 0.0)
    # truth has shingles (a b c d), (b c d e); the prediction shares the first only
    half = bench.page_counts("a b c d e", "a b c d")
    assert (half.tp, half.fp, half.fn) == (0.5, 0.0, 0.5)
    scores = bench.corpus_scores([same, half, bench.page_counts("a b c d", "")])
    assert scores["precision"] == 1.0  # an empty prediction only costs recall
    assert scores["recall"] == pytest.approx((1 + 0.5 + 0) / 3)


@pytest.mark.skipif(not BENCHMARK.is_dir(), reason="../shared benchmark data is missing")
def test_extraction_quality_on_first_benchmark_pages():
    bench = _load_benchmark_module()
    pages = bench.load_pages(BENCHMARK, limit=10)
    extractor = bench.newsprism_extractor(bench.DEFAULT_OPTIONS)
    result = bench.evaluate("extract_html", extractor, pages, rounds=0)
    assert result.pages == 10 and result.failures == 0
    assert result.f1 > 0.8
