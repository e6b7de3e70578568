"""Events against the PLOVER gold standard records (GSR).

    .venv/bin/python bench/plover_eval.py [--limit N] [--fallback]   # writes bench/results/plover.{json,csv} (+ .png)

Data: ``../shared/data/event-coding/plover-gsr/PLOVER_GSR_CAMEO.txt`` (Open Event Data
Alliance, CC BY-SA 4.0): 322 sentences from the CAMEO manual's examples, each coded by
hand with one PLOVER event, its source and (mostly) its target actors. The file was
coded with PLOVER 0.5b1; its labels are brought to the 16 current types by
DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT.

Each sentence is run through the newsprism pipeline with the events component; its
predicted event is the first one in ``doc._.events``, or none.

- **Type accuracy**: the share of sentences whose predicted type is the gold type
  ("none" is wrong). **Macro-F1**: the unweighted mean over the 16 PLOVER types of
  each type's F1 (precision over the sentences predicted as that type, recall over
  the sentences of that gold type; 0 where undefined). **Coverage**: the share of
  sentences with any event.
- **Source / target accuracy**: over the sentences whose gold has that actor (a
  non-empty list), the share where the predicted event's actor is right; the share
  of sentences with a gold actor is reported beside it. The predicted actor is the
  event's ``source_id`` / ``target_id`` looked up in ``doc._.actors``: its code is the
  actor's ``country``, or else the country of the actor it is affiliated to; its names
  are its name and aliases plus the event's ``source_text`` / ``target_text``. It is
  right when it matches any one of the gold actors: for a gold code that is an ISO
  3166-1 alpha-3 country (pycountry), when the codes are equal; for any other gold
  code (IGO, NGO, IMG, ... and the GSR's few old CAMEO country codes such as JAP),
  when one of its names, normalised as in the actor KB (``normalise_name``), occurs as
  a run of whole words in the gold ``actorText`` or contains it. No event, or no
  actor, is wrong.
- **Confusion matrix**: rows are gold types, columns predicted types (16 + "none").
- **Miss breakdown** (counts only, so the GSR is diagnosed without reading its
  sentences). An actor miss is one of: ``no_event``; ``no_actor`` (an event with no
  actor in that role); ``no_country`` (an actor with no country where the gold has a
  country code: split by what it is, ``unresolved`` words such as "police" that named
  no actor of the article, or the actor's kind); ``wrong_actor`` (another country,
  or a non-country gold not matched by name), of which ``swapped`` matches the gold
  actor of the other role; each kind is also counted by whether the type was right.
  A type miss is one of: ``none``; ``gold_type_later`` (a later event of the sentence
  has the gold type); ``reporting`` (the first event's trigger is a verb of saying,
  ``[speech]`` of event_cues.txt); ``subordinate`` (its trigger is in a subordinate
  clause: it or an ancestor hangs on its head as a clause other than an infinitive);
  ``complement`` (under the main verb only through infinitives and participles:
  "began patrolling"); ``main`` (any other wrong type). The reporting, subordinate and
  complement kinds say whether a pattern with a type matches at the sentence's root
  word (``root known``) or none does (``root unknown``). The trigger token is the word at the
  event's ``trigger_start``.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import pycountry  # noqa: E402

from newsprism.kb import normalise_name  # noqa: E402

HERE = Path(__file__).resolve().parent
GSR = HERE.parents[1] / "shared" / "data" / "event-coding" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
RESULTS = HERE / "results"
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
LABEL_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
NONE = "none"
UNRESOLVED = "unresolved"
REPORTING, SUBORDINATE, COMPLEMENT, MAIN = "reporting", "subordinate", "complement", "main"
# Dependencies by which a clause hangs on the word it depends on.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"})
EVENTS_COMPONENT = "newsprism_events"
ANCHORS = "for scale (published figures, other setups, not measured here): " \
    "PLOVER demo classifier macro-F1 0.52; UD-PETRARCH 27% actors"


@dataclass(slots=True)
class GoldActor:
    text: str
    code: str
    sector: str | None = None


@dataclass(slots=True)
class GsrRecord:
    id: str
    text: str
    event: str  # a PLOVER type, after LABEL_MAP
    sources: list[GoldActor]
    targets: list[GoldActor]


@dataclass(slots=True)
class PredictedActor:
    code: str | None
    names: tuple[str, ...]
    kind: str = UNRESOLVED  # the actor's kind, or UNRESOLVED for words that named no actor


@dataclass(slots=True)
class Prediction:
    type: str  # a PLOVER type or NONE
    source: PredictedActor | None
    target: PredictedActor | None
    later_types: tuple[str, ...] = ()  # the types of the sentence's other events
    trigger_place: str | None = None  # REPORTING, SUBORDINATE, COMPLEMENT or MAIN: where the first event's trigger stands
    root_known: bool = False  # whether a pattern with a type matches at the root word of the trigger's sentence


@dataclass(slots=True)
class Confusion:
    rows: list[str]  # gold labels
    columns: list[str]  # predicted labels
    counts: list[list[int]]


# --------------------------------------------------------------------------- data


def load_gsr(path: Path = GSR) -> list[GsrRecord]:
    """The GSR's sentences (the DOCUMENT record left out), labels mapped to current PLOVER."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [
        GsrRecord(
            id=record["id"],
            text=record["text"],
            event=LABEL_MAP.get(record["event"], record["event"]),
            sources=_gold_actors(record.get("source")),
            targets=_gold_actors(record.get("target")),
        )
        for record in records
        if record.get("event") != "DOCUMENT"
    ]


