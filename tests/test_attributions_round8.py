"""Attribution rules of the eighth round (kinds found in the dev splits' errors), each on
sentences written for the test, with cases where the rule must not fire."""

from __future__ import annotations

import pytest
from conftest import pipeline_with


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("newsprism_actors", "newsprism_attributions")


def attributions(nlp, text: str, outlet: str | None = None):
    doc = nlp.make_doc(text)
    doc.user_data["newsprism_outlet"] = outlet
    found = nlp(doc)._.attributions
    for a in found:
        assert text[a.start:a.end] == a.text
    return found


# --------------------------------------------------------------------------- an outlet's own poll


def test_an_outlets_own_joint_poll_is_no_attribution(nlp):
    text = ("A Reuters/Ipsos poll also indicates that most voters oppose the tariff. "
            "According to the poll, 41% of farmers support it.")
    assert attributions(nlp, text, outlet="Reuters") == []


def test_the_same_joint_poll_in_another_outlet_is_cited(nlp):
    text = "A Reuters/Ipsos poll also indicates that most voters oppose the tariff."
    (a,) = attributions(nlp, text, outlet="The Guardian")
    assert a.text == "most voters oppose the tariff"


# --------------------------------------------------------------------------- "reportedly"


def test_reportedly_in_a_subordinate_clause_credits_that_clause_only(nlp):
    (a,) = attributions(nlp, "Donors are uneasy as the agency reportedly widens its inquiry into the charity.")
    assert (a.source, a.text) == ("reports", "the agency reportedly widens its inquiry into the charity")


def test_reportedly_leaves_out_an_aside_in_the_subject(nlp):
    text = "The treasurer, whose files were seized in a raid in May, is now reportedly under investigation."
    (a,) = attributions(nlp, text)
    assert a.text == "is now reportedly under investigation"


def test_reportedly_in_a_main_clause_credits_the_sentence(nlp):
    (a,) = attributions(nlp, "The minister reportedly resigned on Friday after the vote.")
    assert a.text == "The minister reportedly resigned on Friday after the vote"


# --------------------------------------------------------------------------- tweets and posts


@pytest.mark.parametrize("text", [
    "The senator said in a tweet that the bill would fail.",
    "She warned in a post that the vote would be delayed.",
])
def test_a_tweet_or_post_is_a_quote_of_its_author_not_an_attribution(nlp, text):
    assert attributions(nlp, text) == []


def test_a_written_statement_still_credits_its_author(nlp):
    (a,) = attributions(nlp, "The senator said in a statement that the bill would fail.")
    assert a.text == "the bill would fail"


# --------------------------------------------------------------------------- cues inside a quotation


def test_a_source_cited_inside_a_quotation_is_the_speakers_not_the_articles(nlp):
    text = ('"Nobody went to jail," the prosecutor said. "Investigators in my office found this '
            'unacceptable, and according to the Clarion the case is closed."')
    assert attributions(nlp, text) == []


def test_a_source_outside_the_quotation_still_counts(nlp):
    text = 'According to the Clarion, the mayor called the plan "a disaster."'
    (a,) = attributions(nlp, text)
    assert "Clarion" in a.source and a.text == 'the mayor called the plan "a disaster."'


# --------------------------------------------------------------------------- clauses the parse read as objects


def test_a_clause_read_as_an_object_with_a_phrase_is_credited_whole(nlp):
    (a,) = attributions(nlp, "Reports have said secret files about the mine passed through the server.")
    assert (a.kind, a.text) == ("anonymous", "secret files about the mine passed through the server")


def test_that_read_as_the_determiner_of_a_plural_opens_the_clause(nlp):
    (a,) = attributions(nlp, "The police statement said only that officers who entered the house found a rifle.")
    assert a.kind == "document" and a.text.endswith("that officers who entered the house found a rifle")


def test_a_person_saying_such_a_clause_is_a_quote_not_an_attribution(nlp):
    assert attributions(nlp, "The mayor said only that officers who entered the house found a rifle.") == []


def test_an_autopsy_is_a_document_source(nlp):
    (a,) = attributions(nlp, "An autopsy said heart disease likely contributed to his death.")
    assert (a.kind, a.source, a.text) == ("document", "An autopsy", "heart disease likely contributed to his death")
    assert attributions(nlp, "The autopsy was released on Friday after the vote.") == []


# --------------------------------------------------------------------------- commentators


@pytest.mark.parametrize("text", [
    "Most legal experts say a sitting governor cannot be prosecuted.",
    "Some observers said the move might presage a purge.",
    "Correspondents say it is unlikely the council would act.",
    "The professor told her students the theory was wrong.",
])
def test_commentators_giving_a_view_are_no_source(nlp, text):
    assert attributions(nlp, text) == []


