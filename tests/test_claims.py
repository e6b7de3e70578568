"""Claims, stances and contradictions from hand-made records (no model needed: the
sentence encoder is a bag of words, so only the structured rules and clear paraphrases
link). How the records are read from the parse is tested in test_predications.py."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest

from newsprism.analysis.predications import SENTENCE
from newsprism.records import Actor, Article, ArticleAnalysis, Event, HeadlineReading, Mention, Predication, Quantity
from newsprism.story.claims import StoryInput, build_claims, claim_units, omissions, sentence_spans

ACTORS = {
    "iran": Actor("iran", "Iran", "country", "IRN"),
    "iraq": Actor("iraq", "Iraq", "country", "IRQ"),
    "hassan-rouhani": Actor("hassan-rouhani", "Hassan Rouhani", "person", "IRN", role="President"),
    "honduras": Actor("honduras", "Honduras", "country", "HND"),
    "el-salvador": Actor("el-salvador", "El Salvador", "country", "SLV"),
}


def bag_of_words(texts):
    vectors = np.zeros((len(texts), 512), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in text.lower().replace(".", " ").replace(",", " ").split():
            vectors[row, zlib.crc32(word.encode()) % 512] += 1
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


class Writer:
    """Builds an article sentence by sentence, with records at the right offsets."""

    def __init__(self, article_id: str, outlet: str, title: str | None = None, duplicate_of: str | None = None,
                 **headline_reading: bool):
        """`headline_reading`: the title's reading (negated, hedged, question), as the analysis stage gives it."""
        self.article = Article(article_id, f"{article_id}.txt", "", outlet=outlet, title=title, duplicate_of=duplicate_of)
        headline = HeadlineReading(article_id, **headline_reading) if title else None
        self.analysis = ArticleAnalysis(article_id, headline=headline)

    def say(self, sentence: str, events=(), quantities=(), actors=(), predications=()) -> "Writer":
        start = len(self.article.text) + (1 if self.article.text else 0)
        self.article.text = (self.article.text + " " if self.article.text else "") + sentence
        end = start + len(sentence)
        for number, (source, kind, target, polarity, modality, attributed) in enumerate(events):
            self.analysis.events.append(Event(
                f"{self.article.id}:e{start}:{number}", self.article.id, source, kind, target, None,
                1 if kind in ("AGREE", "COOPERATE") else 2 if kind in ("AID", "MOBILIZE") else 3 if kind in ("ACCUSE", "REJECT") else 4,
                polarity, modality, attributed, None, None, sentence, start, end,
            ))
        searched = 0
        for value, unit in quantities:  # in the order they occur
            at = sentence.index(str(value), searched)
            searched = at + len(str(value))
            self.analysis.quantities.append(Quantity(
                f"{self.article.id}:q{start + at}", self.article.id, float(value), unit, None,
                f"{value} {unit}", start + at, start + at + len(str(value)),
            ))
        counts = [q for q in self.analysis.quantities if q.start >= start]
        for actor in actors:
            at = sentence.index(ACTORS[actor].name) if ACTORS[actor].name in sentence else 0
            self.analysis.mentions.append(Mention(self.article.id, actor, ACTORS[actor].name, start + at, start + at + 3, "GPE"))
        for number, predication in enumerate(predications):
            verb, predicate, patient, polarity, modality, day, counting, agent, patient_words, hedged = predication
            at = start + sentence.index(verb)
            count = counts[counting] if counting is not None and counting < len(counts) else None
            self.analysis.predications.append(Predication(
                f"{self.article.id}:p{start}:{number}", self.article.id, predicate, patient, polarity, modality,
                verb, at, at + len(verb), count=count.value if count else None, counted=count.unit if count else None,
                quantity_id=count.id if count else None, agent=agent, patient_words=patient_words, hedged=hedged,
                date=day,
            ))
        return self


def did(verb: str, predicate: str, patient: str = "person", polarity: str = "asserted", modality: str = "actual",
        day: str | None = None, counting: int | None = 0, agent: str | None = None,
        patient_words: str | None = None, hedged: bool = False) -> tuple:
    """A predication of the verb (as the predications component records it); `counting`:
    which of its sentence's quantities its patient phrase holds (the first by default)."""
    return verb, predicate, patient, polarity, modality, day, counting, agent, patient_words, hedged