def _gold_actors(value) -> list[GoldActor]:
    """A gold actor list; the GSR writes "no target" as null, "" or a stray word."""
    if not isinstance(value, list):
        return []
    return [GoldActor(a.get("actorText", ""), a["code"], a.get("sector")) for a in value if a.get("code")]


# --------------------------------------------------------------------------- metrics


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0


def per_label_scores(gold: Sequence[str], predicted: Sequence[str], labels: Iterable[str]) -> dict[str, dict]:
    """Precision, recall, F1 and support of each label (0 where undefined)."""
    pairs = list(zip(gold, predicted, strict=True))
    scores = {}
    for label in labels:
        hits = sum(g == p == label for g, p in pairs)
        guessed = sum(p == label for _, p in pairs)
        support = sum(g == label for g, _ in pairs)
        precision = hits / guessed if guessed else 0.0
        recall = hits / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    return scores


def macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Iterable[str]) -> float:
    scores = per_label_scores(gold, predicted, labels)
    return sum(s["f1"] for s in scores.values()) / len(scores) if scores else 0.0


def confusion_matrix(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str], columns: Sequence[str] | None = None
) -> Confusion:
    """Counts of (gold, predicted) pairs. Rows: ``labels`` then any other gold label;
    columns: ``columns`` (default ``labels``) then any other predicted label."""
    rows = list(labels) + sorted(set(gold) - set(labels))
    columns = list(labels if columns is None else columns)
    columns += sorted(set(predicted) - set(columns))
    pairs = Counter(zip(gold, predicted, strict=True))
    return Confusion(rows, columns, [[pairs[(r, c)] for c in columns] for r in rows])


# --------------------------------------------------------------------------- actors


def is_state_code(code: str) -> bool:
    return len(code) == 3 and pycountry.countries.get(alpha_3=code.upper()) is not None


def _contains_run(words: list[str], run: list[str]) -> bool:
    return any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


def names_match(gold_text: str, names: Iterable[str]) -> bool:
    """True when a name occurs as whole words in ``gold_text`` or contains it (normalised)."""
    gold_words = normalise_name(gold_text).split()
    for name in names:
        words = normalise_name(name).split()
        if words and gold_words and (_contains_run(gold_words, words) or _contains_run(words, gold_words)):
            return True
    return False


def actor_matches(gold: Sequence[GoldActor], predicted: PredictedActor | None) -> bool:
    if predicted is None:
        return False
    return any(
        predicted.code == g.code if is_state_code(g.code) else names_match(g.text, predicted.names)
        for g in gold
    )