@pytest.mark.parametrize("text, source", [
    ("Researchers found that the vaccine cut infections by half.", "Researchers"),
    ("According to experts, the bridge is unsafe.", "experts"),
    ("Witnesses said the car was speeding.", "Witnesses"),
    ("Officials said the talks had stalled.", "Officials"),
])
def test_findings_source_phrases_and_unnamed_sources_still_credit(nlp, text, source):
    (a,) = attributions(nlp, text)
    assert (a.kind, a.source) == ("anonymous", source)


# --------------------------------------------------------------------------- a colon closing its paragraph


def test_a_report_closing_its_paragraph_with_a_colon_credits_the_block_after_it(nlp):
    text = "Besides the grant, the AP reports:\n\nThe fund has paid for the coverage since 2005.\n\nIt ends here."
    (a,) = attributions(nlp, text)
    assert (a.source_id, a.text) == ("associated-press", "The fund has paid for the coverage since 2005")


def test_a_fronted_content_and_the_block_are_both_credited(nlp):
    text = "The founder spoke on the radio, the AP reports:\n\nThe fund has paid for the coverage.\n\nIt ends here."
    assert [a.text for a in attributions(nlp, text)] == [
        "The founder spoke on the radio", "The fund has paid for the coverage"]


def test_a_source_phrase_before_a_colon_credits_the_block_past_a_label_line(nlp):
    text = ("Here is one example, as reported by The Guardian:\n\nAdvertisement:\n\n"
            "The officer is among three men named in a lawsuit.\n\nIt ends here.")
    (a,) = attributions(nlp, text)
    assert (a.source_id, a.text) == ("the-guardian", "The officer is among three men named in a lawsuit")


def test_a_statement_closing_its_paragraph_credits_the_quotation_after_it(nlp):
    text = "A government spokesperson said in an email:\n\n\u201cWe have always been ready to help.\u201d\n\nIt ends here."
    (a,) = attributions(nlp, text)
    assert (a.kind, a.cue, a.text) == ("anonymous", "said in an email", "We have always been ready to help")


def test_a_colon_ending_a_that_clause_does_not_move_the_content(nlp):
    text = "The Clarion reported in 2008 that the writer had penned vile things, like the following:\n\nWords.\n\nEnd."
    (a,) = attributions(nlp, text)
    assert a.text == "the writer had penned vile things, like the following"


def test_a_person_saying_a_block_is_a_quote_not_an_attribution(nlp):
    assert attributions(nlp, "The mayor said:\n\nWe will win this fight.\n\nIt ends here.") == []


# --------------------------------------------------------------------------- outlets named by a common noun or a reporter's title


def test_the_magazine_told_is_the_magazine_named_before(nlp):
    text = "The photos were published by Newsweek. A former analyst told the magazine it was a rare decision."
    (a,) = attributions(nlp, text)
    assert (a.source_id, a.kind, a.text) == ("newsweek", "media", "it was a rare decision")


def test_a_reporter_titled_by_an_outlet_stands_for_the_outlet(nlp):
    (a,) = attributions(nlp, "The minister told CNN correspondent Ann Berg that the talks had failed.")
    assert (a.source_id, a.kind, a.text) == ("cnn", "media", "the talks had failed")


def test_a_person_titled_otherwise_is_no_channel(nlp):
    assert attributions(nlp, "The minister told his aide Ann Berg that the talks had failed.") == []


# --------------------------------------------------------------------------- findings of documents


def test_a_document_showing_a_noun_phrase_credits_it(nlp):
    (a,) = attributions(nlp, "Court records show two payments to the firm in May.")
    assert (a.kind, a.source, a.text) == ("document", "Court records", "two payments to the firm in May")


def test_a_document_finding_itself_somewhere_credits_nothing(nlp):
    assert attributions(nlp, "The report found itself at the centre of a row.") == []


def test_a_person_finding_a_thing_credits_nothing(nlp):
    assert attributions(nlp, "The minister found the report troubling.") == []


# --------------------------------------------------------------------------- sources named in a statement phrase or by a date


def test_a_poll_named_in_the_statement_phrase_is_the_source_not_the_respondents(nlp):
    (a,) = attributions(nlp, "In a Quinnipiac poll this month, voters said they preferred the governor drop the case.")
    assert a.source == "Quinnipiac" and a.text == "they preferred the governor drop the case"


def test_an_unowned_statement_phrase_leaves_the_speaker_the_source(nlp):
    (a,) = attributions(nlp, "Officials said in a statement that the talks had failed.")
    assert a.source == "Officials"


def test_a_date_owning_reports_is_no_source(nlp):
    (a,) = attributions(nlp, "Shares fell on Thursday's reports that the bank had failed.")
    assert (a.source, a.text) == ("Thursday's reports", "the bank had failed")

