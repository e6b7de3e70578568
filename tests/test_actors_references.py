"""Actors a later phrase stands for: acronyms defined in the article, descriptions of a
body or a person, and full personal names NER called organisations. Sentences invented
for the tests."""

from __future__ import annotations

import pytest

from newsprism.analysis.actors import initials_fit
from conftest import pipeline_with


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("newsprism_actors")


def mentions(doc, surface: str) -> list:
    return [m for m in doc._.actor_mentions if m.text == surface]


def actor_named(doc, surface: str):
    (actor_id,) = {m.actor_id for m in mentions(doc, surface)}
    return next(a for a in doc._.actors if a.id == actor_id)


@pytest.mark.parametrize(
    ("acronym", "name", "fits"),
    [
        ("CPJ", "Committee to Protect Journalists", True),
        ("FWA", "the Federation of Weavers and Artisans", True),
        ("FOWA", "Federation of Weavers and Artisans", True),
        ("USDA", "U.S. Department of Agriculture", True),
        ("CPJ", "Council for Press Justice Reform", False),
        ("ABC", "Alliance for Better Housing", False),
        ("NRC", "National Rifle Association", False),
    ],
)
def test_initials_fit_allow_small_words_only(acronym, name, fits):
    assert initials_fit(acronym, name.split()) is fits


def test_bracketed_acronym_after_a_name_with_to(nlp):
    doc = nlp("The League to Defend Weavers (LDW) condemned the arrests. LDW said 20 people were held.")
    assert actor_named(doc, "LDW").name == "League to Defend Weavers"
    assert len(mentions(doc, "LDW")) == 2


def test_acronym_then_its_name_in_apposition(nlp):
    doc = nlp("LDW, the League to Defend Weavers, condemned the arrests. Later, LDW said 20 people were held.")
    actor = actor_named(doc, "LDW")
    assert actor.name == "League to Defend Weavers" and "LDW" in actor.aliases
    assert {m.actor_id for m in mentions(doc, "League to Defend Weavers")} == {actor.id}


def test_apposition_whose_initials_do_not_fit_is_another_actor(nlp):
    doc = nlp("Vantor, the Acme Corporation, said it would sue. Vantor said more.")
    assert actor_named(doc, "Acme Corporation").id not in {m.actor_id for m in mentions(doc, "Vantor")}
    doc = nlp("LDW, the Acme Corporation rival, said it would sue.")
    assert all("LDW" not in a.aliases or a.name == "LDW" for a in doc._.actors)


