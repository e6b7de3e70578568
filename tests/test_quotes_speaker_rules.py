"""Speaker rules for fragments and cues the parse gets wrong: a label keeps the one who
applies it, a noun the tagger took for a verb names its owner, and a participle after an
owned thing speaks for the verb's subject. Sentences invented for the tests."""

from __future__ import annotations

import pytest
from conftest import pipeline_with


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("newsprism_actors", "newsprism_quotes")


def speaker_of(nlp, text: str, fragment: str) -> str | None:
    doc = nlp(text)
    actors = {a.id: a.name for a in doc._.actors}
    (quote,) = [q for q in doc._.quotes if fragment in q.text and q.kind != "indirect"]
    return actors.get(quote.speaker_id, quote.speaker)


def test_a_label_inside_reported_speech_is_the_word_of_whoever_applies_it(nlp):
    text = "His aide Mark Olsen testified that Senator Ruth Keane called him “kid” in meetings."
    assert speaker_of(nlp, text, "kid") == "Ruth Keane"
    text = "Mayor Dan Wirth had asked what Governor Lisa Marsh called “a pointless delay” in the budget."
    assert speaker_of(nlp, text, "pointless delay") == "Lisa Marsh"


def test_a_fragment_in_reported_speech_without_a_label_stays_with_the_reporter(nlp):
    text = "Mark Olsen testified that officials had acknowledged “a dozen” errors."
    assert speaker_of(nlp, text, "a dozen") == "Mark Olsen"


def test_a_possessed_noun_taken_for_a_verb_names_its_owner(nlp):
    text = ("Facing prison, the admissions were a change from Olsen’s earlier boasts that he was "
            "Keane’s “right hand” for years.")
    assert speaker_of(nlp, text, "right hand") == "Olsen"


def test_a_labelled_possessed_noun_is_not_its_owners_cue(nlp):
    text = "Senator Ruth Keane called Olsen’s remarks “deeply misleading” on Friday."
    assert speaker_of(nlp, text, "deeply misleading") == "Ruth Keane"


def test_a_participle_after_an_owned_thing_speaks_for_the_verbs_subject(nlp):
    text = 'Admiral Joan Pryce laid out her concerns saying, "Sailors never abandon a ship."'
    assert speaker_of(nlp, text, "Sailors never") == "Joan Pryce"


def test_owned_people_before_a_participle_still_speak_for_it(nlp):
    text = 'Admiral Joan Pryce left the hall, her aides saying, "The talks are over."'
    assert speaker_of(nlp, text, "talks are over") != "Joan Pryce"


FILING = ("Court papers filed by special counsel Robert Mueller describe the case against Olsen.\n\n"
          "“The defendant lied to agents,” the filing says.\n\n")


def test_it_after_a_sentence_of_the_writer_is_still_the_document_quoted_last(nlp):
    text = FILING + "Olsen kept deceiving investigators for months. “The lies undermined the inquiry,” it says."
    assert speaker_of(nlp, text, "lies undermined") == "Robert Mueller"


def test_it_is_not_the_document_once_another_body_is_the_subject(nlp):
    text = FILING + "The Senate committee released its report. “The lies undermined the inquiry,” it says."
    assert speaker_of(nlp, text, "lies undermined") != "Robert Mueller"


TOWN_HALL = ("However, when asked about the “cash payments” during a town hall in May, Senator Ruth Keane dodged "
             "the question, instead stressing the need for talks.\n\n"
             "“If I could just follow up on Anna’s question, you said you’re open to a debate about aid to "
             "farmers and miners? Might that include cash payments? {end}\n\n")


def test_a_name_and_speech_verb_after_a_question_speak_it_wherever_the_splitter_cuts(nlp):
    text = TOWN_HALL.format(end="Direct transfers of money?” CNN’s Mark Olsen asked.")
    assert speaker_of(nlp, text, "follow up on Anna") == "Mark Olsen"


def test_a_question_followed_by_a_sentence_of_the_writer_has_no_trailing_cue(nlp):
    text = TOWN_HALL.format(end="Direct transfers of money?” Mark Olsen of CNN later wrote a long column about it.")
    assert speaker_of(nlp, text, "follow up on Anna") != "Mark Olsen"


def test_a_possessed_gerund_of_speech_is_its_owners_cue(nlp):
    text = "Another agent said he is offended by Mark Olsen’s saying “I’ve been an investigator.”"
    assert speaker_of(nlp, text, "been an investigator") == "Mark Olsen"