def claims_of(*writers: Writer):
    story = StoryInput("s", [w.article for w in writers], {w.article.id: w.analysis for w in writers}, ACTORS)
    return build_claims(story, bag_of_words)


def claim_with(claims, kind):
    found = [c for c in claims if c.type == kind]
    assert found, [c.summary for c in claims]
    return found[0]


def test_sentences_are_split_on_their_ends():
    text = 'Iran sent troops. "We did not," he said. Mr. Smith left!\nNew paragraph'
    assert [text[s:e] for s, e in sentence_spans(text)][:2] == ["Iran sent troops.", '"We did not," he said.']


def test_a_sent_and_a_denied_deployment_are_one_contested_claim():
    sent = Writer("a", "Tabloid").say("Iran has sent 2,000 troops into Iraq to fight the militants.",
                                      events=[("iran", "MOBILIZE", "iraq", "asserted", "actual", None)])
    denied = Writer("b", "Paper").say("Rouhani dismissed reports that troops had been sent to Iraq by Iran.",
                                      events=[("hassan-rouhani", "REJECT", None, "asserted", "actual", None),
                                              ("iran", "MOBILIZE", "iraq", "negated", "actual", "hassan-rouhani")])
    claim = claim_with(claims_of(sent, denied), "MOBILIZE")
    assert claim.status == "contested" and claim.contradictions == ["polarity"]
    assert {m.article_id: m.stance for m in claim.mentions} == {"a": "asserts", "b": "denies"}
    assert claim.subject_id == "iran" and claim.object_id == "iraq"


def test_a_claim_credited_to_another_outlet_is_reported():
    reported = Writer("a", "Partisan").say("The Guardian reported that Iran had sent troops to Iraq.",
                                           events=[("iran", "MOBILIZE", "iraq", "asserted", "actual", "the-guardian")])
    stated = Writer("b", "Wire").say("Iran sent troops to Iraq on Monday.",
                                     events=[("iran", "MOBILIZE", "iraq", "asserted", "actual", None)])
    claim = claim_with(claims_of(reported, stated), "MOBILIZE")
    assert claim.status == "consensus"
    stances = {m.article_id: (m.stance, m.source) for m in claim.mentions}
    assert stances == {"a": ("reports", "the-guardian"), "b": ("asserts", None)}


def test_different_numbers_for_the_same_event_contest_it():
    forty = Writer("a", "One").say("Honduran boats detained 40 fishermen from El Salvador.",
                                   events=[("honduras", "COERCE", "el-salvador", "asserted", "actual", None)],
                                   quantities=[(40, "fishermen")])
    twelve = Writer("b", "Two").say("Honduras detained 12 fishermen, officials said.",
                                    events=[("honduras", "COERCE", "el-salvador", "asserted", "actual", None)],
                                    quantities=[(12, "fishermen")])
    claim = claim_with(claims_of(forty, twelve), "COERCE")
    assert claim.contradictions == ["number"] and claim.status == "contested"
    assert {m.article_id: m.value for m in claim.mentions} == {"a": 40.0, "b": 12.0}


def test_same_numbers_do_not_contest():
    one = Writer("a", "One").say("Honduras detained 40 fishermen at sea.", quantities=[(40, "fishermen")],
                                 events=[("honduras", "COERCE", "el-salvador", "asserted", "actual", None)])
    two = Writer("b", "Two").say("Honduran boats held 40 fishermen at sea.", quantities=[(40, "fishermen")],
                                 events=[("honduras", "COERCE", "el-salvador", "asserted", "actual", None)])
    assert claim_with(claims_of(one, two), "COERCE").status == "consensus"


def test_swapped_roles_contest_both_claims():
    one = Writer("a", "One").say("El Salvador accused Honduras of violating its waters.",
                                 events=[("el-salvador", "ACCUSE", "honduras", "asserted", "actual", None)])
    two = Writer("b", "Two").say("Honduras accused El Salvador of violating its waters.",
                                 events=[("honduras", "ACCUSE", "el-salvador", "asserted", "actual", None)])
    accusations = [c for c in claims_of(one, two) if c.type == "ACCUSE"]
    assert len(accusations) == 2
    assert all(c.contradictions == ["swapped_roles"] and c.status == "contested" for c in accusations)


