"""Stories compared end to end: the claims, stances, contradictions and omissions that
`newsprism analyze` stores, checked against the designed facts of the bundled sample
corpus (newsprism/samples/expected.json) and against the seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsprism
from conftest import SAMPLES, newsprism as run_cli

EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


def ref_of(article) -> str:
    path = Path(article.source.split(":")[0])
    return f"corpus/{path.name}#{article.id}" if path.suffix == ".jsonl" else f"corpus/{path.name}"


@pytest.fixture(scope="module")
def sample(demo_db):
    corpus = newsprism.Corpus(demo_db)
    refs = {a.id: ref_of(a) for a in corpus.articles()}
    story_id = corpus.stories()[0].id
    yield corpus, refs, corpus.story(story_id)
    corpus.close()


def contradiction(kind: str) -> dict:
    return next(c for c in EXPECTED["contradictions"] if c["kind"] == kind)


def stance_refs(claim, refs, stances) -> set[str]:
    return {refs[m.article_id] for m in claim.mentions if m.stance in stances}


def test_sent_and_denied_warships_are_a_polarity_contradiction(sample):
    corpus, refs, view = sample
    designed = contradiction("polarity")
    sent, denied = set(designed["sides"][0]["refs"]), set(designed["sides"][1]["refs"]) | set(designed["reports_both"])
    found = [c for c in view.claims if "polarity" in c.contradictions
             and len(stance_refs(c, refs, {"asserts", "reports"}) & sent) >= 2]
    assert found, [c.summary for c in view.claims if c.status == "contested"]
    deniers = stance_refs(found[0], refs, {"denies"})
    assert deniers and deniers <= denied
    assert found[0].status == "contested"


def assert_number_contradiction(sample, designed: dict):
    """The claim holding both designed figures is contested, each article on its own side."""
    corpus, refs, view = sample
    sides = {side["value"]: set(side["refs"]) for side in designed["sides"]}
    claim = next(c for c in view.claims if "number" in c.contradictions
                 and {m.value for m in c.mentions} >= set(sides))
    for mention in claim.mentions:
        if mention.value in sides:
            assert refs[mention.article_id] in sides[mention.value], mention
    assert claim.status == "contested"


def test_forty_and_twelve_fishermen_are_a_number_contradiction(sample):
    assert_number_contradiction(sample, contradiction("number"))


def test_crowd_of_300_and_nearly_1000_is_a_number_contradiction(sample):
    designed = next(c for c in EXPECTED["contradictions"] if c["kind"] == "number" and c["sides"][1]["value"] == 1000)
    assert_number_contradiction(sample, designed)


def test_who_accused_whom_is_a_swapped_roles_contradiction(sample):
    corpus, refs, view = sample
    countries = {a.id: a.country for a in corpus.actors()}
    swapped = [c for c in view.claims if "swapped_roles" in c.contradictions]
    accusers = {countries.get(c.subject_id) for c in swapped}
    accused = {countries.get(c.object_id) for c in swapped}
    assert {"SLV", "HND"} <= accusers and {"SLV", "HND"} <= accused
    assert all(c.type == "ACCUSE" and c.status == "contested" for c in swapped)


def leaves_out(view, refs, ref: str, keyword: str) -> bool:
    omitted = {refs[a]: claims for a, claims in view.omitted.items()}[ref]
    return any(keyword in m.text for c in omitted for m in c.mentions)


def test_will_and_will_not_release_is_a_modality_contradiction(sample):
    corpus, refs, view = sample
    designed = contradiction("modality")
    released, held = set(designed["sides"][0]["refs"]), set(designed["sides"][1]["refs"])
    assert any("modality" in c.contradictions and stance_refs(c, refs, {"asserts", "reports"}) & released
               and stance_refs(c, refs, {"denies"}) & held for c in view.claims)


def test_the_outlet_that_leaves_out_the_wounded_deckhand(sample):
    corpus, refs, view = sample
    designed = EXPECTED["omissions"][0]
    assert all(leaves_out(view, refs, ref, designed["keyword"]) for ref in designed["missing_from"])


def test_no_outlet_that_carries_the_wounded_deckhand_is_said_to_leave_it_out(sample):
    corpus, refs, view = sample
    designed = EXPECTED["omissions"][0]
    assert not any(leaves_out(view, refs, ref, designed["keyword"]) for ref in designed["carried_by"])


def test_a_claim_only_one_outlet_carries(sample):
    corpus, refs, view = sample
    designed = EXPECTED["single_source_claims"][0]
    claim = next(c for c in view.claims if designed["keyword"] in c.summary)
    assert claim.status == "single-source" and {refs[m.article_id] for m in claim.mentions} == {designed["ref"]}


def test_the_lighthouse_story_has_no_contested_claims(sample):
    corpus, refs, view = sample
    other = [s for s in corpus.stories() if s.id != view.story_id]
    assert len(other) == 1 and corpus.claims(other[0].id, contested=True) == []


def test_timeline_and_relations_come_from_the_story_events(sample):
    corpus, refs, view = sample
    assert view.timeline and all(e.date[:4] == "2025" for e in view.timeline)
    conflict = [r for r in view.relations if {r.actor_a, r.actor_b} == {"el-salvador", "honduras"}]
    assert conflict and all(r.conflict > r.cooperation for r in conflict)


def test_seed_troop_deployment_and_cooperation_are_contested(seeds_db):
    corpus = newsprism.Corpus(seeds_db)
    try:
        [story] = corpus.stories()
        claims = corpus.claims(story.id)
    finally:
        corpus.close()
    deployment = [c for c in claims if c.type == "MOBILIZE" and c.subject_id == "iran" and c.object_id == "iraq"]
    assert deployment and deployment[0].status == "contested"
    stances = {m.stance for m in deployment[0].mentions}
    assert {"denies", "reports"} <= stances
    assert any(m.source == "the-guardian" for m in deployment[0].mentions if m.stance == "reports")
    cooperation = [c for c in claims if c.type == "COOPERATE" and {c.subject_id, c.object_id} == {"iran", "united-states"}]
    assert cooperation and cooperation[0].status == "contested"
    armed = [c for c in claims if c.type == "AID" and c.subject_id == "united-states" and c.object_id == "islamic-state"]
    assert armed and all(c.status == "single-source" for c in armed)
    false_contests = [c.summary for c in claims if c.status == "contested" and c not in (deployment[0], cooperation[0])]
    assert false_contests == []  # e.g. a plan to prevent ISIS's takeover is no denial of the takeover


def test_story_claims_timeline_and_relations_commands(demo_db, tmp_path):
    story_id = newsprism.Corpus(demo_db).stories()[0].id
    shown = run_cli("story", story_id, "--db", str(demo_db))
    assert shown.returncode == 0, shown.stderr
    assert "Contested claims" in shown.stdout and "denies" in shown.stdout and "Left out" in shown.stdout
    contested = run_cli("claims", "--db", str(demo_db), "--contested", "--format", "json")
    rows = [json.loads(line) for line in contested.stdout.splitlines()]
    assert rows and all(row["status"] == "contested" for row in rows)
    timeline = run_cli("timeline", story_id, "--db", str(demo_db), "--format", "csv")
    assert timeline.returncode == 0 and "2025-04-07" in timeline.stdout
    graph = tmp_path / "actors.graphml"
    relations = run_cli("relations", story_id, "--db", str(demo_db), "-o", str(graph))
    assert relations.returncode == 0 and "el-salvador" in relations.stdout
    assert graph.read_text(encoding="utf-8").startswith("<?xml") and "<edge" in graph.read_text(encoding="utf-8")
    missing = run_cli("story", "no-such-story", "--db", str(demo_db))
    assert missing.returncode != 0 and "no story with id 'no-such-story'" in missing.stderr


def test_exclusives_give_every_outlet_its_share_earliest_first():
    from newsprism.records import Claim, ClaimMention
    from newsprism.report.terminal import _exclusives

    def claim(article: str, start: int, summary: str, status: str = "single-source") -> Claim:
        return Claim(f"s:{article}{start}", "s", summary, None, None,
                     [ClaimMention(article, "asserts", start, start + 10, summary)], status, "ASSAULT", [], 1)

    claims = [claim("a", 500 + n, f"A{n:02d} late") for n in range(20)] + [claim("a", 10, "Z early")]
    claims += [claim("b", 300, "B later"), claim("b", 20, "B first"), claim("b", 5, "B shared", "consensus")]
    shown = _exclusives(claims, {"a": "Alpha", "b": "Beta"}, limit=6)
    assert shown == [("Alpha", "Z early"), ("Alpha", "A00 late"), ("Alpha", "A01 late"),
                     ("Beta", "B first"), ("Beta", "B later")]
