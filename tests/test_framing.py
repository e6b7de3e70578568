"""Framing: labels each article attaches to each actor, tone, and the outlets side by side."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import duckdb
import pytest
import spacy

import newsprism.analysis.pipeline  # noqa: F401  (registers the components)
from newsprism.analysis.framing import FramingFileError, FramingWords, sentiment_analyzer
from newsprism.config import Settings
from newsprism.records import ArticleAnalysis, Framing
from newsprism.store import Store
from newsprism.story.framing import framing_table, merge_framings

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "newsprism" / "samples"


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.load(Settings().model)
    pipeline.add_pipe("newsprism_actors")
    pipeline.add_pipe("newsprism_framing")
    return pipeline


def framing_of(nlp, text: str, actor_id: str) -> Framing:
    doc = nlp(text)
    found = {f.actor_id: f for f in doc._.framings}
    assert actor_id in found, (actor_id, sorted(found))
    return found[actor_id]


def labels(framing: Framing, kind: str) -> dict[str, int]:
    return {label["text"]: label["count"] for label in framing.labels if label["kind"] == kind}


# --------------------------------------------------------------------------- label kinds


def test_appositive_after_the_name(nlp):
    framing = framing_of(nlp, "Hezbollah, a U.S.-listed terrorist group, fired rockets at the border.", "hezbollah")
    assert labels(framing, "appositive") == {"U.S.-listed terrorist group": 1}


def test_appositive_naming_a_person(nlp):
    framing = framing_of(nlp, "Ali Shamkhani, Rouhani's appointee, spoke on Monday.", "ali-shamkhani")
    assert "Rouhani's appointee" in labels(framing, "appositive")


def test_appositive_loses_its_long_relative_clause(nlp):
    text = ("Honduras says it was hunting the Gulf Sharks, a gang of narco-pirates who run fuel and cocaine "
            "across the gulf under cover of darkness.")
    assert labels(framing_of(nlp, text, "gulf-sharks"), "appositive") == {"gang of narco-pirates": 1}


def test_predicate_nominal_and_its_negation(nlp):
    assert labels(framing_of(nlp, "Iran is a state sponsor of terror.", "iran"), "predicate") == {
        "state sponsor of terror": 1}
    assert labels(framing_of(nlp, "Iran is not a state sponsor of terror.", "iran"), "predicate") == {
        "not state sponsor of terror": 1}


def test_labelling_verbs_give_their_complement_without_who_applied_it(nlp):
    assert "terrorist group" in labels(framing_of(nlp, "Critics call Hamas a terrorist group.", "hamas"), "predicate")
    designated = framing_of(nlp, "Hamas was designated as a terrorist group by the European Union.", "hamas")
    assert labels(designated, "predicate") == {"terrorist group": 1}


def test_epithets_are_predicate_adjectives(nlp):
    framing = framing_of(nlp, "ISIS are neither Sunni nor Muslim.", "islamic-state")
    assert labels(framing, "epithet") == {"neither Sunni nor Muslim": 1}
    assert labels(framing_of(nlp, "The Islamic State is brutal.", "islamic-state"), "epithet") == {"brutal": 1}


def test_what_an_actor_is_able_to_do_is_no_epithet(nlp):
    assert not labels(framing_of(nlp, "Iran is able to send troops.", "iran"), "epithet")


def test_modifiers_keep_loaded_words_and_drop_nationalities(nlp):
    framing = framing_of(nlp, "Rouhani offered to help Iraq fight extremist Sunni Islamists.", "sunni-islamists")
    assert labels(framing, "modifier") == {"extremist": 1}
    regime = framing_of(nlp, "The brutal Iranian regime sent troops to the border.", "iran")
    assert labels(regime, "modifier") == {"brutal": 1}
    assert labels(regime, "description") == {"brutal regime": 1}


def test_naming_noun_before_the_name_is_a_description_with_its_modifiers(nlp):
    framing = framing_of(nlp, "The self-proclaimed caliphate Islamic State seized territory.", "islamic-state")
    assert labels(framing, "modifier") == {"self-proclaimed": 1}
    assert labels(framing, "description") == {"self-proclaimed caliphate": 1}


def test_ruling_body_named_by_its_seat(nlp):
    framing = framing_of(nlp, "The rogue regime in Tegucigalpa says it was chasing smugglers.", "honduras")
    assert labels(framing, "description") == {"rogue regime": 1}
    assert labels(framing, "modifier") == {"rogue": 1}


def test_unlinked_descriptions_and_pronouns_are_not_guessed(nlp):
    framing = framing_of(nlp, "ISIS took the city. They are brutal. The radical caliphate remains.", "islamic-state")
    assert [label["kind"] for label in framing.labels] == ["name"]


def test_names_are_counted_with_their_case(nlp):
    text = "Islamic State fighters attacked. ISIS denied it. Isis, ISIS and Daesh are one group."
    framing = framing_of(nlp, text, "islamic-state")
    assert labels(framing, "name") == {"Islamic State": 1, "ISIS": 2, "Isis": 1, "Daesh": 1}


def test_label_offsets_point_at_the_first_occurrence(nlp):
    text = "Iran is a state sponsor of terror. Critics agree: Iran is a state sponsor of terror."
    doc = nlp(text)
    [iran] = [f for f in doc._.framings if f.actor_id == "iran"]
    [predicate] = [label for label in iran.labels if label["kind"] == "predicate"]
    assert predicate["count"] == 2
    assert text[predicate["start"]:predicate["end"]] == "state sponsor of terror"
    assert predicate["end"] < text.index("Critics")
    for framing in doc._.framings:
        for label in framing.labels:
            assert text[label["start"]:label["end"]] == label["text"]


# --------------------------------------------------------------------------- tone


def test_tone_is_the_mean_vader_score_of_the_sentences_naming_the_actor(nlp):
    bad, good, other = ("Iran condemned the brutal and horrific attack.", "Iran welcomed the wonderful success.",
                        "Nobody else spoke.")
    framing = framing_of(nlp, f"{bad} {good} {other}", "iran")
    scores = [sentiment_analyzer().polarity_scores(s)["compound"] for s in (bad, good)]
    assert framing.sentences == 2
    assert framing.tone == pytest.approx(sum(scores) / 2, abs=1e-4)
    assert framing_of(nlp, bad, "iran").tone < 0 < framing_of(nlp, good, "iran").tone


# --------------------------------------------------------------------------- word lists


def test_loaded_words_come_from_the_list_and_strong_vader_words():
    words = FramingWords.load()
    assert words.is_loaded("rogue regime") and words.is_loaded("gang of narco-pirates")
    assert words.is_loaded("terrorist organisation") and words.is_loaded("Brutal")
    assert not words.is_loaded("smuggling gang") and not words.is_loaded("government")


def test_user_word_file_extends_the_lists_and_bad_files_are_named(tmp_path):
    extra = tmp_path / "mine.txt"
    extra.write_text("[loaded]\nshoal-grabbers\n", encoding="utf-8")
    assert FramingWords.load([extra]).is_loaded("the shoal-grabbers")
    bad = tmp_path / "bad.txt"
    bad.write_text("# comment\n[slurs]\nx\n", encoding="utf-8")
    with pytest.raises(FramingFileError, match=r"bad\.txt: line 2: unknown section \[slurs\]"):
        FramingWords.load([bad])
    with pytest.raises(FramingFileError, match="missing.txt"):
        FramingWords.load([tmp_path / "missing.txt"])


# --------------------------------------------------------------------------- outlets side by side


def label(text: str, kind: str, count: int, start: int = 0) -> dict:
    return {"text": text, "kind": kind, "count": count, "start": start, "end": start + len(text)}


def test_framing_table_puts_outlets_side_by_side():
    framings = [
        Framing("a1", "honduras", [label("rogue regime", "description", 2), label("Tegucigalpa", "name", 3)], -0.5, 4),
        Framing("a2", "honduras", [label("Rogue regime", "description", 1)], 0.1, 1),
        Framing("b1", "honduras", [label("government", "description", 1), label("Honduras", "name", 2)], 0.0, 2),
        Framing("c1", "gulf-sharks", [label("smuggling gang", "description", 1)], None, 0),
    ]
    table = framing_table(framings, {"a1": "Patriot", "a2": "Patriot", "b1": "Herald", "c1": None})
    assert [row.actor_id for row in table] == ["honduras", "gulf-sharks"]
    herald, patriot = table[0].outlets
    assert (herald.outlet, patriot.outlet) == ("Herald", "Patriot")
    assert patriot.articles == 2 and patriot.sentences == 5
    assert patriot.tone == pytest.approx((-0.5 * 4 + 0.1 * 1) / 5, abs=1e-4)
    assert patriot.labels[0] == {"text": "rogue regime", "kind": "description", "count": 3, "loaded": True}
    assert {"text": "Tegucigalpa", "kind": "name", "count": 3, "loaded": False} in patriot.labels
    assert herald.labels[0]["loaded"] is False
    [unknown] = table[1].outlets
    assert unknown.outlet == "unknown outlet" and unknown.tone is None


def test_merged_actor_ids_merge_their_framings():
    merged = merge_framings([
        Framing("a1", "rouhani", [label("Rouhani", "name", 2, start=50)], 0.5, 2),
        Framing("a1", "rouhani", [label("Rouhani", "name", 1, start=10), label("cleric", "appositive", 1)], -0.1, 1),
        Framing("a2", "rouhani", [], 0.0, 1),
    ])
    assert len(merged) == 2
    first = merged[0]
    assert first.sentences == 3 and first.tone == pytest.approx(0.3, abs=1e-4)
    assert first.labels[0] == {"text": "Rouhani", "kind": "name", "count": 3, "start": 10, "end": 17}


def test_framings_are_stored_with_labels_tone_and_sentences(tmp_path):
    framing = Framing("a1", "iran", [label("state sponsor of terror", "predicate", 1, start=10)], -0.53, 1)
    with Store(tmp_path / "s.duckdb") as store:
        store.save(analyses=[ArticleAnalysis("a1", framings=[framing])])
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as con:
        [(story, article, actor, labels_, tone, sentences)] = con.execute(
            "SELECT story_id, article_id, actor_id, labels, tone, sentences FROM framings").fetchall()
    assert (story, article, actor, tone, sentences) == (None, "a1", "iran", -0.53, 1)
    assert labels_ == [{"text": "state sponsor of terror", "kind": "predicate", "count": 1, "start": 10, "end": 33}]


# --------------------------------------------------------------------------- seeds and the sample corpus


def stored_framings(db: Path) -> list[tuple[str, str | None, Framing]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            """SELECT a.source, a.outlet, f.article_id, f.actor_id, f.labels, f.tone, f.sentences
               FROM framings f JOIN articles a ON a.id = f.article_id"""
        ).fetchall()
    return [(source, outlet, Framing(aid, actor, [dict(x) for x in labels_], tone, n))
            for source, outlet, aid, actor, labels_, tone, n in rows]


@pytest.fixture(scope="module")
def seed_framings(seeds_db):
    return _by_seed(stored_framings(seeds_db))


def _by_seed(rows) -> dict[str, dict[str, Framing]]:
    seeds: dict[str, dict[str, Framing]] = {}
    for source, _, framing in rows:
        seeds.setdefault(Path(source).name[:3], {})[framing.actor_id] = framing
    return seeds


def test_breitbart_calls_iran_a_state_sponsor_of_terror(seed_framings):
    assert "state sponsor of terror" in labels(seed_framings["002"]["iran"], "predicate")


def test_inquisitr_calls_the_islamic_state_self_proclaimed(seed_framings):
    # "the radical caliphate remains" is not linked to the name by the parse, so "radical" is not there
    assert "self-proclaimed" in labels(seed_framings["000"]["islamic-state"], "modifier")


def test_outlets_choose_different_names_for_the_islamic_state(seed_framings):
    favourite = {
        seed: Counter(labels(actors["islamic-state"], "name")).most_common(1)[0][0]
        for seed, actors in seed_framings.items() if "islamic-state" in actors
    }
    assert {favourite["000"], favourite["001"], favourite["002"]} == {"Islamic State", "Isis", "ISIS"}


def test_every_seed_actor_has_a_tone_from_its_sentences(seed_framings):
    for actors in seed_framings.values():
        for framing in actors.values():
            assert framing.sentences >= 1 and -1.0 <= framing.tone <= 1.0


@pytest.fixture(scope="module")
def sample_framings(demo_db):
    return stored_framings(demo_db)


def test_each_partisan_outlet_uses_a_loaded_label(sample_framings):
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))["articles"]
    partisan = {a["outlet"] for a in expected.values()
                if any(word in a["leaning"] for word in ("partisan", "state-aligned", "tabloid"))}
    assert len(partisan) == 3
    table = framing_table([f for _, _, f in sample_framings], {f.article_id: o for _, o, f in sample_framings})
    loaded = {outlet.outlet for row in table for outlet in row.outlets if any(x["loaded"] for x in outlet.labels)}
    assert partisan <= loaded


def test_the_same_actor_is_framed_differently_across_outlets(sample_framings):
    table = {row.actor_id: row for row in framing_table(
        [f for _, _, f in sample_framings], {f.article_id: o for _, o, f in sample_framings})}
    gulf_sharks = {o.outlet: o for o in table["gulf-sharks"].outlets}
    assert not any(x["loaded"] for x in gulf_sharks["The Meridian Herald"].labels)  # "a smuggling gang"
    assert any(x["loaded"] for x in gulf_sharks["Daily Klaxon"].labels)  # "a gang of narco-pirates"
    honduras = {o.outlet: o for o in table["honduras"].outlets}
    patriot = {x["text"] for x in honduras["Cuscatlán Patriot"].labels if x["loaded"]}
    herald = {x["text"] for x in honduras["The Meridian Herald"].labels if x["kind"] == "description"}
    assert "rogue regime" in patriot and herald == {"government"}
