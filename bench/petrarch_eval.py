"""Events against PETRARCH-2's unit-test records.

    .venv/bin/python bench/petrarch_eval.py [--limit N]   # writes bench/results/petrarch.json

Data: ``../shared/data/event-coding/petrarch2-unittests/`` (openeventdata/petrarch2,
MIT): ``PETR.UnitTest.records.xml``, 284 ``<Sentence>`` records whose actors, mostly
invented (Arnor, Gondor, ...), are defined in ``PETR.Validate.actors.txt`` and
``.agents.txt``. Those dictionaries are converted by :mod:`newsprism.kb.petrarch` to
a temporary actor file, and the newsprism pipeline runs with those actors only
(``Settings(actors_files=(file,), replace_actors=True)``) over each record's
``<Text>``. PETRARCH's verb dictionary and the records' parse trees are not used.

Expected codings are the ``<EventCoding sourcecode targetcode eventcode>`` elements
(the other ``<EventCoding>`` elements say ``noevents`` or name a PETRARCH input
error). Within a sentence, a predicted event reproduces an expected coding when

- (a) **actors**: its source and its target are both right. Codes are compared by
  their first three characters, the primary actor ("ARNGOV" and "ARN" agree; agent
  codes are not compared). The predicted code is the actor's ``country``, where the
  converter keeps the code's first three letters, else the country of the actor it
  is affiliated to; an event without that actor, or an actor without a code, reads
  as PETRARCH's null code "---". An expected code in double quotes is an actor
  PETRARCH found outside its dictionary: right when the predicted actor has no code
  and one of its names matches the quoted text (``plover_eval.names_match``);
- (b) **actors and root**: (a), and the event's ``cameo`` equals the first two digits
  of ``eventcode``. Codings whose root is not a CAMEO root (01-20; the validation verb
  dictionary has test codes such as 903) cannot be reproduced; their number is
  reported.

Each predicted event reproduces at most one coding (a maximum one-to-one matching per
sentence). Records expecting no event are the sentences without any expected coding;
they count as agreed when newsprism finds no event in them either.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from plover_eval import (  # noqa: E402
    RESULTS, PredictedActor, doc_actors, events_pipeline, names_match, predicted_actor,
)

from newsprism.kb import write_entries  # noqa: E402
from newsprism.kb.petrarch import petrarch_to_entries  # noqa: E402

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "shared" / "data" / "event-coding" / "petrarch2-unittests"
RECORDS = DATA / "PETR.UnitTest.records.xml"
ACTORS = DATA / "PETR.Validate.actors.txt"
AGENTS = DATA / "PETR.Validate.agents.txt"
NULL_CODE = "---"
CAMEO_ROOTS = frozenset(f"{n:02d}" for n in range(1, 21))


@dataclass(slots=True)
class Coding:
    source: str
    target: str
    event: str


@dataclass(slots=True)
class PetrarchRecord:
    id: str
    text: str
    codings: list[Coding] = field(default_factory=list)
    uncoded: int = 0  # <EventCoding> elements with noevents or error instead of codes


@dataclass(slots=True)
class PredictedEvent:
    source: PredictedActor | None
    target: PredictedActor | None
    cameo: str | None


def load_records(path: Path = RECORDS) -> list[PetrarchRecord]:
    """The ``<Sentence>`` records: id, text (whitespace joined) and expected codings."""
    records = []
    for sentence in ET.parse(path).getroot().iter("Sentence"):
        record = PetrarchRecord(sentence.get("id", ""), " ".join((sentence.findtext("Text") or "").split()))
        for coding in sentence.iter("EventCoding"):
            if coding.get("eventcode") is None:
                record.uncoded += 1
            else:
                record.codings.append(Coding(coding.get("sourcecode", ""), coding.get("targetcode", ""),
                                             coding.get("eventcode", "")))
        records.append(record)
    return records


def code_matches(expected: str, predicted: PredictedActor | None) -> bool:
    """An expected PETRARCH code against a predicted actor (see the module docstring)."""
    if expected.startswith('"'):
        return predicted is not None and predicted.code is None and names_match(expected.strip('"'), predicted.names)
    code = predicted.code if predicted is not None and predicted.code else NULL_CODE
    return expected[:3].upper() == code[:3]


def actors_right(coding: Coding, event: PredictedEvent) -> bool:
    return code_matches(coding.source, event.source) and code_matches(coding.target, event.target)


def actors_and_root_right(coding: Coding, event: PredictedEvent) -> bool:
    return actors_right(coding, event) and (event.cameo or "")[:2] == coding.event[:2]


def max_matching(expected: Sequence, predicted: Sequence, fits: Callable[[object, object], bool]) -> int:
    """The size of a largest one-to-one matching of expected to predicted items where
    ``fits`` holds (augmenting paths, Kuhn 1955)."""
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j, item in enumerate(predicted):
            if j not in seen and fits(expected[i], item):
                seen.add(j)
                if j not in owner or assign(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(assign(i, set()) for i in range(len(expected)))


def predict(nlp, texts) -> list[list[PredictedEvent]]:
    predictions = []
    for doc in nlp.pipe(texts, batch_size=16):
        actors = doc_actors(doc)
        predictions.append([
            PredictedEvent(
                predicted_actor(actors, e.source_id, e.source_text),
                predicted_actor(actors, e.target_id, e.target_text),
                e.cameo,
            )
            for e in doc._.events
        ])
    return predictions


def score(records: Sequence[PetrarchRecord], predictions: Sequence[list[PredictedEvent]]) -> dict:
    pairs = list(zip(records, predictions, strict=True))
    codings = sum(len(r.codings) for r in records)
    actors = sum(max_matching(r.codings, p, actors_right) for r, p in pairs)
    with_root = sum(max_matching(r.codings, p, actors_and_root_right) for r, p in pairs)
    no_event = [p for r, p in pairs if not r.codings]
    return {
        "sentences": len(records),
        "event_coding_elements": codings + sum(r.uncoded for r in records),
        "codings": codings,
        "codings_with_non_cameo_root": sum(c.event[:2] not in CAMEO_ROOTS for r in records for c in r.codings),
        "actors_right": actors,
        "actors_right_share": actors / codings if codings else 0.0,
        "actors_and_root_right": with_root,
        "actors_and_root_right_share": with_root / codings if codings else 0.0,
        "no_event_sentences": len(no_event),
        "no_event_agreed": sum(not p for p in no_event),
        "predicted_events": sum(len(p) for p in predictions),
        "sentences_with_events": sum(bool(p) for p in predictions),
    }


def evaluate(nlp, records: Sequence[PetrarchRecord]) -> dict:
    return score(records, predict(nlp, (r.text for r in records)))


def converted_pipeline():
    """The pipeline with the validation dictionaries as its only actors."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "petrarch_validate.jsonl"
        write_entries(petrarch_to_entries(ACTORS, AGENTS), path)
        return events_pipeline(actors_files=(str(path),), replace_actors=True)


