"""Claims told apart and joined: headlines as evidence for the body claim they state,
claims that share their sentences, the statement generated from a claim's records, and
the user's claim word file (invented articles; records as the analysis stage gives them)."""

from __future__ import annotations

import os

import pytest

from newsprism.analysis.pipeline import load_pipeline
from newsprism.analysis.predications import ClaimWordsError, claim_words
from newsprism.config import Settings
from newsprism.story.claims import StoryInput, build_claims
from test_claims import ACTORS, Writer, bag_of_words, claims_of, did

DETAINED = ("honduras", "COERCE", "el-salvador", "asserted", "actual", None)


def triggered_by(event, word: str) -> None:
    event.trigger, event.trigger_start = word, event.start + event.text.index(word)


def detained_fishermen(article_id: str = "a", outlet: str = "Wire", title: str | None = None) -> Writer:
    writer = Writer(article_id, outlet, title).say(
        "Honduran boats detained 40 fishermen from El Salvador near the reef.",
        events=[DETAINED], quantities=[(40, "fishermen")], actors=["honduras", "el-salvador"])
    triggered_by(writer.analysis.events[-1], "detained")
    return writer


def a_minister_spoke(article_id: str, outlet: str, title: str, **reading: bool) -> Writer:
    """An article whose body says nothing of the detention: only its headline may."""
    return Writer(article_id, outlet, title, **reading).say(
        "The minister spoke to reporters in Tegucigalpa on Tuesday.", actors=["honduras"]).say(
        "Talks between Honduras and El Salvador are planned for next week.", actors=["honduras", "el-salvador"])


def headline_mentions(claim) -> dict[str, str]:
    return {m.article_id: m.stance for m in claim.mentions if m.start is None}


def detention(claims):
    [claim] = [c for c in claims if c.type == "COERCE"]
    return claim


def test_a_headline_denying_the_body_claim_of_another_article_joins_it_and_contests_it():
    claims = claims_of(detained_fishermen(),
                       a_minister_spoke("b", "Daily", "Honduras did not detain fishermen from El Salvador",
                                        negated=True))
    claim = detention(claims)
    assert headline_mentions(claim) == {"b": "denies"}
    assert claim.status == "contested" and claim.contradictions == ["polarity"]
    assert not [c for c in claims if c is not claim and any(m.start is None for m in c.mentions)]


def test_headlines_stating_a_body_claim_join_it_rather_than_each_other():
    claims = claims_of(detained_fishermen("a", "Wire", "Honduras detains 40 fishermen from El Salvador"),
                       a_minister_spoke("b", "Daily", "Honduras detains fishermen from El Salvador at the reef"),
                       a_minister_spoke("c", "Herald", "Did Honduras detain 40 fishermen from El Salvador near the reef?",
                                        question=True))
    claim = detention(claims)
    assert headline_mentions(claim) == {"a": "asserts", "b": "asserts", "c": "questions"}
    assert claim.status == "consensus"
    headline_only = [c for c in claims if c.mentions and all(m.start is None for m in c.mentions)]
    assert headline_only == []


def test_a_headline_naming_the_actors_of_another_event_stays_apart():
    claims = claims_of(detained_fishermen(),
                       a_minister_spoke("b", "Daily", "Honduras and El Salvador plan fishing talks"),
                       a_minister_spoke("c", "Herald", "Honduras and El Salvador plan fishing talks soon"))
    assert headline_mentions(detention(claims)) == {}


def test_a_headline_close_to_a_sentence_of_two_events_joins_the_event_it_tells():
    folly = Writer("a", "Opinion", "No military cooperation between Iran and Iraq would be folly for Iran",
                   negated=True).say(
        "Any military cooperation between Iran and Iraq would be folly for Iran, which will support Honduras.",
        events=[(None, "COOPERATE", "iraq", "asserted", "hypothetical", None),
                ("iran", "SUPPORT", "honduras", "asserted", "future", None)],
        actors=["iran", "iraq", "honduras"])
    for event, trigger in zip(folly.analysis.events, ("cooperation", "support")):
        event.trigger = trigger
    backing = Writer("b", "Wire").say("Iran will support Honduras in the dispute, the ministry said.",
                                      events=[("iran", "SUPPORT", "honduras", "asserted", "future", None)],
                                      actors=["iran", "honduras"])
    claims = claims_of(folly, backing)
    cooperation, support = (next(c for c in claims if c.type == kind) for kind in ("COOPERATE", "SUPPORT"))
    assert headline_mentions(cooperation) == {"a": "denies"}
    assert headline_mentions(support) == {} and not support.contradictions  # no contest from a headline about another event


