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
Each row also gives the CPU seconds of the run (this process and its worker
processes), which other jobs on the machine disturb far less than wall-clock time,
and the peak memory of the process tree (the sum of its processes' proportional set
sizes, sampled every 0.2 s, so pages the forked workers share count once).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

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


class Cost:
    """Wall seconds, CPU seconds (this process and its reaped children) and peak memory (MB) of a run."""

    def __init__(self) -> None:
        self.wall = self.cpu = self.peak_mb = 0.0


@contextmanager
def measured() -> Iterator[Cost]:
    cost, done = Cost(), threading.Event()
    sampler = threading.Thread(target=_sample_memory, args=(cost, done), daemon=True)
    cpu_before, started = _cpu_seconds(), time.perf_counter()
    sampler.start()
    yield cost
    cost.wall = time.perf_counter() - started
    done.set()
    sampler.join()
    _reap_children()
    cost.cpu = _cpu_seconds() - cpu_before


def _reap_children(timeout: float = 10.0) -> None:
    """Wait until the run's worker processes have exited, so their CPU time is counted."""
    deadline = time.monotonic() + timeout
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)


def _cpu_seconds() -> float:
    return sum(r.ru_utime + r.ru_stime for r in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


def _sample_memory(cost: Cost, done: threading.Event) -> None:
    while not done.wait(0.2):
        cost.peak_mb = max(cost.peak_mb, sum(map(_pss_kb, _process_tree(os.getpid()))) / 1024)


def _process_tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:  # gone meanwhile
        return []
    return [pid, *(p for child in children for p in _process_tree(int(child)))]


def _pss_kb(pid: int) -> int:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith("Pss:")), 0)


def time_bare_parse(model: str, texts: list[str], processes: int) -> Cost:
    nlp = spacy.load(model)
    with measured() as cost:
        for _doc in nlp.pipe(texts, n_process=processes, batch_size=4):
            pass
    return cost


def time_newsprism(articles: list[dict], components: tuple[str, ...], compare: bool, processes: int, scratch: Path,
                   run: str) -> Cost:
    corpus = scratch / f"corpus-{run}.jsonl"
    corpus.write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    settings = Settings(processes=processes, progress=False, components=components, compare=compare)
    with measured() as cost:
        summary = analyze([str(corpus)], scratch / f"bench-{run}.duckdb", settings)
    if summary.stored != len(articles):
        sys.exit(f"newsprism stored {summary.stored} of {len(articles)} articles: {summary.errors[:3]}")
    return cost


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
    costs: dict[str, list[Cost]] = {"bare spaCy parse": [], **{f"newsprism, {k}": [] for k in COMPONENT_SETS}}
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(args.repeats):
            costs["bare spaCy parse"].append(time_bare_parse(model, texts, args.processes))
            for i, (name, (components, compare)) in enumerate(COMPONENT_SETS.items()):
                cost = time_newsprism(articles, components, compare, args.processes, Path(scratch), f"{run}-{i}")
                costs[f"newsprism, {name}"].append(cost)
    baseline = min(c.wall for c in costs["bare spaCy parse"])
    rows = {}
    for name, runs in costs.items():
        best = min(runs, key=lambda c: c.wall)
        rows[name] = {"words_per_s": round(words / best.wall), "ratio": round(baseline / best.wall, 3),
                      "seconds": [round(c.wall, 2) for c in runs], "cpu_seconds": [round(c.cpu, 2) for c in runs],
                      "peak_mb": round(max(c.peak_mb for c in runs))}
    result = {"articles": len(articles), "words": words, "processes": args.processes, "model": model, "runs": rows}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "speed.json").write_text(json.dumps(result, indent=2))
    print(f"{len(articles)} articles, {words:,} words, {args.processes} processes, model {model}")
    for name, row in rows.items():
        print(f"{name:<45} {row['words_per_s']:>8,} words/s   {row['ratio']:.2f} × bare parse   "
              f"cpu {min(row['cpu_seconds']):6.1f} s   peak {row['peak_mb']:,} MB")


if __name__ == "__main__":
    main()