def test_two_statements_of_one_sentence_are_two_claims_with_their_own_ids():
    both = Writer("a", "One").say("The minister resigned and the crews were released.", predications=[
        did("resigned", "resign", "official", counting=None), did("released", "release", "crew", counting=None)])
    other = Writer("b", "Two").say("The minister resigned on Monday.", predications=[
        did("resigned", "resign", "official", counting=None)])
    other.say("Later the crews were released.", predications=[did("released", "release", "crew", counting=None)])
    claims = claims_of(both, other)
    assert len([c for c in claims if {m.article_id for m in c.mentions} == {"a", "b"}]) == 2
    assert len({c.id for c in claims}) == len(claims)


def test_two_sides_fighting_each_other_are_no_swapped_roles():
    both = Writer("a", "One").say("Honduran boats fired on Salvadoran boats near the bank.",
                                  events=[("honduras", "ASSAULT", "el-salvador", "asserted", "actual", None)])
    both.say("Salvadoran boats fired back at the Honduran patrol.",
             events=[("el-salvador", "ASSAULT", "honduras", "asserted", "actual", None)])
    one_way = Writer("b", "Two").say("Salvadoran boats fired on a Honduran patrol near the bank.",
                                     events=[("el-salvador", "ASSAULT", "honduras", "asserted", "actual", None)])
    assert not [c for c in claims_of(both, one_way) if "swapped_roles" in c.contradictions]


def test_an_unnamed_doer_that_did_not_act_does_not_deny_a_named_one():
    named = Writer("a", "One").say("Iraq fought the militants near Mosul.",
                                   events=[("iraq", "ASSAULT", "el-salvador", "asserted", "actual", None)])
    unnamed = Writer("b", "Two").say("It is believed they will guard the embassy and not fight the militants near Mosul.",
                                     events=[(None, "ASSAULT", "el-salvador", "negated", "future", None)])
    assert not [c for c in claims_of(named, unnamed) if c.status == "contested"]


def test_a_denied_accusation_swaps_no_roles():
    one = Writer("a", "One").say("El Salvador accused Honduras of violating its waters.",
                                 events=[("el-salvador", "ACCUSE", "honduras", "asserted", "actual", None)])
    two = Writer("b", "Two").say("Honduras did not accuse El Salvador of anything.",
                                 events=[("honduras", "ACCUSE", "el-salvador", "negated", "actual", None)])
    assert not [c for c in claims_of(one, two) if "swapped_roles" in c.contradictions]


def test_a_sentence_with_two_events_of_a_claim_is_one_mention():
    one = Writer("a", "One").say("Iran sent troops to Iraq and sent advisers to Iraq.",
                                 events=[("iran", "MOBILIZE", "iraq", "asserted", "actual", None),
                                         ("iran", "MOBILIZE", "iraq", "asserted", "actual", None)])
    two = Writer("b", "Two").say("Iran sent troops to Iraq.",
                                 events=[("iran", "MOBILIZE", "iraq", "asserted", "actual", None)])
    claim = claim_with(claims_of(one, two), "MOBILIZE")
    assert sorted(m.article_id for m in claim.mentions) == ["a", "b"]


def test_a_claim_is_summed_up_by_what_happened_not_by_a_plan():
    plan = Writer("a", "One").say("Iran is offering to send troops to Iraq.",
                                  events=[("iran", "MOBILIZE", "iraq", "asserted", "future", None)])
    done = Writer("b", "Two").say("Iran has sent troops to Iraq.",
                                  events=[("iran", "MOBILIZE", "iraq", "asserted", "actual", None)])
    assert claim_with(claims_of(plan, done), "MOBILIZE").summary == "Iran has sent troops to Iraq."


def test_will_and_will_not_is_a_modality_contradiction():
    will = Writer("a", "One").say("Iran will cooperate with Iraq on security.",
                                  events=[("iran", "COOPERATE", "iraq", "asserted", "future", None)])
    wont = Writer("b", "Two").say("Iran will not cooperate with Iraq on security.",
                                  events=[("iran", "COOPERATE", "iraq", "negated", "future", None)])
    claim = claim_with(claims_of(will, wont), "COOPERATE")
    assert claim.contradictions == ["modality"]


