"""Quote rules found on the dev8 split's misses: a parenthetical cue credits the clause it
sits in, a speech participle hung on a noun of people credits that noun, a fragment in the
that-clause of a reporting verb is its subject's, "dubbed as" gives a label, and words echoed
in the writer's own question are no new quote. Sentences invented for the tests."""

from __future__ import annotations

import pytest
from conftest import pipeline_with


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("newsprism_actors", "newsprism_quotes")


def quoted(nlp, text: str, fragment: str):
    """The direct or partial quote holding the fragment, or None."""
    doc = nlp(text)
    found = [q for q in doc._.quotes if fragment in q.text and q.kind != "indirect"]
    return found[0] if found else None


def scare(nlp, text: str, fragment: str) -> bool:
    return any(fragment in s.text for s in nlp(text)._.scare_quotes)


def test_a_parenthetical_cue_credits_a_fragment_in_its_clause(nlp):
    text = ("Farid Osman fled the island last spring. After the strike, he said, the police fined "
            "him twice for being “disloyal.”")
    quote = quoted(nlp, text, "disloyal")
    assert quote is not None and quote.kind == "partial"
    assert quote.cue == "said" and quote.speaker == "he"


def test_a_fragment_without_any_cue_in_its_clause_is_no_quote(nlp):
    text = "After the strike, the police fined Farid Osman twice for being “disloyal.”"
    assert quoted(nlp, text, "disloyal") is None


def test_a_speech_participle_of_a_noun_of_people_credits_that_noun(nlp):
    text = "The raid caused anger, with commentators describing it as a form of “theft”."
    quote = quoted(nlp, text, "theft")
    assert quote is not None and quote.speaker == "commentators" and quote.anonymous


def test_a_thing_a_speaking_participle_names_is_no_quote(nlp):
    text = "Two aides met a broker promising “leverage” over the board before the vote."
    assert quoted(nlp, text, "leverage") is None


def test_a_fragment_in_what_a_reporting_verb_reports_is_its_subjects(nlp):
    text = "Senator Lena Ortiz mentioned that the agency had made “a string of blunders” this year."
    quote = quoted(nlp, text, "a string of blunders")
    assert quote is not None and quote.kind == "partial" and quote.cue == "mentioned"
    assert "Ortiz" in quote.speaker


def test_a_report_that_mentions_a_fragment_does_not_speak(nlp):
    text = "The audit mentioned that the agency had made “a string of blunders” this year."
    quote = quoted(nlp, text, "a string of blunders")
    assert quote is None or quote.speaker_id is None and "audit" in quote.speaker.lower()


def test_dubbed_as_gives_the_subjects_label(nlp):
    text = "Governor Ray Dunmore attacked the unions, which he has dubbed as “the wreckers of the state.”"
    quote = quoted(nlp, text, "the wreckers of the state")
    assert quote is not None and quote.kind == "partial" and quote.cue == "dubbed"


def test_a_storm_dubbed_a_name_stays_unquoted(nlp):
    text = "The coast braced for a storm dubbed “the Beast” by forecasters."
    assert quoted(nlp, text, "the Beast") is None


def test_words_echoed_in_the_writers_question_are_irony(nlp):
    text = ("The columnist Mara Eaves wrote that the plan brought “a handful of new jobs.” "
            "Have you seen “a handful of new jobs”?")
    doc = nlp(text)
    first = [q for q in doc._.quotes if q.kind != "indirect" and q.start < text.index("Have")]
    echoed = [q for q in doc._.quotes if q.kind != "indirect" and q.start > text.index("Have")]
    assert first and not echoed


def test_words_said_again_outside_a_question_keep_their_speaker(nlp):
    text = ("The columnist Mara Eaves wrote that the plan brought “a handful of new jobs.” "
            "The mayor repeated the figure of “a handful of new jobs” on Monday.")
    doc = nlp(text)
    later = [q for q in doc._.quotes if q.kind != "indirect" and q.start > text.index("The mayor")]
    assert later
