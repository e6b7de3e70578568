"""Stories through the whole pipeline: the sample corpus, the seeds, incremental runs, bad input."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

import newsprism
from newsprism import runner
from newsprism.config import Settings
from newsprism.runner import analyze
from newsprism.store import Store
from newsprism.story.quotes import hash_key
from newsprism.story.claims import claim_units
from newsprism.story.stories import StoryIndex, StoryParams, article_vector, happening_weekday

SAMPLES = Path(__file__).resolve().parents[1] / "newsprism" / "samples"


def run(paths: list[Path], db: Path):
    return analyze([str(p) for p in paths], db, Settings(progress=False, processes=1))


def grouping(db: Path) -> set[frozenset[str]]:
    corpus = newsprism.Corpus(db)
    try:
        return {frozenset(story.article_ids) for story in corpus.stories()}
    finally:
        corpus.close()


def weekday_profiles(db: Path) -> dict[frozenset[str], list[int]]:
    """Each story's weekday counts as stored, checked against its articles' own."""
    with Store(db, read_only=True) as store:
        states = store.story_states()
        articles = {a.id: a for s in states for a in store.articles_of(s.article_ids)}
    for state in states:
        named = [happening_weekday(articles[i].title, articles[i].text) for i in state.article_ids]
        assert state.weekdays == [sum(day == weekday for day in named) for weekday in range(7)]
    return {frozenset(state.article_ids): state.weekdays for state in states}


def ref_of(article) -> str:
    """The expected.json reference of a stored sample article."""
    path = Path(article.source.split(":")[0])
    relative = f"corpus/{path.name}"
    return f"{relative}#{article.id}" if path.suffix == ".jsonl" else relative


@pytest.fixture(scope="module")
def sample_db(demo_db) -> Path:
    return demo_db


def test_sample_corpus_stories_are_the_designed_ones(sample_db):
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
    corpus = newsprism.Corpus(sample_db)
    refs = {a.id: ref_of(a) for a in corpus.articles()}
    stories = corpus.stories()
    corpus.close()
    found = {frozenset(refs[i] for i in story.article_ids) for story in stories}
    assert found == {frozenset(story["refs"]) for story in expected["stories"]}
    biggest = stories[0]
    assert biggest.title in {expected["articles"][refs[i]]["title"] for i in biggest.article_ids}


def test_the_seed_articles_are_one_story(seeds_db):
    corpus = newsprism.Corpus(seeds_db)
    stories = corpus.stories()
    titles = {a.title for a in corpus.articles()}
    corpus.close()
    assert len(stories) == 1 and len(stories[0].article_ids) == 5
    assert stories[0].title in titles


def test_analysing_in_two_runs_gives_the_same_stories(sample_db, tmp_path):
    files = sorted((SAMPLES / "corpus").iterdir())
    db = tmp_path / "halves.duckdb"
    first = run(files[: len(files) // 2], db)
    second = run(files[len(files) // 2 :], db)
    assert grouping(db) == grouping(sample_db)
    assert weekday_profiles(db) == weekday_profiles(sample_db)  # the resumed stories kept their weekdays
    # The second run joined stored stories or opened new ones; it reports only what it touched.
    assert set(second.touched_story_ids) <= {s for g in [first.touched_story_ids, second.touched_story_ids] for s in g}
    corpus = newsprism.Corpus(db)
    joined = {s.id for s in corpus.stories()} & set(first.touched_story_ids) & set(second.touched_story_ids)
    corpus.close()
    assert joined, "the second half should join a story the first half opened"
    again = run(files, db)
    assert again.stored == 0 and again.touched_story_ids == []


def test_bad_and_empty_articles_do_not_break_story_assignment(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for name in ("meridian-herald-gulf-fonseca.html", "daily-klaxon-gunboat-grab.txt"):
        shutil.copy(SAMPLES / "corpus" / name, batch / name)
    records = [
        {"id": "no-text", "title": "Only a title", "text": ""},
        {"id": "symbols", "text": "— … ¶ ★ ★ ★"},
        {"id": "tiny", "text": "Harbour."},
    ]
    (batch / "odd.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n", encoding="utf-8")
    db = tmp_path / "bad.duckdb"
    summary = run([batch], db)
    assert not summary.ok  # the broken line and the empty text are reported ...
    corpus = newsprism.Corpus(db)
    stored = {a.id for a in corpus.articles()}
    stories = corpus.stories()
    corpus.close()
    # ... and every stored article is in exactly one story; the two real ones share theirs.
    members = [i for story in stories for i in story.article_ids]
    assert sorted(members) == sorted(stored)
    fonseca = [s for s in stories if len(s.article_ids) == 2]
    assert len(fonseca) == 1 and not {"symbols", "tiny"} & set(fonseca[0].article_ids)


def test_story_vectors_are_made_of_the_sentences_the_compare_stage_embeds(sample_db):
    with Store(sample_db, read_only=True) as store:
        ids = [row[0] for row in store.con.execute("SELECT id FROM articles").fetchall()]
        articles, analyses = store.articles_of(ids), store.analyses_of(ids)
        units = {a.id: claim_units(a, analyses[a.id]) for a in articles}
        keys = {hash_key(u.claim_text) for article_units in units.values() for u in article_units}
        embedded = {row[0] for row in store.con.execute("SELECT key FROM text_vectors").fetchall()}
        cached = store.text_vectors(sorted(keys))
        stored = dict(store.con.execute("SELECT article_id, vector FROM article_vectors").fetchall())
    # The compare stage found every sentence it needed already embedded by the story stage.
    assert embedded == keys
    for article_id, article_units in units.items():
        expected = article_vector(np.stack([cached[hash_key(u.claim_text)] for u in article_units]),
                                  [u.headline for u in article_units], StoryParams().headline_weight)
        assert np.allclose(stored[article_id], expected, atol=1e-5)


def test_a_merge_in_a_later_run_leaves_one_consistent_story_and_recompares_it(tmp_path, monkeypatch):
    files = sorted((SAMPLES / "corpus").iterdir())
    db = tmp_path / "merge.duckdb"
    first = run(files[: len(files) // 2], db)
    # A merge threshold nothing stays under: every touched story merges with its candidates.
    monkeypatch.setattr(runner, "StoryIndex", functools.partial(StoryIndex, StoryParams(merge_threshold=-10.0)))
    second = run(files[len(files) // 2 :], db)
    assert second.ok and second.merged_stories
    [kept] = set(second.merged_stories.values())
    assert set(second.merged_stories) <= set(second.touched_story_ids) and kept in second.touched_story_ids
    with Store(db, read_only=True) as store:
        count = lambda sql: store.con.execute(sql).fetchone()[0]  # noqa: E731
        stored = count("SELECT count(*) FROM articles")
        assert count("SELECT count(DISTINCT story_id) FROM story_articles") == 1
        assert count("SELECT count(*) FROM story_articles") == stored
        assert store.con.execute("SELECT id FROM stories").fetchall() == [(kept,)]
        assert store.con.execute("SELECT story_id FROM story_state").fetchall() == [(kept,)]
        assert len(store.story_article_ids(kept)) == stored
        # The merged-away stories' claims are gone; the merged story's were computed anew.
        assert {row[0] for row in store.con.execute("SELECT DISTINCT story_id FROM claims").fetchall()} == {kept}
        assert count("SELECT count(*) FROM framings WHERE story_id IS DISTINCT FROM '%s'" % kept) == 0
    assert set(first.touched_story_ids) - {kept} <= set(second.merged_stories)