def test_a_plan_to_prevent_what_another_outlet_says_happened_is_no_contradiction():
    seized = Writer("a", "One").say("Honduras seized the island of Conejo from El Salvador on Sunday.",
                                    events=[("honduras", "COERCE", "el-salvador", "asserted", "actual", None)],
                                    actors=["honduras", "el-salvador"])
    planned = Writer("b", "Two").say("Iran offered to help El Salvador prevent a seizure of the island of Conejo "
                                     "by Honduras.",
                                     events=[("honduras", "COERCE", "el-salvador", "negated", "future", None)],
                                     actors=["iran", "honduras", "el-salvador"])
    claim = claim_with(claims_of(seized, planned), "COERCE")
    assert {m.stance for m in claim.mentions} == {"asserts", "denies"}
    assert claim.contradictions == [] and claim.status != "contested"


def test_a_headline_question_questions_the_claim():
    asked = Writer("a", "Tabloid", title="Will Iran cooperate with Iraq on security?", question=True)
    asked.say("Officials met in Baghdad on Monday to talk about security.", actors=["iraq"])
    stated = Writer("b", "Wire").say("Iran will cooperate with Iraq on security.",
                                     events=[("iran", "COOPERATE", "iraq", "asserted", "future", None)])
    claim = claim_with(claims_of(asked, stated), "COOPERATE")
    assert {m.article_id: m.stance for m in claim.mentions} == {"a": "questions", "b": "asserts"}
    assert [m.start for m in claim.mentions if m.article_id == "a"] == [None]  # the headline


def test_a_syndicated_copy_does_not_make_a_claim_consensus():
    original = Writer("a", "Wire").say("Iran sent troops to Iraq on Monday.",
                                       events=[("iran", "MOBILIZE", "iraq", "asserted", "actual", None)])
    copy = Writer("b", "Local paper", duplicate_of="a").say("Iran sent troops to Iraq on Monday.",
                                                             events=[("iran", "MOBILIZE", "iraq", "asserted", "actual", None)])
    claim = claim_with(claims_of(original, copy), "MOBILIZE")
    assert claim.status == "single-source" and claim.outlets == 2


def test_what_most_articles_carry_and_one_leaves_out_is_its_omission():
    writers = [
        Writer(name, name.upper()).say("Iran sent troops to Iraq on Monday.",
                                       events=[("iran", "MOBILIZE", "iraq", "asserted", "actual", None)])
        for name in "abc"
    ]
    quiet = Writer("d", "D").say("Iraq held talks with Iran about the border.",
                                 events=[("iraq", "CONSULT", "iran", "asserted", "actual", None)])
    claims = claims_of(*writers, quiet)
    missing = omissions(claims, ["a", "b", "c", "d"])
    assert [c.type for c in missing["d"]] == ["MOBILIZE"]
    assert missing["a"] == [] and claim_with(claims, "CONSULT").status == "single-source"


@pytest.mark.parametrize("polarity", ["asserted", "negated"])
def test_a_denial_of_it_joins_the_claim_of_the_sentence_before(polarity):
    article = Writer("a", "Wire").say("Officers said two Honduran frigates were sent to the shoal.",
                                      events=[("honduras", "MOBILIZE", None, "asserted", "actual", "el-salvador")])
    article.say("The Honduran defence minister denied it.",
                events=[("honduras", "REJECT", None, polarity, "actual", None)])
    other = Writer("b", "Tabloid").say("Honduras sent two frigates to the shoal.",
                                       events=[("honduras", "MOBILIZE", None, "asserted", "actual", None)])
    claim = claim_with(claims_of(article, other), "MOBILIZE")
    stances = sorted(m.stance for m in claim.mentions)
    if polarity == "asserted":
        assert stances == ["asserts", "denies", "reports"] and claim.status == "contested"
    else:  # "did not deny it" is no denial
        assert "denies" not in stances


FREED_FRIDAY = "The detained sailors will be freed on Friday, officials said."
WILL_BE_FREED = did("freed", "release", modality="future")


