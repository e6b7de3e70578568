"""The bundled sample corpus is well formed and agrees with its designed-facts key."""

from __future__ import annotations

import json
from datetime import date, datetime
from difflib import SequenceMatcher
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "newsprism" / "samples"
CORPUS = SAMPLES / "corpus"
JSONL_FIELDS = {"id": str, "title": str, "url": str, "outlet": str, "published": str, "authors": list, "text": str}


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    """Raw text of every article ref: a whole file, or the `text` of one jsonl record."""
    by_ref = {}
    for path in sorted(CORPUS.iterdir()):
        rel = path.relative_to(SAMPLES).as_posix()
        if path.suffix == ".jsonl":
            for record in jsonl_records(path):
                by_ref[f"{rel}#{record['id']}"] = record["text"]
        else:
            by_ref[rel] = path.read_text(encoding="utf-8")
    return by_ref


def jsonl_records(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def refs_in(value) -> set[str]:
    """Every article ref mentioned anywhere in a piece of expected.json, keys included."""
    if isinstance(value, str):
        return {value} if value.startswith("corpus/") else set()
    if isinstance(value, dict):
        return set().union(*(refs_in(k) | refs_in(v) for k, v in value.items()))
    if isinstance(value, list):
        return set().union(*(refs_in(v) for v in value))
    return set()


def snippets_in(value):
    """(ref, text) pairs for every record of expected.json that says a ref contains a text."""
    if isinstance(value, dict):
        if isinstance(value.get("ref"), str) and isinstance(value.get("text"), str):
            yield value["ref"], value["text"]
        for child in value.values():
            yield from snippets_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from snippets_in(child)


def main_story_refs(expected: dict) -> list[str]:
    return max(expected["stories"], key=lambda story: len(story["refs"]))["refs"]


def test_every_sample_file_is_utf8():
    files = [p for p in SAMPLES.rglob("*") if p.is_file()]
    assert len(files) >= 8
    for path in files:
        path.read_bytes().decode("utf-8")


def test_corpus_mixes_formats():
    suffixes = [p.suffix for p in CORPUS.iterdir()]
    assert suffixes.count(".txt") >= 3
    assert suffixes.count(".html") >= 2
    assert suffixes.count(".jsonl") >= 1


def test_jsonl_records_have_required_fields():
    for path in CORPUS.glob("*.jsonl"):
        records = jsonl_records(path)
        assert 2 <= len(records) <= 3
        assert len({r["id"] for r in records}) == len(records)
        for record in records:
            for name, kind in JSONL_FIELDS.items():
                assert isinstance(record.get(name), kind), (path.name, name)
            assert record["text"].strip()
            datetime.fromisoformat(record["published"])


def test_html_pages_are_full_pages_with_an_article():
    for path in CORPUS.glob("*.html"):
        html = path.read_text(encoding="utf-8").lower()
        for marker in ("<head", "<article", "</article>", "og:site_name", "article:published_time", "cookie"):
            assert marker in html, (path.name, marker)


def test_expected_covers_exactly_the_articles_on_disk(expected, texts):
    assert set(expected["articles"]) == set(texts)


def test_expected_refers_only_to_known_articles(expected):
    assert refs_in(expected) <= set(expected["articles"])


def test_expected_metadata_is_well_typed(expected, texts):
    for ref, meta in expected["articles"].items():
        date.fromisoformat(meta["published"])
        assert meta["authors"] and all(isinstance(a, str) for a in meta["authors"])
        if meta["format"] != "jsonl":
            assert meta["title"] in texts[ref], ref
            assert meta["outlet"] in texts[ref], ref


def test_jsonl_metadata_matches_expected(expected):
    for path in CORPUS.glob("*.jsonl"):
        for record in jsonl_records(path):
            meta = expected["articles"][f"{path.relative_to(SAMPLES).as_posix()}#{record['id']}"]
            assert meta["title"] == record["title"]
            assert meta["outlet"] == record["outlet"]
            assert meta["authors"] == record["authors"]
            assert meta["published"] == record["published"][:10]


def test_main_story_has_six_or_more_outlets(expected):
    outlets = {expected["articles"][ref]["outlet"] for ref in main_story_refs(expected)}
    assert len(outlets) >= 6


def test_stories_partition_the_articles(expected):
    grouped = [ref for story in expected["stories"] for ref in story["refs"]]
    assert len(expected["stories"]) >= 2
    assert sorted(grouped) == sorted(expected["articles"])


def test_every_designed_snippet_occurs_in_its_article(expected, texts):
    pairs = list(snippets_in(expected))
    assert len(pairs) > 50
    missing = [(ref, text) for ref, text in pairs if text not in texts[ref]]
    assert not missing


def test_cited_sources_appear_as_written(expected, texts):
    for ref, cited in expected["cited_sources"].items():
        for source in cited:
            for surface in source["as_written"]:
                assert surface in texts[ref], (ref, surface)


def test_near_duplicates_are_near_but_not_equal(expected, texts):
    for first, second in expected["near_duplicate_pairs"]:
        ratio = SequenceMatcher(None, texts[first], texts[second], autojunk=False).ratio()
        assert 0.8 < ratio < 1.0, (first, second, ratio)


def test_second_story_is_unlike_the_main_story(expected, texts):
    main = main_story_refs(expected)
    others = [ref for ref in expected["articles"] if ref not in main]
    main_words = {w.lower() for ref in main for w in texts[ref].split() if len(w) > 6}
    for ref in others:
        words = {w.lower() for w in texts[ref].split() if len(w) > 6}
        assert len(words & main_words) / len(words) < 0.3, ref


def test_omissions_and_single_source_claims_hold(expected, texts):
    for omission in expected["omissions"]:
        assert all(omission["keyword"] in texts[ref] for ref in omission["carried_by"])
        assert not any(omission["keyword"] in texts[ref] for ref in omission["missing_from"])
    for claim in expected["single_source_claims"]:
        holders = [ref for ref, text in texts.items() if claim["keyword"] in text]
        assert holders == [claim["ref"]]


def test_main_story_articles_have_realistic_length(expected, texts):
    for ref in main_story_refs(expected):
        if expected["articles"][ref]["format"] != "html":
            assert 350 <= len(texts[ref].split()) <= 700, ref