def test_as_someone_put_it_is_the_cue_of_the_quote_after_it(nlp):
    text = "As the always sharp economist Ann Lee put it, “investors should be asking why prices fell.”"
    assert speaker_of(nlp, text, "investors should be asking") == "Ann Lee"
    text = "Prices had become, as Ann Lee put it bluntly, “a national embarrassment.”"
    assert speaker_of(nlp, text, "national embarrassment") == "Ann Lee"


def test_putting_something_on_hold_is_no_cue(nlp):
    doc = nlp("As Ann Lee put it on hold, the “recovery plan” stalled in the Senate.")
    assert not [q for q in doc._.quotes if q.speaker_id]


def test_as_someone_put_it_when_the_parse_makes_as_a_preposition(nlp):
    text = ("The message could not be clearer, yet is likely still not understood: the plan is a return to "
            "a modicum of economic freedom and regulatory rationality.\n\n"
            "As the always insightful economist Ann Lee put it, “instead of asking why the market is up, "
            "investors should be asking ‘Why wasn’t it rising more before?’” It is remarkable.")
    assert speaker_of(nlp, text, "instead of asking") == "Ann Lee"


RUN_ON = ('Marine Commandant Gen. Joan Pryce laid out her concerns saying, "Commanding officers never delegate '
          'responsibility. They should never be forced to delegate their authority."\n\n{second}')


def test_a_speaker_opening_a_paragraph_the_parse_joined_to_the_one_before_still_speaks(nlp):
    text = RUN_ON.format(second='Gen. Mark A. Olsen III, from the Air Force, labeled sexual assault in the military '
                                'a "cancer " and said that "none of us will be standing still" in trying to end it.')
    assert speaker_of(nlp, text, "cancer") == "Mark A. Olsen III"
    assert speaker_of(nlp, text, "none of us") == "Mark A. Olsen III"


def test_a_paragraph_with_its_own_subject_keeps_it(nlp):
    text = RUN_ON.format(second='Olsen, from the Air Force, said that "none of us will be standing still" in trying.')
    assert speaker_of(nlp, text, "none of us") == "Olsen"


def test_a_spokesperson_for_a_country_leading_in_with_a_colon_speaks_the_next_paragraph(nlp):
    text = ("Canberra was asked about the inquiry.\n\nA Danish government spokesperson said in an email:\n\n"
            "“The Danish Government has always been ready to assist and cooperate with the inquiry.”")
    doc = nlp(text)
    (quote,) = doc._.quotes
    assert quote.kind == "direct" and quote.speaker == "A Danish government spokesperson"


def test_a_document_leading_in_with_a_colon_is_no_speaker(nlp):
    text = ("Canberra was asked about the inquiry.\n\nThe Danish report concluded:\n\n"
            "“The Danish Government has always been ready to assist and cooperate with the inquiry.”")
    assert not [q for q in nlp(text)._.quotes if q.speaker == "The Danish report"]


def test_he_in_a_clause_about_a_speech_is_the_person_who_gave_it(nlp):
    text = ("When the rapper Mark Hale sings on stage, it reminds me of a speech by the activist Tom Reyes at Yale "
            "in 1968, when he said of the governor, “I challenge him to a duel.”")
    assert speaker_of(nlp, text, "challenge him") == "Tom Reyes"


def test_he_in_a_clause_about_a_person_is_not_that_person(nlp):
    text = "Senator John Hale met the lawyer of Mark Olsen, who he said was “a fine man.”"
    assert speaker_of(nlp, text, "a fine man") == "John Hale"


PULLED = ("“The principled are chained, and the unprincipled romp free,” said Tom Reyes, a former prosecutor.\n\n"
          "{paragraph}\n\nThe hearings resume on Monday.")
SECOND_PARAGRAPH = PULLED.index("{paragraph}")  # where the pulled paragraph starts


def test_a_pull_quote_repeating_quoted_words_before_the_name_is_a_quote_of_that_person(nlp):
    doc = nlp(PULLED.format(paragraph="The principled are chained, and the unprincipled romp free Tom Reyes"))
    (pulled,) = [q for q in doc._.quotes if q.start >= SECOND_PARAGRAPH]
    assert pulled.kind == "direct" and pulled.text.endswith("romp free") and pulled.speaker == "Tom Reyes"


def test_a_paragraph_ending_with_a_name_without_repeating_a_quote_is_no_quote(nlp):
    doc = nlp(PULLED.format(paragraph="The committee will question the principled prosecutors again with Tom Reyes"))
    assert not [q for q in doc._.quotes if q.start >= SECOND_PARAGRAPH]