def predicted_actor(actors: dict, actor_id: str | None, surface: str | None) -> PredictedActor | None:
    """The code and names of an event's actor; None when the event names none."""
    actor = actors.get(actor_id) if actor_id else None
    if actor is None:
        return PredictedActor(None, (surface,)) if surface else None
    affiliation = actors.get(actor.affiliation) if actor.affiliation else None
    code = actor.country or (affiliation.country if affiliation else None)
    names = (actor.name, *actor.aliases, *([surface] if surface else []))
    return PredictedActor(code, names, actor.kind)


def trigger_token(doc, event):
    """The event's trigger token: the word at its ``trigger_start``."""
    return next((t for t in doc if t.idx == event.trigger_start), None)


def trigger_place(token, speech_words: frozenset[str]) -> str | None:
    """REPORTING for a verb of saying, SUBORDINATE for a word inside a subordinate
    clause, COMPLEMENT for one under the main verb through infinitives only, else
    MAIN; None when the trigger is not found."""
    if token is None:
        return None
    if token.lemma_.lower() in speech_words:
        return REPORTING
    deps = set()
    word = token
    while word.head.i != word.i:
        deps.add(word.dep_)
        word = word.head
    return SUBORDINATE if deps & CLAUSE_DEPS else COMPLEMENT if "xcomp" in deps else MAIN


def doc_actors(doc) -> dict:
    return {actor.id: actor for actor in doc._.actors}


# --------------------------------------------------------------------------- running


def events_pipeline(fallback: bool = False, **settings):
    """The newsprism pipeline with the events component added when it is not already in;
    ``fallback=True`` adds the fallback classifier's guesses (rule 9 of events.py)."""
    from newsprism.analysis.events import default_fallback
    from newsprism.analysis.pipeline import load_pipeline
    from newsprism.config import Settings

    try:
        importlib.import_module("newsprism.analysis.events")
    except ModuleNotFoundError as error:
        sys.exit(f"the events component is not available yet ({error})")
    base = Settings(**settings)
    if EVENTS_COMPONENT not in base.components:
        base.components = (*base.components, EVENTS_COMPONENT)
    nlp = load_pipeline(base)
    if fallback:
        nlp.get_pipe(EVENTS_COMPONENT).fallback = default_fallback()
    return nlp


def predict(nlp, texts: Iterable[str]) -> list[Prediction]:
    """The first event of each text (see the module docstring)."""
    lexicon = events_lexicon(nlp)
    speech_words = frozenset(lexicon.cues.get("speech", {}))
    predictions = []
    for doc in nlp.pipe(texts, batch_size=16):
        events = list(doc._.events)
        if not events:
            predictions.append(Prediction(NONE, None, None))
            continue
        first, actors = events[0], doc_actors(doc)
        trigger = trigger_token(doc, first)
        predictions.append(Prediction(
            first.type,
            predicted_actor(actors, first.source_id, first.source_text),
            predicted_actor(actors, first.target_id, first.target_text),
            tuple(e.type for e in events[1:]),
            trigger_place(trigger, speech_words),
            trigger is not None and is_pattern_word(lexicon, trigger.sent.root),
        ))
    return predictions


def is_pattern_word(lexicon, token) -> bool:
    """Whether a pattern with a type matches at the word (its other words around it)."""
    from newsprism.analysis.events import matched_needs

    return any(p.type is not None and matched_needs(token, p.needs) is not None for p in lexicon.candidates(token))


def events_lexicon(nlp):
    """The events component's patterns and cues (the bundled ones for a stand-in component)."""
    from newsprism.analysis.events import default_lexicon

    component = nlp.get_pipe(EVENTS_COMPONENT) if EVENTS_COMPONENT in nlp.pipe_names else None
    return getattr(component, "lexicon", None) or default_lexicon()