def two_events_in_one_sentence() -> Writer:
    writer = Writer("a", "Wire").say(
        "Iran sent 2000 troops to Iraq while Honduras accused El Salvador of spying.",
        events=[("iran", "MOBILIZE", "iraq", "asserted", "actual", None),
                ("honduras", "ACCUSE", "el-salvador", "asserted", "actual", None)],
        quantities=[(2000, "troops")])
    for event, trigger in zip(writer.analysis.events, ("sent", "accused")):
        triggered_by(event, trigger)
    return writer


def test_two_claims_of_one_sentence_are_told_apart_by_their_statements():
    claims = claims_of(two_events_in_one_sentence())
    deployed, accused = (next(c for c in claims if c.type == kind) for kind in ("MOBILIZE", "ACCUSE"))
    assert deployed.summary == accused.summary  # one sentence sums up both ...
    assert deployed.statement == "Iran — send forces → Iraq (2000 troops)"  # ... so each says its own
    assert accused.statement == "Honduras — accuse → El Salvador"


def test_two_records_of_one_claim_in_one_sentence_are_one_claim():
    writer = Writer("a", "Wire").say(
        "Iran sent troops and then sent more advisers, the ministry said.",
        events=[("iran", "MOBILIZE", None, "asserted", "actual", None),
                ("iran", "MOBILIZE", None, "asserted", "actual", None)])
    [claim] = [c for c in claims_of(writer) if c.type == "MOBILIZE"]
    assert len(claim.mentions) == 1


def sent_and_denied() -> tuple[Writer, Writer]:
    sent = Writer("a", "Tabloid").say("Iran has sent 2000 troops into Iraq to fight the militants.",
                                      events=[("iran", "MOBILIZE", "iraq", "asserted", "actual", None)],
                                      quantities=[(2000, "troops")])
    denied = Writer("b", "Paper").say("Rouhani dismissed reports that troops had been sent to Iraq by Iran.",
                                      events=[("hassan-rouhani", "REJECT", None, "asserted", "actual", None),
                                              ("iran", "MOBILIZE", "iraq", "negated", "actual", "hassan-rouhani")])
    triggered_by(sent.analysis.events[0], "sent")
    return sent, denied


def test_a_contested_claim_is_stated_from_its_records_and_an_uncontested_one_by_its_sentence():
    sent, denied = sent_and_denied()
    sent.say("Honduras accused El Salvador of spying on its navy.",
             events=[("honduras", "ACCUSE", "el-salvador", "asserted", "actual", None)])
    claims = claims_of(sent, denied)
    contested = next(c for c in claims if c.type == "MOBILIZE")
    assert contested.status == "contested"
    assert contested.statement == "Iran — send forces → Iraq (2000 troops)"
    other = next(c for c in claims if c.type == "ACCUSE")
    assert other.status == "single-source" and other.statement is None


def test_a_statement_says_what_is_to_happen_as_such():
    will = Writer("a", "One").say("The 12 crew members will be released on Wednesday.",
                                  quantities=[(12, "crew members")])
    will.analysis.predications.append(_release(will, "asserted"))
    wont = Writer("b", "Two").say("The crew members will not be released until fines are paid.")
    wont.analysis.predications.append(_release(wont, "negated"))
    [claim] = [c for c in claims_of(will, wont) if c.status == "contested"]
    assert claim.statement == "— will release → crew member (12 crew members)"


def _release(writer: Writer, polarity: str):
    from newsprism.records import Predication

    text = writer.article.text
    at = text.index("released")
    count = next((q for q in writer.analysis.quantities), None)
    return Predication(f"{writer.article.id}:p", writer.article.id, "release", "person", polarity, "future",
                       "released", at, at + 8, count=count.value if count else None,
                       counted=count.unit if count else None, quantity_id=count.id if count else None,
                       patient_words="crew member")