def test_a_subject_and_speech_verb_after_an_exclamation_are_its_cue(nlp):
    doc = nlp("Crowds circled the town hall at dusk. “Free the miners!” some chanted, and “Open the gates!” "
              "There was no violence.")
    chants = [q for q in doc._.quotes if q.kind != "indirect"]
    assert [q.text for q in chants] == ["Free the miners!", "Open the gates!"]
    assert all(q.speaker == "some" and q.anonymous for q in chants)


def test_a_document_after_a_question_is_no_speaker(nlp):
    assert not nlp("“Is the dam safe?” the report asked.")._.quotes


def test_a_participle_label_conjoined_to_a_label_is_a_quote_too(nlp):
    doc = nlp('Ambassador Ann Lee said that the ministry was "deeply chaotic" and "divided" under its new head.')
    labels = {q.text: q.speaker for q in doc._.quotes if q.kind == "partial"}
    assert labels == {"deeply chaotic": "Ann Lee", "divided": "Ann Lee"}


def test_no_less_an_authority_than_a_person_is_that_person(nlp):
    text = ('No less a liberal authority than the economist Paul Reyes, in 1998, mocked those "who very much want '
            'to believe that wages can be set by justice."')
    assert speaker_of(nlp, text, "who very much want") == "Paul Reyes"


def test_a_body_compared_with_a_person_stays_the_body(nlp):
    assert speaker_of(nlp, "A committee larger than Paul Reyes’s own staff said “wages must rise.”",
                      "wages must rise") != "Paul Reyes"


CUT_OFF = "The vote was close.\n\n“We will win this fight in the end,”\n\n{next}"


def test_a_cue_cut_off_by_a_paragraph_break_after_the_comma_names_the_speaker(nlp):
    text = CUT_OFF.format(next="Omar Khaled, the mayor of Riverton, told reporters on Monday.")
    assert speaker_of(nlp, text, "win this fight") == "Omar Khaled"


def test_a_next_paragraph_not_opening_with_the_name_gives_no_speaker(nlp):
    doc = nlp(CUT_OFF.format(next="On Monday, Omar Khaled told reporters the vote was close."))
    assert not [q for q in doc._.quotes if "win this fight" in q.text]


def test_a_person_named_as_a_relation_or_a_modifier_does_not_take_he_from_the_one_in_focus(nlp):
    text = ("“A recusal would leave me unable to run the department,” Mark Olsen explained to his colleagues.\n\n"
            "So what if one of those inquiries included him, his role in the Reyes campaign, and his boss, "
            "Tom Reyes?\n\n“I recuse myself from any inquiry,” he declared.")
    assert speaker_of(nlp, text, "I recuse myself") == "Mark Olsen"


def test_a_relation_who_is_the_subject_stays_in_focus(nlp):
    text = "Mark Olsen stayed home. His boss, Tom Reyes, arrived late.\n\n“We are here to help,” he said."
    assert speaker_of(nlp, text, "here to help") == "Tom Reyes"


def indirect_speaker_of(nlp, text: str, fragment: str) -> str | None:
    doc = nlp(text)
    actors = {a.id: a.name for a in doc._.actors}
    (quote,) = [q for q in doc._.quotes if fragment in q.text and q.kind == "indirect"]
    return actors.get(quote.speaker_id)


def test_the_appeals_court_is_the_court_named_with_both_words(nlp):
    text = ("The 2nd U.S. Circuit Court of Appeals granted the request on Monday. "
            "The appeals court said the case raised unique issues.")
    assert indirect_speaker_of(nlp, text, "unique issues") == "U.S. Circuit Court of Appeals"


def test_the_district_court_is_not_a_court_of_appeals(nlp):
    text = ("The 2nd U.S. Circuit Court of Appeals granted the request on Monday. "
            "The district court said the case raised unique issues.")
    assert indirect_speaker_of(nlp, text, "unique issues") is None


def test_the_agency_is_the_one_government_body_named_just_before(nlp):
    text = ("The Federal Aviation Administration grounded the jets on Monday. "
            "The agency said the planes were unsafe.")
    assert indirect_speaker_of(nlp, text, "unsafe") == "Federal Aviation Administration"
    text = ("Officials from the Federal Aviation Administration and the Federal Railroad Administration "
            "met on Monday. The agency said the rules were unsafe.")
    assert indirect_speaker_of(nlp, text, "unsafe") is None  # two such bodies: no link


def test_the_organization_is_a_body_named_after_a_body_noun(nlp):
    text = ("The advocacy group Harbor Street said it backed the deal. "
            "\u201cThis is a belief shared by many,\u201d the organization said.")
    assert speaker_of(nlp, text, "belief shared") == "Harbor Street"