def with_entities(nlp, text: str, entities: list[tuple[str, str]]):
    """The text parsed, with NER's entities replaced by these (surface, label) pairs, in
    the order they occur."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name != "newsprism_actors":
            doc = component(doc)
    spans, start = [], 0
    for surface, label in entities:
        start = text.index(surface, start)
        spans.append(doc.char_span(start, start + len(surface), label=label))
        start += len(surface)
    doc.ents = spans
    return nlp.get_pipe("newsprism_actors")(doc)


def test_full_personal_name_tagged_org_is_a_person(nlp):
    doc = with_entities(nlp, "Critics such as Laura Benton objected to the plan.", [("Laura Benton", "ORG")])
    assert actor_named(doc, "Laura Benton").kind == "person"


def test_photo_credit_tagged_org_is_no_person(nlp):
    doc = with_entities(nlp, "The hearing ended on Friday. Laura Benton/Reuters\n\nShe left.", [("Laura Benton/Reuters", "ORG")])
    assert all(a.kind != "person" for a in doc._.actors)


def test_name_with_an_organisation_word_tagged_org_stays_an_organisation(nlp):
    doc = with_entities(nlp, "Critics such as the Laura Benton Foundation objected.", [("Laura Benton Foundation", "ORG")])
    assert actor_named(doc, "Laura Benton Foundation").kind != "person"
    doc = with_entities(nlp, "Critics such as Vantor Ridge objected to the plan.", [("Vantor Ridge", "ORG")])
    assert all(a.kind != "person" for a in doc._.actors)  # no known given name


def test_untagged_name_after_a_body_noun_is_an_organisation(nlp):
    doc = with_entities(  # as NER missed "J Street"
        nlp, "The lobby group Harbor Street said it was proud. On Friday, Harbor Street said more.",
        [("Friday", "DATE")],
    )
    actor = actor_named(doc, "Harbor Street")
    assert actor.kind == "organization" and len(mentions(doc, "Harbor Street")) == 2


def test_a_date_or_a_place_after_a_body_noun_is_no_name(nlp):
    doc = with_entities(nlp, "The group Monday said it would appeal the ruling.", [("Monday", "DATE")])
    assert not doc._.actors
    doc = with_entities(nlp, "The company Oslo Harbour Services hired the group Chief Executive Ann Lee.", [])
    assert [a.name for a in doc._.actors if a.kind != "person"] == ["Oslo Harbour Services"]


def test_short_form_of_a_fund_is_the_fund_not_a_person(nlp):
    doc = with_entities(
        nlp, "The Harrowgate Fund paid for the ads. Harrowgate said it was proud of them.",
        [("Harrowgate Fund", "ORG"), ("Harrowgate", "PERSON")],
    )
    assert actor_named(doc, "Harrowgate").name == "Harrowgate Fund"


def test_short_form_is_kept_apart_from_a_person_with_a_full_name(nlp):
    doc = with_entities(
        nlp, "Jane Harrowgate founded the Harrowgate Fund. Harrowgate said she was proud of it.",
        [("Jane Harrowgate", "PERSON"), ("Harrowgate Fund", "ORG"), ("Harrowgate", "PERSON")],
    )
    assert actor_named(doc, "Harrowgate").kind == "person"


def test_agency_without_a_news_word_is_a_government_body(nlp):
    doc = with_entities(nlp, "The Coastal Protection Agency closed the beach.", [("Coastal Protection Agency", "ORG")])
    assert actor_named(doc, "Coastal Protection Agency").kind == "government"
    doc = with_entities(nlp, "The Lundian Press Agency reported it.", [("Lundian Press Agency", "ORG")])
    assert actor_named(doc, "Lundian Press Agency").kind == "media"


def test_court_after_an_ordinal_is_an_organisation(nlp):
    doc = nlp("The 2nd U.S. Circuit Court of Appeals granted the request on Monday.")
    assert actor_named(doc, "U.S. Circuit Court of Appeals").kind != "person"


def test_undefined_acronym_is_the_one_body_named_before_whose_initials_it_spells(nlp):
    doc = nlp("The university sued U.S. Immigration and Customs Enforcement on Friday. ICE notified colleges.")
    assert actor_named(doc, "ICE").name == "U.S. Immigration and Customs Enforcement"


def test_undefined_acronym_spelling_two_bodies_names_neither(nlp):
    doc = nlp("The Lundian Maritime Authority and the Lundian Mining Association met. LMA said it disagreed.")
    assert actor_named(doc, "LMA").name == "LMA"


def role_reference(doc, surface: str):
    """The actor a role mention ending in `surface` stands for, or None."""
    ids = [m.actor_id for m in doc._.actor_mentions if m.label == "role" and m.text == surface]
    return next((a.name for a in doc._.actors if a.id in ids), None)


def test_a_former_office_as_the_next_subject_is_the_person_just_named(nlp):
    doc = nlp("The council sent a subpoena to the lawyer Ruth Keane. "
              "The former Denver mayor had said on television that she never saw the contract.")
    assert role_reference(doc, "mayor") == "Ruth Keane"
    doc = nlp("“We will be fine,” Mark Halvorsen told reporters on Tuesday.\n\n"
              "But the former governor of Ohio added that he had learned not to predict the vote.")
    assert role_reference(doc, "governor") == "Mark Halvorsen"


@pytest.mark.parametrize(
    "text",
    [
        # not a subject: a former mayor the sentence speaks about, not a re-mention
        "Ruth Keane spoke on Monday. She criticised the former mayor for the contract.",
        # someone holds the title: the description is about that office, not about the last name
        "Mayor Tom Ruhl opened the hall on Monday. Ruth Keane arrived later. The former mayor said he was tired.",
        # the person was named further back than the sentence before
        "Ruth Keane spoke on Monday. The council met for six hours. The former mayor said the vote was unfair.",
        # a present office is no variation on a name: it may be someone not yet named
        "Ruth Keane spoke on Monday. The mayor said the vote was unfair.",
        # a country the person does not have
        "Iranian Foreign Minister Javad Karimi arrived on Monday. The former French president said the talks failed.",
    ],
)
def test_a_former_office_is_not_the_last_name_when_it_cannot_be_a_re_mention(nlp, text):
    doc = nlp(text)
    assert not [m for m in doc._.actor_mentions if m.label == "role" and m.text in ("mayor", "president")]