def actor_scores(golds: list[list[GoldActor]], predicted: list[PredictedActor | None]) -> dict:
    with_gold = [(g, p) for g, p in zip(golds, predicted, strict=True) if g]
    correct = sum(actor_matches(g, p) for g, p in with_gold)
    return {
        "with_gold": len(with_gold),
        "with_gold_share": len(with_gold) / len(golds) if golds else 0.0,
        "correct": correct,
        "accuracy": correct / len(with_gold) if with_gold else 0.0,
    }


def actor_miss(gold: Sequence[GoldActor], other_gold: Sequence[GoldActor], prediction: Prediction,
               predicted: PredictedActor | None) -> str | None:
    """The kind of an actor miss (module docstring), None when the actor is right."""
    if prediction.type == NONE:
        return "no_event"
    if predicted is None:
        return "no_actor"
    if actor_matches(gold, predicted):
        return None
    if predicted.code is None and any(is_state_code(g.code) for g in gold):
        return f"no_country:{predicted.kind}"
    return "wrong_actor:swapped" if other_gold and actor_matches(other_gold, predicted) else "wrong_actor:other"


def actor_breakdown(records: Sequence[GsrRecord], predictions: Sequence[Prediction], side: str) -> dict:
    """Counts of each kind of miss, overall, by whether the event's type was right and
    by gold type."""
    other = "targets" if side == "sources" else "sources"
    kinds, by_type, per_type = Counter(), Counter(), {}
    for record, prediction in zip(records, predictions, strict=True):
        gold = getattr(record, side)
        if not gold:
            continue
        predicted = prediction.source if side == "sources" else prediction.target
        kind = actor_miss(gold, getattr(record, other), prediction, predicted)
        if kind is not None:
            kinds[kind] += 1
            by_type[f"{kind} ({'type right' if prediction.type == record.event else 'type wrong'})"] += 1
            per_type.setdefault(record.event, Counter())[kind] += 1
    return {"kinds": dict(kinds.most_common()), "by_type": dict(sorted(by_type.items())),
            "per_gold_type": {t: dict(c.most_common()) for t, c in sorted(per_type.items())}}


def type_miss(record: GsrRecord, prediction: Prediction) -> str | None:
    if prediction.type == record.event:
        return None
    if prediction.type == NONE:
        return NONE
    if record.event in prediction.later_types:
        return "gold_type_later"
    if prediction.trigger_place in (None, MAIN):
        return prediction.trigger_place or "trigger_not_found"
    return f"{prediction.trigger_place}, root {'known' if prediction.root_known else 'unknown'}"


def type_breakdown(records: Sequence[GsrRecord], predictions: Sequence[Prediction]) -> dict:
    """Counts of each kind of type miss, overall and per gold type."""
    kinds, per_type = Counter(), {}
    for record, prediction in zip(records, predictions, strict=True):
        kind = type_miss(record, prediction)
        if kind is not None:
            kinds[kind] += 1
            per_type.setdefault(record.event, Counter())[kind] += 1
    return {"kinds": dict(kinds.most_common()),
            "per_gold_type": {t: dict(c.most_common()) for t, c in sorted(per_type.items())}}


def score(records: Sequence[GsrRecord], predictions: Sequence[Prediction]) -> dict:
    gold = [r.event for r in records]
    types = [p.type for p in predictions]
    confusion = confusion_matrix(gold, types, PLOVER_TYPES, PLOVER_TYPES + (NONE,))
    return {
        "sentences": len(records),
        "coverage": sum(t != NONE for t in types) / len(types) if types else 0.0,
        "type_accuracy": accuracy(gold, types),
        "macro_f1": macro_f1(gold, types, PLOVER_TYPES),
        "per_type": per_label_scores(gold, types, PLOVER_TYPES),
        "source": actor_scores([r.sources for r in records], [p.source for p in predictions]),
        "target": actor_scores([r.targets for r in records], [p.target for p in predictions]),
        "confusion": {"rows": confusion.rows, "columns": confusion.columns, "counts": confusion.counts},
        "misses": {
            "type": type_breakdown(records, predictions),
            "source": actor_breakdown(records, predictions, "sources"),
            "target": actor_breakdown(records, predictions, "targets"),
        },
    }


