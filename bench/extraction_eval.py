"""Article-body extraction benchmark: newsprism's `extract_html` on 181 real pages.

Data: scrapinghub/article-extraction-benchmark (`ground-truth.json` and
`html/<id>.html.gz`), copied to ../shared/data/article-extraction-benchmark.

Metric: the upstream benchmark's `evaluate.py`, re-implemented here:
- tokens are the `\\w+` runs of a text (Unicode; not whitespace tokens, as the
  shared data README says); a text becomes the multiset of its 4-token shingles
  (the whole token list when it is shorter than 4);
- per page, tp/fp/fn are the shingle counts shared / only predicted / only true,
  divided by their sum so that every page weighs the same;
- precision is the mean of tp/(tp+fp) over the pages where tp+fp > 0 (an empty
  prediction only costs recall), recall the mean of tp/(tp+fn) over pages where
  tp+fn > 0, both 1 when fp = fn = 0; F1 is the harmonic mean of those two means;
- accuracy is the share of pages whose token lists are equal;
- each "± std" is the standard deviation of the metric over bootstrap resamples of
  the pages (1000 by default).
This is what the published table reports (trafilatura 2.0.0: F1 0.958, precision
0.938, recall 0.978, accuracy 0.293), so the numbers are comparable.

    python bench/extraction_eval.py [--data DIR] [--limit N] [--compare]

prints one row per system and writes bench/results/extraction.json. The systems are
newsprism's `extract_html` and plain `trafilatura.extract` as a baseline, both with
its defaults and as the upstream benchmark calls it (`include_comments=False`).
`--compare` adds the alternative trafilatura settings `extract_html` was chosen from.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

import trafilatura

from newsprism.ingest.html import DEFAULT_OPTIONS, ExtractionOptions, HtmlExtractionError, extract_html

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "article-extraction-benchmark"
DEFAULT_OUTPUT = REPO / "bench" / "results" / "extraction.json"
SHINGLE_SIZE = 4

# The settings compared with `--compare`, one of which is extract_html's default.
CONFIGURATIONS = {
    "balanced": ExtractionOptions(),
    "precision": ExtractionOptions(favor_precision=True),
    "recall": ExtractionOptions(favor_recall=True),
    "no-tables": ExtractionOptions(include_tables=False),
    "fast (no fallbacks)": ExtractionOptions(fast=True),
}


@dataclass(slots=True)
class Page:
    id: str
    url: str | None
    html: str
    truth: str


@dataclass(slots=True)
class Counts:
    """Shingle counts of one page, normalised to sum to 1."""

    tp: float
    fp: float
    fn: float


@dataclass(slots=True)
class SystemResult:
    name: str
    f1: float
    precision: float
    recall: float
    accuracy: float
    std: dict[str, float]
    ms_per_page: float
    failures: int  # pages where the system returned nothing
    pages: int
    counts: list[Counts] = field(repr=False)

    def summary(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if k != "counts"}


Extractor = Callable[[Page], str]


def load_pages(data_dir: Path, limit: int | None = None) -> list[Page]:
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf8"))
    pages = []
    for item_id in sorted(truth)[:limit]:
        with gzip.open(data_dir / "html" / f"{item_id}.html.gz", "rt", encoding="utf8") as f:
            html = f.read()
        item = truth[item_id]
        pages.append(Page(item_id, item.get("url"), html, item.get("articleBody") or ""))
    return pages


_TOKEN = re.compile(r"\w+")


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    tokens = tokenize(text)
    if len(tokens) < size:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def page_counts(truth: str, prediction: str) -> Counts:
    true, predicted = shingles(truth), shingles(prediction)
    tp = sum((true & predicted).values())
    fp = sum((predicted - true).values())
    fn = sum((true - predicted).values())
    total = tp + fp + fn
    return Counts(tp / total, fp / total, fn / total) if total else Counts(0.0, 0.0, 0.0)


def _page_precision(c: Counts) -> float:
    return 1.0 if c.fp == c.fn == 0 else c.tp / (c.tp + c.fp)


def _page_recall(c: Counts) -> float:
    return 1.0 if c.fp == c.fn == 0 else c.tp / (c.tp + c.fn)


def corpus_scores(counts: list[Counts]) -> dict[str, float]:
    precision = statistics.mean([_page_precision(c) for c in counts if c.tp + c.fp > 0] or [0.0])
    recall = statistics.mean([_page_recall(c) for c in counts if c.tp + c.fn > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def bootstrap_std(
    counts: list[Counts], exact: list[bool], rounds: int, seed: int = 0
) -> dict[str, float]:
    """Standard deviation of each metric over resamples of the pages, with replacement."""
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {}
    for _ in range(rounds):
        picks = [rng.randrange(len(counts)) for _ in counts]
        scores = corpus_scores([counts[i] for i in picks])
        scores["accuracy"] = statistics.mean(exact[i] for i in picks)
        for key, value in scores.items():
            samples.setdefault(key, []).append(value)
    return {key: statistics.stdev(values) for key, values in samples.items()}


def differences(
    system: SystemResult, reference: SystemResult, rounds: int, seed: int = 0
) -> dict[str, dict[str, float]]:
    """Paired bootstrap of system minus reference, both scored on the same page resamples."""
    rng = random.Random(seed)
    pages = len(system.counts)
    deltas: dict[str, list[float]] = {}
    for _ in range(rounds):
        picks = [rng.randrange(pages) for _ in range(pages)]
        ours = corpus_scores([system.counts[i] for i in picks])
        theirs = corpus_scores([reference.counts[i] for i in picks])
        for key in ours:
            deltas.setdefault(key, []).append(ours[key] - theirs[key])
    return {
        key: {"mean": statistics.mean(values), "std": statistics.stdev(values)}
        for key, values in deltas.items()
    }


def evaluate(name: str, extractor: Extractor, pages: list[Page], rounds: int) -> SystemResult:
    predictions: dict[str, str] = {}
    start = time.perf_counter()
    for page in pages:
        predictions[page.id] = extractor(page)
    elapsed = time.perf_counter() - start
    counts = [page_counts(p.truth, predictions[p.id]) for p in pages]
    exact = [tokenize(p.truth) == tokenize(predictions[p.id]) for p in pages]
    scores = corpus_scores(counts)
    return SystemResult(
        name=name,
        accuracy=statistics.mean(exact),
        std=bootstrap_std(counts, exact, rounds) if rounds > 1 else {},
        ms_per_page=1000 * elapsed / len(pages),
        failures=sum(not predictions[p.id].strip() for p in pages),
        pages=len(pages),
        counts=counts,
        **scores,
    )


def newsprism_extractor(options: ExtractionOptions) -> Extractor:
    def run(page: Page) -> str:
        try:
            return extract_html(page.html, page.url, options=options).text
        except HtmlExtractionError:
            return ""

    return run


def trafilatura_extractor(**kwargs: object) -> Extractor:
    def run(page: Page) -> str:
        return trafilatura.extract(page.html, **kwargs) or ""

    return run


def systems(compare: bool) -> dict[str, Extractor]:
    chosen = {"newsprism extract_html": newsprism_extractor(DEFAULT_OPTIONS)}
    alternatives = {
        f"extract_html [{label}]": newsprism_extractor(options)
        for label, options in CONFIGURATIONS.items()
        if options != DEFAULT_OPTIONS
    }
    baselines = {
        "trafilatura.extract (defaults)": trafilatura_extractor(),
        "trafilatura.extract (include_comments=False)": trafilatura_extractor(include_comments=False),
    }
    return {**chosen, **(alternatives if compare else {}), **baselines}


METRICS = ("f1", "precision", "recall", "accuracy")
NAME_WIDTH = 46


def format_row(name: str, cells: list[str], tail: str = "") -> str:
    return f"{name:<{NAME_WIDTH}} " + "  ".join(f"{cell:<14}" for cell in cells) + tail


def print_results(results: list[SystemResult]) -> None:
    print(format_row("system", [m if m != "f1" else "F1" for m in METRICS], "  ms/page  empty"))
    for r in results:
        cells = [
            f"{getattr(r, key):.3f} ± {r.std[key]:.3f}" if key in r.std else f"{getattr(r, key):.3f}"
            for key in METRICS
        ]
        print(format_row(r.name, cells, f"  {r.ms_per_page:7.1f}  {r.failures}"), flush=True)


def print_differences(results: list[SystemResult], rounds: int) -> dict[str, dict]:
    """Each system minus the first, with the paired-bootstrap std of the difference."""
    reference, compared = results[0], {}
    print(f"\nminus {reference.name}, paired bootstrap:")
    print(format_row("system", ["F1", "precision", "recall"]))
    for r in results[1:]:
        delta = compared[r.name] = differences(r, reference, rounds)
        cells = [f"{delta[k]['mean']:+.3f} ± {delta[k]['std']:.3f}" for k in METRICS[:3]]
        print(format_row(r.name, cells))
    return compared


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="evaluate the first N pages only")
    parser.add_argument("--compare", action="store_true", help="also run the alternative settings")
    parser.add_argument("--n-bootstrap", type=int, default=1000)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)

    pages = load_pages(args.data, args.limit)
    print(f"{len(pages)} pages from {args.data}")
    extract_html(pages[0].html, pages[0].url)  # build lazily loaded resources before timing
    results = [
        evaluate(name, extractor, pages, args.n_bootstrap)
        for name, extractor in systems(args.compare).items()
    ]
    print_results(results)
    compared = print_differences(results, args.n_bootstrap) if args.n_bootstrap > 1 else {}

    report = {
        "data": str(args.data),
        "pages": len(pages),
        "trafilatura_version": trafilatura.__version__,
        "metric": "upstream evaluate.py: 4-token shingles, per-page normalised, bootstrap std",
        "systems": [r.summary() for r in results],
        "difference_to_extract_html": compared,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2), encoding="utf8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