def print_summary(result: dict) -> None:
    n = result["codings"]
    print(f"PETRARCH unit tests: {result['sentences']} sentences, {n} expected codings "
          f"({result['event_coding_elements']} <EventCoding> elements), {result['seconds']} s")
    print(f"  (a) source and target right     {result['actors_right']}/{n} ({result['actors_right_share']:.1%})")
    print(f"  (b) ... and CAMEO root right    {result['actors_and_root_right']}/{n} "
          f"({result['actors_and_root_right_share']:.1%}; {result['codings_with_non_cameo_root']} codings "
          f"have a non-CAMEO root)")
    print(f"  no event expected, none found   {result['no_event_agreed']}/{result['no_event_sentences']}")
    print(f"  events predicted                {result['predicted_events']} "
          f"in {result['sentences_with_events']} sentences")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N sentences")
    args = parser.parse_args(argv)
    records = load_records()[: args.limit]
    nlp = converted_pipeline()
    started = time.perf_counter()
    result = evaluate(nlp, records)
    result = {"data": "../shared/data/event-coding/petrarch2-unittests", "limit": args.limit,
              "seconds": round(time.perf_counter() - started, 1), **result}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "petrarch.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_summary(result)
    print(f"wrote {RESULTS / 'petrarch.json'}")


if __name__ == "__main__":
    main()