def test_will_be_freed_and_will_not_be_released_with_no_actor_are_a_modality_contradiction():
    will = Writer("a", "One").say(FREED_FRIDAY, predications=[WILL_BE_FREED])
    wont = Writer("b", "Two").say("Those captured hostages will not be released for weeks yet.",
                                  predications=[did("released", "release", polarity="negated", modality="future")])
    [claim] = [c for c in claims_of(will, wont) if len(c.mentions) == 2]
    assert claim.contradictions == ["modality"] and claim.status == "contested"
    assert {m.article_id: (m.stance, m.modality) for m in claim.mentions} == {
        "a": ("asserts", "future"), "b": ("denies", "future")}


def test_will_be_released_and_were_released_are_no_contradiction():
    will = Writer("a", "One").say(FREED_FRIDAY, predications=[WILL_BE_FREED])
    were = Writer("b", "Two").say("Those captured hostages were released for weeks yet.",
                                  predications=[did("released", "release")])
    assert not any(c.contradictions for c in claims_of(will, were))


def test_were_not_released_and_will_be_released_are_not_one_claim():
    will = Writer("a", "One").say(FREED_FRIDAY, predications=[WILL_BE_FREED])
    were_not = Writer("b", "Two").say("Those captured hostages were not released for weeks yet.",
                                      predications=[did("released", "release", polarity="negated")])
    assert all(len(c.mentions) == 1 for c in claims_of(will, were_not))


MONDAY, TUESDAY = "2025-04-07", "2025-04-08"


def crowd(article_id: str, sentence: str, value: int, unit: str, verb: str = "gathered",
          predicate: str = "assemble", day: str = MONDAY) -> Writer:
    return Writer(article_id, article_id.upper()).say(sentence, quantities=[(value, unit)],
                                                      predications=[did(verb, predicate, day=day)])


GATHERED = "Around 300 relatives gathered at the harbour in Puerto Viejo on Monday."


def test_crowds_of_different_sizes_on_the_same_day_are_a_number_contradiction():
    small = crowd("a", GATHERED, 300, "relatives")
    large = crowd("b", "On Monday 1000 people filled the streets near the old port quietly.", 1000, "people", "filled")
    [claim] = [c for c in claims_of(small, large) if "number" in c.contradictions]
    assert {m.article_id: m.value for m in claim.mentions} == {"a": 300.0, "b": 1000.0}
    assert claim.status == "contested"


def test_crowds_on_different_days_are_no_contradiction():
    monday = crowd("a", GATHERED, 300, "relatives")
    tuesday = crowd("b", "On Tuesday 1000 people filled the streets near the old port quietly.", 1000, "people",
                    "filled", day=TUESDAY)
    assert not any(c.contradictions for c in claims_of(monday, tuesday))


def test_a_crowd_and_a_detention_the_same_day_are_no_contradiction():
    gathered = crowd("a", GATHERED, 300, "relatives")
    detained = crowd("b", "On Monday coastguards detained 40 fishermen near the reef quietly.", 40, "fishermen",
                     "detained", "detain")
    assert not any(c.contradictions for c in claims_of(gathered, detained))


def test_an_article_that_says_it_in_other_words_does_not_leave_it_out():
    told = [Writer(name, name.upper()).say("Police detained the activist Ana Ruiz in Baghdad on Monday night.",
                                           actors=["iraq"], predications=[did("detained", "detain", "activist")])
            for name in "abc"]
    other_words = Writer("d", "D").say("A woman was detained by police in Baghdad on Monday night.", actors=["iraq"],
                                       predications=[did("detained", "detain")])
    other_deed = Writer("e", "E").say("Police in Baghdad questioned the activist Ana Ruiz for hours.",
                                      actors=["iraq"])
    claims = claims_of(*told, other_words, other_deed)
    missing = omissions(claims, ["a", "b", "c", "d", "e"])
    assert missing["d"] == []  # the same predicate class, worded close to the claim
    assert len(missing["e"]) == 1  # as close in words, but another deed


