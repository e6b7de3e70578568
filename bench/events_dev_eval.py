"""Event coding against the development set of one-event sentences.

    .venv/bin/python bench/events_dev_eval.py [--split dev|heldout] [--errors]
    # writes bench/results/events-<split>.json

Gold: ``bench/annotations/events/<split>.jsonl``, one sentence a line written for
newsprism in the style of international wire news: ``{"text", "event",
"source_code", "target_code"}`` with ``event`` a PLOVER type (or "none" for a
sentence with no event) and the codes ISO 3166 alpha-3 (or null). Develop against
``dev`` only; ``heldout`` (written before the rules it measures) is run in aggregate.

Measures, over each sentence's first predicted event (events come main event first):
type accuracy (the type, or "none" when nothing is found, equals the gold); macro-F1
over the 16 PLOVER types (per-type precision and recall of that first type, "none"
counting as no prediction); source and target accuracy over the sentences with a
gold event, where the predicted actor's country (a person or body without one: that
of the body it belongs to) must equal the gold code, null matching null.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from newsprism.analysis.events import PLOVER_TYPES  # noqa: E402
from newsprism.analysis.pipeline import load_pipeline  # noqa: E402
from newsprism.config import Settings  # noqa: E402
from newsprism.records import Actor  # noqa: E402

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE / "annotations" / "events"
RESULTS = HERE / "results"
NONE = "none"


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def actor_country(actors: dict[str, Actor], actor_id: str | None) -> str | None:
    """The actor's country, else that of the body it belongs to."""
    actor = actors.get(actor_id or "")
    if actor is None:
        return None
    if actor.country is None and actor.affiliation in actors:
        return actors[actor.affiliation].country
    return actor.country


def predict(nlp, text: str) -> tuple[str, str | None, str | None, str]:
    """(type, source country, target country, trigger) of the sentence's first event."""
    doc = nlp(text)
    actors = {a.id: a for a in doc._.actors}
    if not doc._.events:
        return NONE, None, None, ""
    event = doc._.events[0]
    return event.type, actor_country(actors, event.source_id), actor_country(actors, event.target_id), event.trigger


def macro_f1(pairs: list[tuple[str, str]]) -> tuple[float, dict[str, float]]:
    """Mean F1 over the PLOVER types of (gold, predicted) pairs."""
    scores = {}
    for kind in sorted(PLOVER_TYPES):
        hits = sum(1 for gold, guess in pairs if gold == guess == kind)
        predicted = sum(1 for _, guess in pairs if guess == kind)
        relevant = sum(1 for gold, _ in pairs if gold == kind)
        precision = hits / predicted if predicted else 0.0
        recall = hits / relevant if relevant else 0.0
        scores[kind] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return sum(scores.values()) / len(scores), scores


def evaluate(path: Path, show_errors: bool) -> dict:
    gold = read_gold(path)
    nlp = load_pipeline(Settings(progress=False))
    pairs, sources, targets = [], [], []
    for item in gold:
        kind, source, target, trigger = predict(nlp, item["text"])
        pairs.append((item["event"], kind))
        if item["event"] != NONE:
            sources.append(source == item["source_code"])
            targets.append(target == item["target_code"])
        wrong = kind != item["event"] or (item["event"] != NONE and (
            source != item["source_code"] or target != item["target_code"]))
        if show_errors and wrong:
            print(f"{item['event']:>9} {item['source_code']}->{item['target_code']} | got {kind} "
                  f"{source}->{target} [{trigger}] | {item['text']}", file=sys.stderr)
    macro, per_type = macro_f1(pairs)
    return {
        "data": str(path.relative_to(HERE.parent)),
        "sentences": len(gold),
        "type_accuracy": sum(g == p for g, p in pairs) / len(pairs),
        "macro_f1": macro,
        "source_accuracy": sum(sources) / len(sources),
        "target_accuracy": sum(targets) / len(targets),
        "no_event_predicted": sum(p == NONE for _, p in pairs),
        "f1_by_type": per_type,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--errors", action="store_true", help="print each wrong sentence to stderr")
    args = parser.parse_args()
    if args.errors and args.split != "dev":
        parser.error("--errors is for the dev split only: the held-out split is run in aggregate")
    result = evaluate(ANNOTATIONS / f"{args.split}.jsonl", args.errors)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"events-{args.split}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "f1_by_type"}, indent=2))


if __name__ == "__main__":
    main()
