"""The HTML report: self-contained, agrees with the database, hostile text stays text."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from conftest import HOSTILE_BODY_MARKUP, HOSTILE_TITLE, rows
from newsprism.report.views import Highlight, segments, word_changes



@pytest.fixture(scope="module")
def report(report_db, tmp_path_factory) -> tuple[Path, str]:
    output = tmp_path_factory.mktemp("report") / "report.html"
    result = subprocess.run([sys.executable, "-m", "newsprism", "report", "--db", str(report_db), "-o", str(output)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wrote" in result.stdout
    return output, output.read_text(encoding="utf-8")


def biggest_story(db: Path) -> str:
    return rows(db, "SELECT id FROM stories ORDER BY len(article_ids) DESC, id LIMIT 1")[0][0]


def test_segments_flatten_overlapping_highlights():
    text = "Ruiz said Honduras sent ships."
    spans = [Highlight("quote", 10, 29, "q", "q1"), Highlight("actor", 0, 4, "a"), Highlight("actor", 10, 18, "b"),
             Highlight("event", 10, 29, "e", "e1")]
    pieces = segments(text, spans)
    assert "".join(p.text for p in pieces) == text
    by_text = {p.text: p for p in pieces}
    assert by_text["Ruiz"].kinds == ("actor",)
    assert by_text["Honduras"].kinds == ("actor", "event", "quote") and by_text["Honduras"].anchors == ("q1", "e1")
    assert by_text[" sent ships"].kinds == ("event", "quote") and by_text[" sent ships"].anchors == ()
    assert set(by_text[" sent ships"].covers) == {"q1", "e1"}
    assert by_text[" said "].kinds == () and by_text["."].kinds == ()


def test_word_changes_mark_only_the_differing_words():
    marked = word_changes("we will not back down", "We will never back down now")
    assert [w for w, changed in marked if changed] == ["never", "now"]
    assert all(not changed for _, changed in word_changes("same words", "same words"))


def test_report_is_self_contained(report):
    _, html = report
    page = lxml.html.fromstring(html)
    assert not page.xpath("//script[@src] | //link | //img | //iframe | //object | //embed")
    [csp] = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "http" not in csp
    [script] = page.xpath("//script/text()")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in csp  # the one inline script is the only one allowed to run
    assert "src=\"http" not in html and "url(" not in html


def test_report_story_agrees_with_the_database(report, report_db):
    _, html = report
    story_id = biggest_story(report_db)
    section = lxml.html.fromstring(html).get_element_by_id(f"s/{story_id}")
    claims = rows(report_db, "SELECT id, status, summary, len(mentions) FROM claims WHERE story_id = ?", [story_id])
    table = section.xpath(".//table[contains(@class, 'matrix')]")[0]
    claim_rows = table.xpath("./tbody/tr")
    assert len(claim_rows) == len(claims)
    assert sorted(r.get("data-status") for r in claim_rows) == sorted(status for _, status, _, _ in claims)
    assert len(table.xpath(".//button[contains(@class, 'mark')]")) == sum(n for *_, n in claims)
    statuses = [r.get("data-status") for r in claim_rows]
    assert statuses == sorted(statuses, key=lambda s: s != "contested")  # contested first
    article_ids = rows(report_db, "SELECT unnest(article_ids) FROM stories WHERE id = ?", [story_id])
    assert len(table.xpath("./thead/tr/th")) == 1 + len(article_ids)
    for (article_id,) in article_ids:  # every article of the story has its own view
        assert lxml.html.fromstring(html).get_element_by_id(f"a/{article_id}") is not None


def test_evidence_marks_point_at_the_stored_sentences(report, report_db):
    _, html = report
    story_id = biggest_story(report_db)
    page = lxml.html.fromstring(html)
    stored = {(m["article_id"], m["text"]) for (mentions,) in rows(report_db, "SELECT mentions FROM claims WHERE story_id = ?",
                                                                    [story_id]) for m in mentions}
    marks = page.get_element_by_id(f"s/{story_id}").xpath(".//button[contains(@class, 'mark') and @data-href]")
    assert marks
    for mark in marks:
        href = mark.get("data-href")
        assert href.startswith("#")
        target = page.get_element_by_id(href[1:])  # an anchor inside the article's view
        article_id = target.xpath("ancestor-or-self::section[contains(@class, 'view')]")[0].get("id").removeprefix("a/")
        text = mark.get("data-text").removeprefix("Headline: ")
        assert (article_id, text) in stored


def test_hostile_article_is_escaped_everywhere(report):
    _, html = report
    assert HOSTILE_TITLE not in html and HOSTILE_BODY_MARKUP not in html
    assert "<svg onload" not in html and "alert('author')</script>" not in html and "javascript:alert" not in html.split(
        'id="a/hostile-1"')[0]
    page = lxml.html.fromstring(html)
    section = page.get_element_by_id("a/hostile-1")
    assert section.xpath("string(.//h1)") == HOSTILE_TITLE  # shown as text
    assert HOSTILE_BODY_MARKUP in section.xpath("string(.//div[@class='article-text'])")
    assert not section.xpath(".//a[starts-with(@href, 'javascript')]")  # the URL is shown, not linked
    assert len(page.xpath("//script")) == 1


def test_report_of_one_story_and_unknown_story(report_db, tmp_path):
    story_id = biggest_story(report_db)
    output = tmp_path / "one.html"
    ok = subprocess.run([sys.executable, "-m", "newsprism", "report", "--db", str(report_db), "-o", str(output),
                         "--story", story_id], capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    page = lxml.html.fromstring(output.read_text(encoding="utf-8"))
    assert len(page.xpath("//section[contains(@class, 'story')]")) == 1
    assert page.get_element_by_id("a/hostile-1", None) is None
    bad = subprocess.run([sys.executable, "-m", "newsprism", "report", "--db", str(report_db), "-o", str(tmp_path / "x.html"),
                          "--story", "no-such-story"], capture_output=True, text=True, timeout=300)
    assert bad.returncode != 0 and "no-such-story" in bad.stderr