def test_released_on_different_days_are_not_one_claim():
    monday = Writer("a", "One").say("Ten detained sailors were freed on Monday, officials said.",
                                    predications=[did("freed", "release", day=MONDAY)])
    friday = Writer("b", "Two").say("Those captured hostages were not released on Friday at all.",
                                    predications=[did("released", "release", polarity="negated", day="2025-04-11")])
    assert all(len(c.mentions) == 1 for c in claims_of(monday, friday))


def test_released_the_same_day_and_not_released_is_a_polarity_contradiction():
    freed = Writer("a", "One").say("Ten detained sailors were freed on Monday, officials said.",
                                   predications=[did("freed", "release", day=MONDAY)])
    held = Writer("b", "Two").say("Those captured hostages were not released on Monday at all.",
                                  predications=[did("released", "release", polarity="negated", day=MONDAY)])
    [claim] = [c for c in claims_of(freed, held) if len(c.mentions) == 2]
    assert claim.contradictions == ["polarity"]


def test_counts_of_two_named_groups_the_same_day_are_no_contradiction():
    journalists = crowd("a", "On Monday police detained 2 journalists near the old port quietly.", 2, "journalists",
                        "detained", "detain")
    protesters = crowd("b", "On Monday police detained 40 protesters near the old port quietly.", 40, "protesters",
                       "detained", "detain")
    assert not any(c.contradictions for c in claims_of(journalists, protesters))


def actorless_claim_parties() -> tuple[str | None, str | None]:
    """Subject and object of a claim that holds no event, its actors tied on mentions."""
    first = Writer("a", "Wire").say("Honduras and Iraq exchanged ambassadors after the talks.",
                                    actors=("honduras", "iraq"))
    second = Writer("b", "Paper").say("Honduras and Iraq exchanged ambassadors after the talks.",
                                      actors=("honduras", "iraq"))
    [claim] = [c for c in claims_of(first, second) if len(c.mentions) == 2]
    return claim.subject_id, claim.object_id


def test_claim_parties_do_not_depend_on_the_hash_seed():
    """Ties go to the actor named first, whatever order Python's string hashing gives sets."""
    code = "import test_claims; print(*test_claims.actorless_claim_parties())"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), str(Path(__file__).parents[1])])}
    outputs = {subprocess.run([sys.executable, "-c", code], env={**env, "PYTHONHASHSEED": seed}, check=True,
                              capture_output=True, text=True).stdout.strip() for seed in ("0", "1", "2", "3", "4")}
    assert outputs == {"honduras iraq"}


def test_each_count_is_the_one_its_predication_names_when_two_are_equal():
    """"12 people" twice: what each predication counts is found by its quantity's id, not its figure."""
    article = Writer("a", "Wire").say(
        "Police detained 12 people on Monday after 12 people had gathered at the port.",
        quantities=[(12, "people"), (12, "people")],
        predications=[did("detained", "detain"), did("gathered", "assemble", counting=1)])
    first, second = article.analysis.quantities
    [unit] = [u for u in claim_units(article.article, article.analysis) if not u.headline]
    assert [(q.start, key) for q, key in unit.counts] == [
        (first.start, ("person", "detain")), (second.start, ("person", "assemble"))]



def test_a_predication_goes_with_the_event_whose_trigger_it_is_by_offsets():
    """The event ("free", in the first clause as the parse cut the sentence) and the
    predication ("freed", after it) are different words: the crews' not being freed is a
    statement of its own, which contradicts "the crews were freed" — it is not the
    release of the boats, which would have made the two articles agree."""
    article = Writer("a", "One").say(
        "Honduras agreed to free the boats on Monday; the crews were not freed, officials said.",
        events=[("honduras", "RETREAT", "el-salvador", "asserted", "actual", None)],
        predications=[did("freed", "release", polarity="negated")])
    [event] = article.analysis.events
    event.trigger, event.end = "free", event.start + article.article.text.index(";")
    freed = Writer("b", "Two").say("The crews were freed on Monday, officials in the port said.",
                                   predications=[did("freed", "release")])
    [claim] = [c for c in claims_of(article, freed) if {m.article_id for m in c.mentions} == {"a", "b"}]
    assert claim.contradictions == ["polarity"]
    assert {m.article_id: m.stance for m in claim.mentions} == {"a": "denies", "b": "asserts"}


