"""The headline's own reading: the title is parsed apart from the text by the analysis
stage and read as a body sentence's own reading is (negated, hedged, a question), kept
in the database, and taken by the claims stage as the headline's stance."""

from __future__ import annotations

import json

import duckdb
import pytest

from conftest import newsprism
from newsprism.analysis.engine import analyze_chunk
from newsprism.analysis.pipeline import load_pipeline
from newsprism.config import Settings
from newsprism.records import Article, HeadlineReading

BODY = "Officials met on Tuesday to discuss the fishing dispute near the reef."


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(Settings(processes=1, progress=False))


def headline_of(nlp, title: str | None) -> HeadlineReading | None:
    [analysis] = analyze_chunk(nlp, [Article("a", "a.txt", BODY, title=title)], batch_size=1)
    return analysis.headline


@pytest.mark.parametrize("title", [
    "Honduras denies sending warships to the bank",
    "Iran did not send troops, minister says",
    "No warships were sent, Honduras says",
    "Honduras will not send warships",
])
def test_a_negative_headline_is_read_negated(nlp, title):
    assert headline_of(nlp, title) == HeadlineReading("a", negated=True)


def test_a_hedged_headline_is_read_hedged(nlp):
    assert headline_of(nlp, "Honduras allegedly sent warships to the bank") == HeadlineReading("a", hedged=True)


def test_a_headline_question_is_read_as_one(nlp):
    assert headline_of(nlp, "Did Honduras send warships to the bank?") == HeadlineReading("a", question=True)


@pytest.mark.parametrize("title", [
    "Honduras sends warships to the bank",
    # the negation belongs to "only", not to what the headline states
    "Not only troops: Honduras sends planes too",
])
def test_a_plain_headline_is_read_as_asserted(nlp, title):
    assert headline_of(nlp, title) == HeadlineReading("a")


def test_an_untitled_article_has_no_headline_reading(nlp):
    assert headline_of(nlp, None) is None


SENT = ("Honduras sent two warships to the Caracol bank on Monday, {according}. Officials in San Salvador "
        "asked Honduras to explain the deployment.")


def headline_stances(tmp_path, title: str) -> tuple[list[str], list[str]]:
    """Analyse a wire story and another outlet's with this title (two worker processes,
    so titles travel to them); the stances and contradictions of the claim holding the
    second article's headline."""
    articles = [
        {"id": "wire", "outlet": "Harbour Wire", "published": "2025-03-04",
         "title": "Honduras sent warships to the Caracol bank, fishermen say",
         "text": SENT.format(according="fishermen from El Salvador said")},
        {"id": "herald", "outlet": "Coast Herald", "published": "2025-03-04", "title": title,
         "text": SENT.format(according="according to fishermen from El Salvador")},
    ]
    corpus = tmp_path / "two.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    result = newsprism("analyze", str(corpus), "--db", str(tmp_path / "h.duckdb"), "-j", "2", "-q")
    assert result.returncode == 0, result.stdout + result.stderr
    with duckdb.connect(str(tmp_path / "h.duckdb"), read_only=True) as con:
        rows = con.execute("SELECT mentions, contradictions FROM claims").fetchall()
    [(mentions, contradictions)] = [
        (mentions, contradictions) for mentions, contradictions in rows
        if any(m["article_id"] == "herald" and m["start"] is None for m in mentions)
    ]
    return [m["stance"] for m in mentions if m["article_id"] == "herald" and m["start"] is None], contradictions


def test_a_headline_denying_what_another_outlet_says_denies_the_claim(tmp_path):
    stances, contradictions = headline_stances(tmp_path, "Honduras denies sending warships to the Caracol bank")
    assert stances == ["denies"] and contradictions == ["polarity"]


def test_a_hedged_headline_questions_the_claim(tmp_path):
    stances, contradictions = headline_stances(tmp_path, "Honduras allegedly sent warships to the Caracol bank")
    assert stances == ["questions"] and contradictions == []
