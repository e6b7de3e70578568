"""Throughput of `newsprism analyze` against a bare spaCy parse of the same texts.

    .venv/bin/python bench/speed.py [--articles 300] [--processes 2] [--repeats 2]

All are timed in the same run on the same real articles
(../shared/data/article-bias-allsides): the baseline is spaCy's own parallel parse,
`nlp.pipe(texts, n_process=P, batch_size=4)` with the same model and no newsprism
component; newsprism is the whole `analyze` job (ingest, dedup, parse, components,
consolidation, grouping, stories, the compare stage, DuckDB writes) through the real runner, once with each
component set in COMPONENT_SETS, so the cost of each stage shows. Words are
whitespace tokens of the input texts. The best of `--repeats` runs of each is
reported; runs are interleaved so that drifts in machine load hit all alike.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import spacy  # noqa: E402

from newsprism.config import Settings  # noqa: E402
from newsprism.runner import analyze  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-bias-allsides" / "media_test_articles.jsonl"
RESULTS = Path(__file__).resolve().parent / "results"
# (components, whether the compare stage — claims of the touched stories — runs)
COMPONENT_SETS = {
    "actors": (("newsprism_actors",), True),
    "actors, quotes, attributions": (("newsprism_actors", "newsprism_quotes", "newsprism_attributions"), True),
    "all but framing (+ quantities, events)": (tuple(c for c in Settings().components if c != "newsprism_framing"), True),
    "all components, no compare stage": (Settings().components, False),
    "all components (default)": (Settings().components, True),
}


def load_articles(limit: int) -> list[dict]:
    articles = []
    with open(DATA, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("content_original", "").strip():
                articles.append({"id": record["ID"], "title": record["title"], "outlet": record["source"],
                                 "text": record["content_original"]})
            if len(articles) == limit:
                break
    return articles


def time_bare_parse(model: str, texts: list[str], processes: int) -> float:
    nlp = spacy.load(model)
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, n_process=processes, batch_size=4):
        pass
    return time.perf_counter() - started


def time_newsprism(articles: list[dict], components: tuple[str, ...], compare: bool, processes: int, scratch: Path,
                   run: str) -> float:
    corpus = scratch / f"corpus-{run}.jsonl"
    corpus.write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    settings = Settings(processes=processes, progress=False, components=components, compare=compare)
    started = time.perf_counter()
    summary = analyze([str(corpus)], scratch / f"bench-{run}.duckdb", settings)
    elapsed = time.perf_counter() - started
    if summary.stored != len(articles):
        sys.exit(f"newsprism stored {summary.stored} of {len(articles)} articles: {summary.errors[:3]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()

    articles = load_articles(args.articles)
    texts = [a["text"] for a in articles]
    words = sum(len(t.split()) for t in texts)
    model = Settings().model
    seconds: dict[str, list[float]] = {"bare spaCy parse": [], **{f"newsprism, {k}": [] for k in COMPONENT_SETS}}
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(args.repeats):
            seconds["bare spaCy parse"].append(time_bare_parse(model, texts, args.processes))
            for i, (name, (components, compare)) in enumerate(COMPONENT_SETS.items()):
                elapsed = time_newsprism(articles, components, compare, args.processes, Path(scratch), f"{run}-{i}")
                seconds[f"newsprism, {name}"].append(elapsed)
    baseline = min(seconds["bare spaCy parse"])
    rows = {name: {"words_per_s": round(words / min(times)), "ratio": round(baseline / min(times), 3),
                   "seconds": [round(t, 2) for t in times]} for name, times in seconds.items()}
    result = {"articles": len(articles), "words": words, "processes": args.processes, "model": model, "runs": rows}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "speed.json").write_text(json.dumps(result, indent=2))
    print(f"{len(articles)} articles, {words:,} words, {args.processes} processes, model {model}")
    for name, row in rows.items():
        print(f"{name:<45} {row['words_per_s']:>8,} words/s   {row['ratio']:.2f} × bare parse")


if __name__ == "__main__":
    main()