def vote(article_id: str, sentence: str, verb: str, predicate: str, agent: str | None, thing: str,
         patient: str = "proposal") -> Writer:
    return Writer(article_id, article_id.upper()).say(
        sentence, predications=[did(verb, predicate, patient, agent=agent, patient_words=thing)])


def linked(claims, *article_ids) -> bool:
    """Whether one claim holds all these articles."""
    return any({m.article_id for m in c.mentions} >= set(article_ids) for c in claims)


def test_approving_and_rejecting_the_same_plan_is_one_contested_claim():
    approved = vote("a", "The city council approved the harbour plan on Monday evening.", "approved", "approve",
                    "city council", "harbour plan")
    rejected = vote("b", "The council rejected the plan for the harbour on Monday.", "rejected", "reject",
                    "council", "plan")
    [claim] = [c for c in claims_of(approved, rejected) if linked([c], "a", "b")]
    assert claim.status == "contested" and claim.contradictions == ["polarity"]
    assert {m.article_id: m.stance for m in claim.mentions} == {"a": "asserts", "b": "denies"}


def test_winning_and_losing_the_same_vote_is_one_contested_claim():
    won = vote("a", "Ortega won the runoff vote on Sunday, officials said.", "won", "win", "ortega", "runoff vote",
               "vote")
    lost = vote("b", "Ortega lost the runoff on Sunday by a wide margin.", "lost", "lose", "ortega", "runoff", "vote")
    [claim] = [c for c in claims_of(won, lost) if linked([c], "a", "b")]
    assert claim.contradictions == ["polarity"]


def test_not_rejecting_a_plan_and_approving_it_agree():
    approved = vote("a", "The city council approved the harbour plan on Monday evening.", "approved", "approve",
                    "city council", "harbour plan")
    kept = Writer("b", "B").say("The council did not reject the harbour plan on Monday.", predications=[
        did("reject", "reject", "proposal", polarity="negated", agent="council", patient_words="harbour plan")])
    assert not any(c.contradictions for c in claims_of(approved, kept))


@pytest.mark.parametrize("other", [
    # another plan
    ("The city council rejected the budget for the harbour on Monday.", "rejected", "reject", "city council",
     "budget"),
    # another council
    ("The regional council rejected the harbour plan on Monday.", "rejected", "reject", "regional council",
     "harbour plan"),
    # another candidate losing is no contradiction of one winning
    ("Chamorro lost the runoff vote on Sunday, officials said.", "lost", "lose", "chamorro", "runoff vote"),
])
def test_opposite_statements_about_another_thing_or_doer_are_not_one_claim(other):
    sentence, verb, predicate, agent, thing = other
    patient = "vote" if predicate == "lose" else "proposal"
    first = (vote("a", "Ortega won the runoff vote on Sunday, officials said.", "won", "win", "ortega",
                  "runoff vote", "vote") if predicate == "lose" else
             vote("a", "The city council approved the harbour plan on Monday.", "approved", "approve",
                  "city council", "harbour plan"))
    claims = claims_of(first, vote("b", sentence, verb, predicate, agent, thing, patient))
    assert not linked(claims, "a", "b") and not any(c.contradictions for c in claims)


def test_a_statement_naming_no_doer_does_not_chain_two_councils_into_one_claim():
    city = vote("a", "The city council approved the harbour plan on Monday.", "approved", "approve",
                "city council", "harbour plan")
    unsaid = vote("b", "The harbour plan was approved on Monday after a long debate.", "approved", "approve",
                  None, "harbour plan")
    regional = vote("c", "The regional council rejected the harbour plan on Monday.", "rejected", "reject",
                    "regional council", "harbour plan")
    claims = claims_of(city, unsaid, regional)
    assert not linked(claims, "a", "c") and not any(c.contradictions for c in claims)


CLOSED = "Port officials in Honduras said the harbour was closed to all boats on Monday."
NOT_CLOSED = "Port officials in Honduras said the harbour was not closed to all boats on Monday."


