"""Train the events component's fallback type classifier (rule 9 of newsprism/analysis/events.py).

    .venv/bin/python bench/train_event_fallback.py [--l2 0.3] [--folds 5]
    # writes newsprism/data/event_fallback.tsv

Trained only on our own labelled sentences: ``cameo_train`` (written CAMEO-style
sentences) and ``real_dev`` (real news sentences coded by hand), the sentences with
an event. Each sentence's features are those of its main verb
(``events.fallback_features``); the model is a multinomial logistic regression with
an L2 penalty, fitted by full-batch gradient descent (the maximum-entropy classifier
of Nigam, Lafferty & McCallum 1999). The threshold on the top probability is chosen
by k-fold cross-validation on the same sentences: the one that maximises right minus
wrong guesses, since a wrong type costs about what a right one gains in macro-F1.
Weights below ``--keep`` in absolute value are left out of the file, to keep it short
and readable.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

from newsprism.analysis.events import (  # noqa: E402
    FALLBACK_BIAS, FALLBACK_FILE, FALLBACK_THRESHOLD, PLOVER_TYPES, default_lexicon, fallback_features, main_verb,
)
from newsprism.analysis.pipeline import load_pipeline  # noqa: E402
from newsprism.config import DEFAULT_COMPONENTS, Settings  # noqa: E402
from newsprism.kb import bundled_path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import events_dev_eval  # noqa: E402

TRAINING_SPLITS = ("cameo_train", "real_dev")
TYPES = sorted(PLOVER_TYPES)
THRESHOLDS = [round(0.15 + 0.05 * k, 2) for k in range(14)]


def labelled_sentences() -> list[tuple[str, str]]:
    """(text, PLOVER type) of the training splits' sentences with an event."""
    pairs = []
    for split in TRAINING_SPLITS:
        path = events_dev_eval.ANNOTATIONS / f"{split}.jsonl"
        records = events_dev_eval.read_coded(path) if split in events_dev_eval.CAMEO_SPLITS \
            else events_dev_eval.read_real(path)
        pairs += [(r.text, r.event) for r in records if r.event in PLOVER_TYPES]
    return pairs


def featurise(texts: list[str]) -> list[list[str]]:
    settings = Settings(progress=False, components=tuple(c for c in DEFAULT_COMPONENTS if c != "newsprism_events"))
    nlp, lexicon = load_pipeline(settings), default_lexicon()
    return [fallback_features(main_verb(next(iter(doc.sents)), lexicon)) for doc in nlp.pipe(texts)]


def design(features: list[list[str]], vocabulary: dict[str, int]) -> np.ndarray:
    matrix = np.zeros((len(features), len(vocabulary)))
    for row, names in enumerate(features):
        for name in names:
            if name in vocabulary:
                matrix[row, vocabulary[name]] = 1.0
    return matrix


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 800, rate: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Weights (features x types) and biases of a softmax regression, by gradient descent."""
    weights, bias = np.zeros((x.shape[1], len(TYPES))), np.zeros(len(TYPES))
    truth = np.eye(len(TYPES))[y]
    for _ in range(steps):
        probabilities = softmax(x @ weights + bias)
        error = (probabilities - truth) / len(x)
        weights -= rate * (x.T @ error + l2 * weights / len(x))
        bias -= rate * error.sum(axis=0)
    return weights, bias


def softmax(scores: np.ndarray) -> np.ndarray:
    exps = np.exp(scores - scores.max(axis=1, keepdims=True))
    return exps / exps.sum(axis=1, keepdims=True)


def vocabulary_of(features: list[list[str]]) -> dict[str, int]:
    return {name: i for i, name in enumerate(sorted({n for names in features for n in names}))}


def cross_validated(features: list[list[str]], y: np.ndarray, l2: float, folds: int) -> list[tuple[int, float]]:
    """(predicted type index, probability) of each sentence by a model that did not see it."""
    guesses: list[tuple[int, float]] = [(0, 0.0)] * len(features)
    for fold in range(folds):
        held = [i for i in range(len(features)) if i % folds == fold]
        kept = [i for i in range(len(features)) if i % folds != fold]
        vocabulary = vocabulary_of([features[i] for i in kept])
        weights, bias = fit(design([features[i] for i in kept], vocabulary), y[kept], l2)
        probabilities = softmax(design([features[i] for i in held], vocabulary) @ weights + bias)
        for i, row in zip(held, probabilities, strict=True):
            guesses[i] = (int(row.argmax()), float(row.max()))
    return guesses


def best_threshold(guesses: list[tuple[int, float]], y: np.ndarray) -> tuple[float, dict]:
    table = {}
    for threshold in THRESHOLDS:
        kept = [(g, gold) for (g, p), gold in zip(guesses, y, strict=True) if p >= threshold]
        right = sum(g == gold for g, gold in kept)
        table[threshold] = {"guessed": len(kept), "right": right, "gain": right - (len(kept) - right)}
    return max(table, key=lambda t: (table[t]["gain"], t)), table


def write_weights(path: Path, vocabulary: dict[str, int], weights: np.ndarray, bias: np.ndarray,
                  threshold: float, keep: float, sentences: int) -> int:
    lines = [
        "# Fallback event-type classifier: multinomial logistic regression weights.",
        "# Written by bench/train_event_fallback.py (do not edit by hand; retrain instead) from",
        f"# {sentences} labelled sentences ({', '.join(TRAINING_SPLITS)} in bench/annotations/events).",
        "# feature TAB PLOVER type TAB weight; features: v= verb lemma (v=verb_particle), o= object,",
        "# vo= verb_object, p= preposition, po= preposition_object, x= governed verb, n= noun of the",
        f"# sentence. {FALLBACK_BIAS} holds the biases; {FALLBACK_THRESHOLD} the least probability kept.",
        f"{FALLBACK_THRESHOLD}\t{threshold}",
    ]
    lines += [f"{FALLBACK_BIAS}\t{kind}\t{bias[k]:.3f}" for k, kind in enumerate(TYPES)]
    written = 0
    for name, row in sorted(vocabulary.items()):
        for k, kind in enumerate(TYPES):
            if abs(weights[row, k]) >= keep:
                lines.append(f"{name}\t{kind}\t{weights[row, k]:.3f}")
                written += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=0.3)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--keep", type=float, default=0.1, help="least absolute weight written")
    args = parser.parse_args()
    pairs = labelled_sentences()
    features = featurise([text for text, _ in pairs])
    y = np.array([TYPES.index(kind) for _, kind in pairs])
    guesses = cross_validated(features, y, args.l2, args.folds)
    threshold, table = best_threshold(guesses, y)
    print(f"{len(pairs)} sentences; {args.folds}-fold cross-validated accuracy "
          f"{np.mean([g == gold for (g, _), gold in zip(guesses, y, strict=True)]):.3f}")
    for t, row in table.items():
        print(f"  threshold {t:.2f}: {row['guessed']:>3} guessed, {row['right']:>3} right, gain {row['gain']}")
    vocabulary = vocabulary_of(features)
    weights, bias = fit(design(features, vocabulary), y, args.l2)
    path = bundled_path(FALLBACK_FILE)
    written = write_weights(path, vocabulary, weights, bias, threshold, args.keep, len(pairs))
    print(f"threshold {threshold}; wrote {written} weights to {path}")


if __name__ == "__main__":
    main()