def evaluate(nlp, records: Sequence[GsrRecord]) -> dict:
    return score(records, predict(nlp, (r.text for r in records)))


# --------------------------------------------------------------------------- output


def write_confusion_csv(confusion: dict, path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["gold \\ predicted", *confusion["columns"]])
        for row, counts in zip(confusion["rows"], confusion["counts"], strict=True):
            writer.writerow([row, *counts])


def write_confusion_png(confusion: dict, path: Path) -> bool:
    """A heatmap, when matplotlib is installed (it is not a dependency)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    counts, rows, columns = confusion["counts"], confusion["rows"], confusion["columns"]
    figure, axes = plt.subplots(figsize=(9, 8))
    axes.imshow(counts, cmap="Blues")
    axes.set_xticks(range(len(columns)), columns, rotation=90)
    axes.set_yticks(range(len(rows)), rows)
    axes.set_xlabel("predicted")
    axes.set_ylabel("gold")
    darkest = max(max(line) for line in counts) or 1
    for i, line in enumerate(counts):
        for j, count in enumerate(line):
            if count:
                colour = "white" if count > darkest / 2 else "black"
                axes.text(j, i, count, ha="center", va="center", fontsize=7, color=colour)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
    return True


def print_confusion(confusion: dict) -> None:
    corner = "gold/pred"
    print(f"{corner:>11} " + " ".join(f"{c[:4]:>4}" for c in confusion["columns"]))
    for row, counts in zip(confusion["rows"], confusion["counts"], strict=True):
        print(f"{row:>11} " + " ".join(f"{n:>4}" if n else "   ." for n in counts))


def print_summary(result: dict) -> None:
    print(f"PLOVER GSR: {result['sentences']} sentences, {result['seconds']} s")
    print(f"  events found     {result['coverage']:.1%} of sentences")
    print(f"  type accuracy    {result['type_accuracy']:.1%}")
    print(f"  type macro-F1    {result['macro_f1']:.3f}")
    for side in ("source", "target"):
        s = result[side]
        print(f"  {side} accuracy  {s['accuracy']:.1%} ({s['correct']}/{s['with_gold']}; "
              f"gold has a {side} in {s['with_gold_share']:.1%})")
    print(f"  {ANCHORS}")
    print("  per-type F1     " + ", ".join(f"{t} {s['f1']:.2f}" for t, s in result["per_type"].items()))
    print_confusion(result["confusion"])
    print_misses(result["misses"])


def print_misses(misses: dict) -> None:
    print("misses (counts):")
    print("  type   " + ", ".join(f"{k} {n}" for k, n in misses["type"]["kinds"].items()))
    for kind, counts in misses["type"]["per_gold_type"].items():
        print(f"    {kind:>10}: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    for side in ("source", "target"):
        print(f"  {side} " + ", ".join(f"{k} {n}" for k, n in misses[side]["kinds"].items()))
        print("    " + ", ".join(f"{k} {n}" for k, n in misses[side]["by_type"].items()))
        for kind, counts in misses[side]["per_gold_type"].items():
            print(f"    {kind:>10}: " + ", ".join(f"{k} {n}" for k, n in counts.items()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N sentences")
    parser.add_argument("--fallback", action="store_true", help="add the fallback classifier's guesses")
    args = parser.parse_args(argv)
    records = load_gsr()[: args.limit]
    nlp = events_pipeline(fallback=args.fallback)
    started = time.perf_counter()
    result = evaluate(nlp, records)
    result = {"data": os.path.relpath(GSR, HERE.parent), "limit": args.limit, "label_map": LABEL_MAP,
              "fallback": args.fallback,
              "seconds": round(time.perf_counter() - started, 1), "anchors": ANCHORS, **result}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "plover.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    write_confusion_csv(result["confusion"], RESULTS / "plover.csv")
    drawn = write_confusion_png(result["confusion"], RESULTS / "plover.png")
    print_summary(result)
    print(f"wrote {RESULTS / 'plover.json'}, plover.csv" + (", plover.png" if drawn else " (no matplotlib: no PNG)"))


if __name__ == "__main__":
    main()