def test_a_sentence_the_analysis_stage_reads_as_negative_denies_what_a_near_identical_one_says():
    closed = Writer("a", "One").say(CLOSED, actors=["honduras"])
    open_ = Writer("b", "Two").say(NOT_CLOSED, actors=["honduras"],
                                   predications=[did("closed", SENTENCE, "", polarity="negated")])
    [claim] = [c for c in claims_of(closed, open_) if linked([c], "a", "b")]
    assert {m.article_id: m.stance for m in claim.mentions} == {"a": "asserts", "b": "denies"}
    assert claim.contradictions == ["polarity"]


def test_claims_take_a_sentence_s_polarity_from_its_reading_not_from_its_words():
    """No sentence reading, no denial: "not" in the text is the analysis stage's to read."""
    claims = claims_of(Writer("a", "One").say(CLOSED, actors=["honduras"]),
                       Writer("b", "Two").say(NOT_CLOSED, actors=["honduras"]))
    assert linked(claims, "a", "b") and not any(c.contradictions for c in claims)


def test_a_sentence_reading_is_no_claim_of_its_own():
    article = Writer("a", "One").say(NOT_CLOSED, predications=[did("closed", SENTENCE, "", polarity="negated")])
    units = [u for u in claim_units(article.article, article.analysis) if not u.headline]
    assert units == [] and claims_of(article) == []


def test_a_hedged_statement_questions_its_claim():
    seized = Writer("a", "One").say("Coastguard boats seized 40 fishermen near the reef on Monday.",
                                    quantities=[(40, "fishermen")], predications=[did("seized", "detain", day=MONDAY)])
    alleged = Writer("b", "Two").say("Coastguard boats allegedly seized 40 fishermen near the reef on Monday.",
                                     quantities=[(40, "fishermen")],
                                     predications=[did("seized", "detain", day=MONDAY, hedged=True)])
    [claim] = [c for c in claims_of(seized, alleged) if linked([c], "a", "b")]
    assert {m.article_id: m.stance for m in claim.mentions} == {"a": "asserts", "b": "questions"}


def test_a_headline_with_a_hedge_word_questions_its_claim():
    headline = Writer("a", "Tabloid", title="Iran allegedly sends troops to Iraq, officials say", hedged=True)
    headline.say("Officials met in Baghdad on Monday to talk about security.", actors=["iraq"])
    stated = Writer("b", "Wire").say("Iran sends troops to Iraq, officials say.",
                                     events=[("iran", "MOBILIZE", "iraq", "asserted", "actual", None)])
    claim = claim_with(claims_of(headline, stated), "MOBILIZE")
    assert {m.article_id: m.stance for m in claim.mentions} == {"a": "questions", "b": "asserts"}


SENT_WARSHIPS = "Honduras sent warships to the bank."


@pytest.mark.parametrize("negated, stance", [(True, "denies"), (False, "asserts")])
def test_a_headline_takes_its_polarity_from_its_reading(negated, stance):
    """"Honduras denies it sent warships" against "Honduras sent warships": the headline
    denies the claim when (and only when) the analysis stage read it negated (the words
    are close enough for the bag-of-words encoder to link them)."""
    headline = Writer("a", "One", title="Honduras denies it sent warships to the bank", negated=negated)
    headline.say("Officials met in Tegucigalpa on Tuesday to talk about fishing.", actors=["honduras"])
    sent = Writer("b", "Two").say(SENT_WARSHIPS, actors=["honduras"])
    [claim] = [c for c in claims_of(headline, sent) if linked([c], "a", "b")]
    stances = {(m.article_id, m.start): m.stance for m in claim.mentions}
    assert stances[("a", None)] == stance and stances[("b", 0)] == "asserts"
    assert claim.contradictions == (["polarity"] if negated else [])


def test_a_headline_read_as_asserted_asserts_whatever_its_words():
    """The title's words are the analysis stage's to read: "sends" read as asserted asserts."""
    headline = Writer("a", "One", title="Honduras sends warships to the bank")
    headline.say("Officials met in Tegucigalpa on Tuesday to talk about fishing.", actors=["honduras"])
    sent = Writer("b", "Two").say(SENT_WARSHIPS, actors=["honduras"])
    [claim] = [c for c in claims_of(headline, sent) if linked([c], "a", "b")]
    assert {m.article_id: m.stance for m in claim.mentions} == {"a": "asserts", "b": "asserts"}