def test_a_user_word_file_extends_the_claim_words_of_the_compare_stage(tmp_path):
    mine = tmp_path / "my_claim_words.txt"
    mine.write_text("[statements]\nMOBILIZE = deploy\n", encoding="utf-8")
    sent, denied = sent_and_denied()
    story = StoryInput("s", [sent.article, denied.article], {w.article.id: w.analysis for w in (sent, denied)},
                       ACTORS, claim_words((str(mine),)))
    claim = next(c for c in build_claims(story, bag_of_words) if c.type == "MOBILIZE")
    assert claim.statement == "Iran — deploy → Iraq (2000 troops)"
    assert claim_words().statements["MOBILIZE"] == "send forces"  # the bundled words are left as they were


def test_the_settings_give_the_user_word_file_to_the_predications_component(tmp_path):
    mine = tmp_path / "my_claim_words.txt"
    mine.write_text("[predicates]\nsurrender = surrender, give up\n", encoding="utf-8")
    nlp = load_pipeline(Settings(components=("newsprism_predications",), lexicon_files=(("claim-words", str(mine)),)))
    assert "surrender" in nlp.get_pipe("newsprism_predications").words.predicates
    bad = tmp_path / "bad.txt"
    bad.write_text("[nonsense]\nword\n", encoding="utf-8")
    with pytest.raises(ClaimWordsError, match=r"bad\.txt: line 1: unknown section"):
        claim_words((str(bad),))


def test_an_edited_user_word_file_is_read_again(tmp_path):
    mine = tmp_path / "my_claim_words.txt"
    mine.write_text("[statements]\nMOBILIZE = deploy\n", encoding="utf-8")
    assert claim_words((str(mine),)).statements["MOBILIZE"] == "deploy"
    mine.write_text("[statements]\nMOBILIZE = dispatch forces\n", encoding="utf-8")
    os.utime(mine, ns=(mine.stat().st_atime_ns, mine.stat().st_mtime_ns + 1_000_000_000))
    assert claim_words((str(mine),)).statements["MOBILIZE"] == "dispatch forces"


def gathered(article_id: str, outlet: str, crowd: int) -> Writer:
    """A sentence whose verb says a gathering, and whose purpose clause holds an event of another verb."""
    writer = Writer(article_id, outlet).say(
        f"About {crowd} fishermen gathered at the harbour to demand the release of the crew.",
        events=[(None, "RETREAT", "honduras", "asserted", "hypothetical", None)], actors=["honduras"],
        quantities=[(crowd, "fishermen")], predications=[did("gathered", "assemble", patient_words="fisherman")])
    triggered_by(writer.analysis.events[-1], "release")
    return writer


def test_a_claim_is_not_typed_by_an_event_of_another_verb_than_its_statement():
    [claim] = [c for c in claims_of(gathered("a", "Wire", 300), gathered("b", "Daily", 1000)) if c.status == "contested"]
    assert claim.contradictions == ["number"]  # the crowd's size
    assert claim.statement.startswith("— assemble → fisherman")
    assert claim.type is None  # no event says the gathering; "to demand the release" is not it

def test_a_claim_stated_by_a_predication_takes_the_type_of_an_event_of_the_same_verb():
    seized = Writer("a", "Wire").say("The fishermen were detained near the reef.",
                                     predications=[did("detained", "detain", counting=None, patient_words="fisherman")])
    denied = Writer("b", "Daily").say(
        "Honduras did not detain the fishermen near the reef.",
        events=[("honduras", "COERCE", None, "negated", "actual", None)], actors=["honduras"],
        predications=[did("detain", "detain", polarity="negated", counting=None, patient_words="fisherman")])
    triggered_by(denied.analysis.events[-1], "detain")
    [claim] = [c for c in claims_of(seized, denied) if c.status == "contested"]
    assert claim.statement == "— detain → fisherman"  # said from the positive sentence, which has no event
    assert claim.type == "COERCE"
