"""The event evaluation harness: the PETRARCH dictionary converter, the metrics, the
data loaders, and both evaluations end to end on sentences written for the test,
with a stand-in events component defined here."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsprism.analysis.pipeline import load_pipeline
from newsprism.config import Settings
from newsprism.kb import ActorKB, KBError
from newsprism.kb.petrarch import (
    code_on,
    display_name,
    kind_of,
    main as petrarch_main,
    petrarch_to_entries,
    read_actor_dictionary,
    read_agent_dictionary,
)
from newsprism.records import Actor, Event

REPO = Path(__file__).resolve().parents[1]
EVENT_CODING = REPO.parent / "shared" / "data" / "event-coding"
sys.path.insert(0, str(REPO / "bench"))

import events_dev_eval  # noqa: E402
import petrarch_eval  # noqa: E402
import plover_eval  # noqa: E402

ACTORS = """\
<!-- TEST ACTORS -->
<!-- a comment over
MULTILINE_COMMENT [XXX]
several lines -->
# a whole-line comment: COMMENTED_OUT [NOT]
FREEDONIA_  [FRD]  # trailing comment
+FREEDONIAN
+FREEDONIAN_REPUBLIC ; legacy comment
SYLVANIA [SLVMIL]
RUFUS_T._FIREFLY
\t[FRDGOV 19330101-19331231]
\t[FRDELI >19340101]
TRENTINO [SLV]
\t[--- 19200101-19291231]
\t[SLVGOV <330601]
LEAGUE_OF_NATIONS [IGOLON]
THE_UN [IGO]
NOBODY [---]
PRESIDENT_JANE_Q._DOE [FRDGOV]
AMBASSADOR_TO_SYLVANIA [FRDGOV]
---STOP---
AFTER_THE_STOP [AAA]
"""

AGENTS = """\
!PERSON! = MAN, WOMAN
PRESIDENT [~GOV] # comment
CONGRESS!PERSON! [~LEG]
AMBASSADOR {} [~GOV]
RELIEF_AGENCY {RELIEF_AGENCIES} [NGO~]
"""


@pytest.fixture(scope="module")
def dictionaries(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("petrarch")
    actors, agents = folder / "test.actors.txt", folder / "test.agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return actors, agents


@pytest.fixture(scope="module")
def entries(dictionaries) -> dict:
    return {e.id: e for e in petrarch_to_entries(*dictionaries)}


# --------------------------------------------------------------------------- converter


def test_converter_reads_records_and_skips_comments(entries):
    assert list(entries) == [
        "freedonia", "sylvania", "rufus-t-firefly", "trentino", "league-of-nations", "the-un",
        "nobody", "jane-q-doe", "ambassador-to-sylvania",
    ]


def test_converter_maps_names_synonyms_codes_and_kinds(entries):
    freedonia = entries["freedonia"]
    assert (freedonia.name, freedonia.aliases) == ("Freedonia", ["Freedonian", "Freedonian Republic"])
    assert (freedonia.country, freedonia.kind) == ("FRD", "country")
    assert (entries["sylvania"].country, entries["sylvania"].kind) == ("SLV", "armed_group")
    assert (entries["league-of-nations"].name, entries["league-of-nations"].kind) == ("League of Nations", "igo")
    assert (entries["the-un"].name, entries["the-un"].country) == ("The UN", "IGO")
    assert entries["nobody"].country is None


def test_converter_takes_titles_from_agents_only_before_a_name(entries, dictionaries):
    doe = entries["jane-q-doe"]
    assert (doe.name, doe.role, doe.kind, doe.country) == ("Jane Q. Doe", "President", "person", "FRD")
    assert entries["ambassador-to-sylvania"].kind == "government"
    without_agents = {e.id: e for e in petrarch_to_entries(dictionaries[0])}
    assert without_agents["president-jane-q-doe"].kind == "government"


def test_date_restricted_codes(entries, dictionaries):
    assert entries["rufus-t-firefly"].country == "FRD"  # the open-ended FRDELI
    assert entries["rufus-t-firefly"].kind == "other"
    assert entries["trentino"].kind == "country"  # the default code wins without a date
    on_1933 = {e.id: e for e in petrarch_to_entries(dictionaries[0], on="19330301")}
    assert on_1933["rufus-t-firefly"].kind == "government"
    assert on_1933["trentino"].kind == "government"  # YYMMDD 330601 is 1933-06-01
    on_1920 = {e.id: e for e in petrarch_to_entries(dictionaries[0], on="19200101")}
    assert on_1920["rufus-t-firefly"].country is None  # no code applies and none is the default
    actors = {tuple(a.phrases[0]): a for a in read_actor_dictionary(dictionaries[0])}
    assert code_on(actors[("TRENTINO",)], "19400101") == "SLV"
    assert code_on(actors[("TRENTINO",)], "19250101") is None  # the first restriction in effect: null


def test_agents_expand_markers_and_tell_organisations_apart(dictionaries):
    agents = {" ".join(a.words): a for a in read_agent_dictionary(dictionaries[1])}
    assert {"CONGRESSMAN", "CONGRESSWOMAN", "PRESIDENT", "AMBASSADOR", "RELIEF AGENCY"} == set(agents)
    assert agents["CONGRESSWOMAN"].code == "LEG" and agents["CONGRESSWOMAN"].follows_actor
    assert not agents["RELIEF AGENCY"].follows_actor


@pytest.mark.parametrize(
    ("words", "name"),
    [
        (["NORTH", "KOREA"], "North Korea"),
        (["U.S."], "U.S."),
        (["IMF"], "IMF"),
        (["IRAN"], "Iran"),
        (["AL-QAEDA"], "Al-Qaeda"),
        (["GROUP", "OF", "77"], "Group of 77"),
        (["Mixed", "Case"], "Mixed Case"),
    ],
)
def test_display_names(words, name):
    assert display_name(words) == name


@pytest.mark.parametrize(
    ("code", "kind"),
    [("USA", "country"), ("USAGOV", "government"), ("ISRMIL", "armed_group"), ("IGOCOPITP", "igo"),
     ("NGO", "organization"), ("PSEREBHMS", "armed_group"), ("HGWGOVMED", "media"), ("PSEGZA", "other"),
     (None, "other")],
)
def test_kinds_from_codes(code, kind):
    assert kind_of(code) == kind


def test_converter_errors_name_the_line(tmp_path):
    bad_date = tmp_path / "bad.actors.txt"
    bad_date.write_text("GOOD [AAA]\nBAD\n\t[BBB <1999]\n", encoding="utf-8")
    with pytest.raises(KBError, match="line 3"):
        petrarch_to_entries(bad_date)
    orphan = tmp_path / "orphan.actors.txt"
    orphan.write_text("+SYNONYM_FIRST\n", encoding="utf-8")
    with pytest.raises(KBError, match="line 1"):
        petrarch_to_entries(orphan)


def test_cli_writes_a_loadable_actor_file(dictionaries, tmp_path):
    out = tmp_path / "actors.jsonl"
    assert petrarch_main([str(dictionaries[0]), str(dictionaries[1]), "-o", str(out)]) == 0
    kb = ActorKB.load(extra=[out], replace=True)
    assert kb.by_name("Freedonia").id == "freedonia"
    assert kb.by_name("FREEDONIA").id == "freedonia"
    assert kb.by_name("the UN").id == "the-un"
    assert kb.by_name("Iran") is None  # only the dictionary's actors


# --------------------------------------------------------------------------- metrics


def test_accuracy_counts_none_as_wrong():
    assert plover_eval.accuracy(["A", "B", "C"], ["A", "none", "C"]) == pytest.approx(2 / 3)


def test_macro_f1_over_the_given_labels():
    gold, predicted = ["A", "A", "B", "B"], ["A", "B", "B", "none"]
    scores = plover_eval.per_label_scores(gold, predicted, ["A", "B"])
    assert scores["A"] == pytest.approx({"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2})
    assert scores["B"]["f1"] == pytest.approx(0.5)
    assert plover_eval.macro_f1(gold, predicted, ["A", "B"]) == pytest.approx((2 / 3 + 0.5) / 2)
    assert plover_eval.macro_f1(gold, predicted, ["A", "B", "C"]) == pytest.approx((2 / 3 + 0.5) / 3)


def test_confusion_matrix_rows_gold_columns_predicted():
    confusion = plover_eval.confusion_matrix(["A", "A", "B", "B"], ["A", "B", "B", "none"], ["A", "B"])
    assert confusion.rows == ["A", "B"]
    assert confusion.columns == ["A", "B", "none"]
    assert confusion.counts == [[1, 1, 0], [0, 1, 1]]


def test_gold_actor_matching():
    france = plover_eval.PredictedActor("FRA", ("France",))
    un = plover_eval.PredictedActor(None, ("United Nations", "UN", "U.N."))
    assert plover_eval.actor_matches([plover_eval.GoldActor("French troops", "FRA")], france)
    assert not plover_eval.actor_matches([plover_eval.GoldActor("France", "FRA")], un)
    assert plover_eval.actor_matches([plover_eval.GoldActor("U.N. Security Council", "IGO")], un)
    assert not plover_eval.actor_matches([plover_eval.GoldActor("Red Cross", "IGO")], un)
    assert not plover_eval.actor_matches([plover_eval.GoldActor("France", "FRA")], None)


def test_max_matching_uses_each_event_once():
    def fits(coding, event):
        return coding[0] == event

    assert petrarch_eval.max_matching([("A", 1), ("A", 2)], ["A"], fits) == 1
    assert petrarch_eval.max_matching([("A", 1), ("B", 2)], ["B", "A"], fits) == 2


def test_petrarch_codes_compare_primary_actor_and_null():
    arnor = plover_eval.PredictedActor("ARN", ("Arnor",))
    assert petrarch_eval.code_matches("ARNGOV", arnor)
    assert not petrarch_eval.code_matches("GON", arnor)
    assert petrarch_eval.code_matches("---", None)
    assert petrarch_eval.code_matches('"THE HIGH COUNCIL"', plover_eval.PredictedActor(None, ("High Council",)))


# --------------------------------------------------------------------------- data loaders


@pytest.mark.skipif(not EVENT_CODING.is_dir(), reason="../shared event-coding data is missing")
def test_gsr_loader_maps_old_labels():
    records = plover_eval.load_gsr()
    assert len(records) == 322
    labels = {r.event for r in records}
    assert labels <= set(plover_eval.PLOVER_TYPES)
    assert not labels & set(plover_eval.LABEL_MAP)
    assert all(r.text and r.id for r in records)
    assert sum(bool(r.sources) for r in records) > 300


@pytest.mark.skipif(not EVENT_CODING.is_dir(), reason="../shared event-coding data is missing")
def test_petrarch_loader_and_validation_dictionaries():
    records = petrarch_eval.load_records()
    assert len(records) == 284
    assert sum(len(r.codings) for r in records) + sum(r.uncoded for r in records) == 385
    entries = petrarch_to_entries(petrarch_eval.ACTORS, petrarch_eval.AGENTS)
    assert len({e.id for e in entries}) == len(entries) > 100


# --------------------------------------------------------------------------- end to end

STAND_IN_TRIGGERS = {"attacked": ("ASSAULT", "19"), "met": ("CONSULT", "04")}


@Language.factory("test_stand_in_events")
def make_stand_in_events(nlp: Language, name: str):
    """A stand-in for the events component: one event per trigger word, the first two
    actors mentioned as source and target."""
    try:  # let the real component own the extension when it exists
        importlib.import_module("newsprism.analysis.events")
    except ModuleNotFoundError:
        Doc.set_extension("events", default=(), force=True)
    return stand_in_events


def stand_in_events(doc: Doc) -> Doc:
    order = list(dict.fromkeys(m.actor_id for m in doc._.actor_mentions))
    events = []
    for token in doc:
        if token.lower_ in STAND_IN_TRIGGERS and len(order) >= 2:
            plover, cameo = STAND_IN_TRIGGERS[token.lower_]
            events.append(Event(
                id=f"e{len(events)}", article_id="", source_id=order[0], type=plover, target_id=order[1],
                cameo=cameo, quad_class=4 if plover == "ASSAULT" else 1, polarity="asserted",
                modality="actual", attributed_to=None, date=None, location=None, text=doc.text,
                start=0, end=len(doc.text), trigger=token.text,
            ))
    doc._.events = events
    return doc


@pytest.fixture(scope="module")
def nlp(dictionaries, tmp_path_factory):
    actor_file = tmp_path_factory.mktemp("kb") / "test_actors.jsonl"
    assert petrarch_main([str(dictionaries[0]), "-o", str(actor_file)]) == 0
    settings = Settings(components=("newsprism_actors", "test_stand_in_events"), actors_files=(str(actor_file),))
    return load_pipeline(settings)


def test_plover_evaluation_end_to_end(nlp):
    G = plover_eval.GoldActor
    records = [
        plover_eval.GsrRecord("t1", "France attacked Germany on Monday.", "ASSAULT", [G("France", "FRA")],
                              [G("Germany", "DEU")]),
        plover_eval.GsrRecord("t2", "The United Nations met Iran in Geneva.", "CONSULT",
                              [G("United Nations", "IGO")], [G("Iran", "IRN")]),
        plover_eval.GsrRecord("t3", "Chile protested loudly.", "PROTEST", [G("Chile", "CHL")], []),
    ]
    result = plover_eval.evaluate(nlp, records)
    assert result["type_accuracy"] == pytest.approx(2 / 3)
    assert result["coverage"] == pytest.approx(2 / 3)
    assert result["source"] == {"with_gold": 3, "with_gold_share": 1.0, "correct": 2, "accuracy": pytest.approx(2 / 3)}
    assert result["target"]["with_gold"] == 2 and result["target"]["correct"] == 2
    confusion = result["confusion"]
    assert confusion["counts"][confusion["rows"].index("PROTEST")][confusion["columns"].index("none")] == 1


def test_petrarch_evaluation_end_to_end(nlp):
    records = [
        petrarch_eval.PetrarchRecord("p1", "Freedonia attacked Sylvania at dawn.",
                                     [petrarch_eval.Coding("FRDMIL", "SLV", "190"),
                                      petrarch_eval.Coding("FRD", "SLV", "903")]),
        petrarch_eval.PetrarchRecord("p2", "Sylvania met Freedonia.", [petrarch_eval.Coding("SLV", "FRD", "042")]),
        petrarch_eval.PetrarchRecord("p3", "Nothing happened that day.", [], uncoded=1),
    ]
    result = petrarch_eval.evaluate(nlp, records)
    assert result["codings"] == 3 and result["event_coding_elements"] == 4
    assert result["actors_right"] == 2  # the one event of p1 reproduces only one of its codings
    assert result["actors_and_root_right"] == 2
    assert result["codings_with_non_cameo_root"] == 1
    assert (result["no_event_sentences"], result["no_event_agreed"]) == (1, 1)


# --------------------------------------------------------------------------- the sentences written for development


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_written_sentences_are_well_formed(split):
    gold = events_dev_eval.read_gold(events_dev_eval.ANNOTATIONS / f"{split}.jsonl")
    assert len(gold) >= 40
    kinds = set(plover_eval.PLOVER_TYPES) | {events_dev_eval.NONE}
    for item in gold:
        assert set(item) == {"text", "event", "source_code", "target_code"} and item["event"] in kinds
        for code in (item["source_code"], item["target_code"]):
            assert code is None or plover_eval.is_state_code(code) or code == "XKX", item
    assert len({item["text"] for item in gold}) == len(gold)


def test_dev_and_heldout_sentences_do_not_overlap():
    texts = [{item["text"] for item in events_dev_eval.read_gold(events_dev_eval.ANNOTATIONS / f"{split}.jsonl")}
             for split in ("dev", "heldout")]
    assert not texts[0] & texts[1]


def test_dev_macro_f1_and_actor_country():
    score, per_type = events_dev_eval.macro_f1([("AGREE", "AGREE"), ("AGREE", "none"), ("ASSAULT", "AGREE")])
    assert per_type["AGREE"] == pytest.approx(0.5) and per_type["ASSAULT"] == 0.0
    assert score == pytest.approx(0.5 / 16)
    actors = {"un": Actor("un", "UN", "igo"), "kofi": Actor("kofi", "Kofi", "person", affiliation="un"),
              "amr": Actor("amr", "Amr", "person", affiliation="egypt"), "egypt": Actor("egypt", "Egypt", "country", "EGY")}
    assert events_dev_eval.actor_country(actors, "amr") == "EGY"
    assert events_dev_eval.actor_country(actors, "kofi") is None
    assert events_dev_eval.actor_country(actors, None) is None


# --------------------------------------------------------------------------- real sentences, by reference


SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.mark.skipif(not SHARED_DATA.exists(), reason="needs ../shared/data")
@pytest.mark.parametrize("split, size", [("real_dev", 120), ("real_heldout", 35)])
def test_real_references_resolve_to_the_annotated_sentences(split, size):
    path = events_dev_eval.ANNOTATIONS / f"{split}.jsonl"
    records = events_dev_eval.read_real(path)  # raises when a reference points elsewhere
    assert len(records) >= size and len({r.id for r in records}) == len(records)
    kinds = set(plover_eval.PLOVER_TYPES) | {events_dev_eval.NONE}
    for record in records:
        assert record.event in kinds and 5 <= len(record.text.split()) <= 60, record.id
        assert bool(record.sources) == (record.event != events_dev_eval.NONE), record.id
        for actor in record.sources + record.targets:
            assert actor.text.lower() in record.text.lower(), (record.id, actor.text)


def test_real_dev_and_heldout_do_not_overlap():
    refs = [{item["ref"] for item in events_dev_eval.read_gold(events_dev_eval.ANNOTATIONS / f"{split}.jsonl")}
            for split in events_dev_eval.REAL_SPLITS]
    assert refs[0] and refs[1] and not refs[0] & refs[1]


def test_real_dev_reference_checks(tmp_path):
    data = tmp_path / "data"
    (data / "giveme5w1h-gold" / "data").mkdir(parents=True)
    (data / "giveme5w1h-gold" / "data" / "abc.json").write_text('{"text": "Iran met Iraq. Then it rained."}')
    assert events_dev_eval.resolve_ref("giveme5w1h:abc:0:14", data) == "Iran met Iraq."
    gold = tmp_path / "gold.jsonl"
    line = {"ref": "giveme5w1h:abc:0:14", "sha1": "0" * 10, "event": "CONSULT",
            "source": [{"text": "Iran", "code": "IRN"}], "target": [{"text": "Iraq", "code": "IRQ"}]}
    gold.write_text(json.dumps(line) + "\n")
    with pytest.raises(ValueError, match="no longer points"):
        events_dev_eval.read_real(gold, data)
    line["sha1"] = events_dev_eval.text_digest("Iran met Iraq.")
    gold.write_text(json.dumps(line) + "\n")
    [record] = events_dev_eval.read_real(gold, data)
    assert (record.text, record.sources[0].code, record.targets[0].text) == ("Iran met Iraq.", "IRN", "Iraq")
    with pytest.raises(ValueError, match="unknown corpus"):
        events_dev_eval.resolve_ref("nowhere:x:0:1", data)
    with pytest.raises(ValueError, match="no article 'zzz'"):
        events_dev_eval.resolve_ref("giveme5w1h:zzz:0:1", data)


def test_named_accuracy_asks_for_the_gold_words_not_just_the_country():
    G, P = plover_eval.GoldActor, plover_eval.PredictedActor
    golds = [[G("Democrats", "USA")], [G("President Donald Trump", "USA")], []]
    predicted = [P("USA", ("Donald Trump", "Trump")), P("USA", ("Donald Trump",)), None]
    assert events_dev_eval.named_accuracy(golds, predicted) == pytest.approx(0.5)
    assert plover_eval.actor_scores(golds, predicted)["accuracy"] == 1.0


def test_plover_miss_breakdown_sorts_misses_into_kinds():
    pe = plover_eval
    records = [
        pe.GsrRecord(str(i), "", kind, [pe.GoldActor("France", "FRA")], [pe.GoldActor("Iran", "IRN")])
        for i, kind in enumerate(["ASSAULT", "ASSAULT", "ACCUSE", "ACCUSE", "AID"])
    ]
    france, iran = pe.PredictedActor("FRA", ("France",), "country"), pe.PredictedActor("IRN", ("Iran",), "country")
    police = pe.PredictedActor(None, ("the police",))
    predictions = [
        pe.Prediction("none", None, None),
        pe.Prediction("ASSAULT", police, None),
        pe.Prediction("REQUEST", iran, france, ("ACCUSE",), pe.MAIN),
        pe.Prediction("REQUEST", france, iran, (), pe.SUBORDINATE, root_known=False),
        pe.Prediction("AID", france, iran),
    ]
    misses = pe.score(records, predictions)["misses"]
    assert misses["type"]["kinds"] == {"none": 1, "gold_type_later": 1, "subordinate, root unknown": 1}
    assert misses["source"]["kinds"] == {"no_event": 1, "no_country:unresolved": 1, "wrong_actor:swapped": 1}
    assert misses["target"]["kinds"] == {"no_event": 1, "no_actor": 1, "wrong_actor:swapped": 1}
    assert misses["source"]["by_type"]["no_country:unresolved (type right)"] == 1