def test_a_singular_description_is_not_an_earlier_plural_one(nlp):
    text = ("Several Republican senators said they would oppose the bill. Joe Biden met reporters on Tuesday. "
            "But the former senator from Delaware said he had learned not to predict the vote.")
    assert indirect_speaker_of(nlp, text, "learned not to predict") != "Republican Party"


PARTNERS = "Greenfield Trust has partnered with the Harbor Alliance, the Civic Fund and the Open Books Project.\n\n"


def test_the_group_is_the_body_the_sentence_before_has_as_subject_not_the_last_listed(nlp):
    text = PARTNERS + "The group says its mission is to support the “brightest minds in local journalism.”"
    assert speaker_of(nlp, text, "brightest minds") == "Greenfield Trust"


def test_the_group_is_a_body_its_own_sentence_names_before_it(nlp):
    text = PARTNERS + "After the Civic Fund lost its director, the group said it would “stay independent.”"
    assert speaker_of(nlp, text, "stay independent") == "Civic Fund"


def test_the_group_after_a_sentence_with_two_body_subjects_is_the_nearest(nlp):
    text = ("Greenfield Trust said on Monday that the Harbor Alliance had left the talks.\n\n"
            "The group says it wants “a fair deal for every reader.”")
    assert speaker_of(nlp, text, "a fair deal") == "Harbor Alliance"


def test_a_former_office_after_a_name_speaks_for_that_person(nlp):
    text = ("“We will be fine,” Mark Halvorsen told reporters on Tuesday.\n\n"
            "But, the former governor of Ohio added, he has “learned not to predict what the council will do.”")
    assert speaker_of(nlp, text, "learned not to predict") == "Mark Halvorsen"


NEIGHBOR = ("Dan Pell, who called the police about the open gate, said he was only trying to be a good neighbor.\n\n"
            "In a recording of the call, the {noun} said it was “not normal” for the gate to stay open at night.")


def test_a_plain_description_as_subject_is_the_person_the_article_said_it_of(nlp):
    assert speaker_of(nlp, NEIGHBOR.format(noun="neighbor"), "not normal") == "Dan Pell"


def test_a_description_set_apart_by_an_ordinal_is_not_the_person_named(nlp):
    assert speaker_of(nlp, NEIGHBOR.format(noun="second neighbor"), "not normal") == "the second neighbor"


@pytest.mark.parametrize("opening", ["Later the professor", "The professor"])  # a capital "The" fits nobody
def test_a_description_of_someone_brought_in_unnamed_is_not_the_person_named(nlp, opening):
    text = ("Dan Pell met a professor who had ties to the ministry.\n\n"
            f"{opening} told Pell that the ministry had “many files” on the mayor.")
    assert speaker_of(nlp, text, "many files").lower() == "the professor"


def test_a_title_someone_in_the_article_holds_is_not_given_to_a_person_without_it(nlp):
    text = ("Ambassador Lena Park and Ambassador Ole Berg arrived in March.\n\n"
            "Dan Pell and Ruth Keane met on Monday to discuss the talks.\n\n"
            "The ambassador said the talks were “going nowhere.”")
    assert speaker_of(nlp, text, "going nowhere") not in ("Dan Pell", "Ruth Keane")


def test_a_relative_named_by_a_possessive_with_a_curly_apostrophe_is_the_kin_named_later(nlp):
    text = ("Cpl. Anton Jurgens, 25, was killed in the attack.\n\n"
            "Jurgens’ father told reporters that the warning “should have been heeded.”\n\n"
            "“We lost him for nothing,” Erik Jurgens said.")
    assert speaker_of(nlp, text, "should have been heeded") == "Erik Jurgens"


@pytest.mark.parametrize(("text", "owner"), [
    ("Jurgens’ father told reporters.", "Jurgens"),
    ("Jurgens' father told reporters.", "Jurgens"),
    ("The Texas father told reporters.", None),  # a place ending in s, no apostrophe: no owner
])
def test_owner_of_a_noun(nlp, text, owner):
    from newsprism.analysis.quotes import owner_of
    doc = nlp(text)
    (father,) = [t for t in doc if t.lower_ == "father"]
    found = owner_of(father)
    assert (found.text if found is not None else None) == owner


def test_a_plain_title_after_a_longer_unresolved_one_is_still_the_topic_person(nlp):
    text = ("Sir Tom Avery wrote the cables in March.\n\n"
            "The envoy in Lima says the talks are “stalled.”\n\n"
            "Although Avery said the mayor was kind, the envoy warns that the city will not change, adding: "
            "“This is still a closed town.”")
    assert speaker_of(nlp, text, "stalled") == "The envoy in Lima"
    assert speaker_of(nlp, text, "closed town") == "Tom Avery"
