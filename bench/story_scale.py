"""Time and peak memory of story assignment alone, for 1k, 10k and 100k articles,
plus the embedding cost in articles/s.

    python bench/story_scale.py [--sizes 1000 10000 100000] [--embed-articles 300 (0: skip)] [--single-pass]

Assignment inputs are synthetic but shaped like real ones:
- vectors: each story's centre is a real MiniLM article vector (from the databases
  bench/story_eval.py leaves in bench/results/story_eval/, re-used with replacement)
  pushed off by Gaussian noise, and each article is its centre plus noise, normalised:
  same-story cosines come out about 0.6-0.8 and different-story cosines about 0.1-0.4,
  as for real news. Encoding 100k texts would take over an hour here, hence vectors
  rather than texts;
- story sizes: geometric with mean 3 (neus has 2.9 articles a story), arrival over two
  years, articles within two days of their story's day, 10% undated;
- actors: each story draws 3 from a Zipf-distributed pool of 5,000 ids (a few ids, like
  a superpower, are in very many stories); each article names 2-3 of them;
- terms: each story draws 12 from a Zipf-distributed pool of 50,000 words; each article
  has 8 of them (the story stage keeps 12 a real article);
- weekdays: 40% of articles name none (as neus excerpts), the rest their story day's
  weekday, one in ten of those the day after's (a report of last night's happening).
`--single-pass` measures assignment without the refinement (re-homing, merging) and
without terms, as it was before them.
Each size runs in its own process; peak memory is the peak resident set during
assignment minus the resident set before it (Linux /proc). Results go to bench/results/story_scale.json.
"""

from __future__ import annotations

import argparse
import json
import gc
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsprism.store import Store  # noqa: E402
from newsprism.story.embeddings import Encoder  # noqa: E402
from newsprism.story.claims import claim_units  # noqa: E402
from newsprism.story.stories import StoryArticle, StoryIndex, StoryParams  # noqa: E402

EVAL_DBS = ROOT / "bench" / "results" / "story_eval"
BATCH = 64  # the runner's save batch


def real_vectors() -> np.ndarray:
    vectors = []
    for db in sorted(EVAL_DBS.glob("*.duckdb")):
        with Store(db, read_only=True) as store:
            vectors += [v for (v,) in store.con.execute("SELECT vector FROM article_vectors").fetchall()]
    if not vectors:
        sys.exit("run bench/story_eval.py first: its databases hold the real vectors this bench starts from")
    return np.asarray(vectors, dtype=np.float32)


def synthetic_articles(count: int, seed: int = 7) -> list[StoryArticle]:
    rng = np.random.default_rng(seed)
    pool = real_vectors()
    actor_pool = [f"actor-{i}" for i in range(5000)]
    term_pool = [f"term-{i}" for i in range(50000)]
    articles: list[StoryArticle] = []
    story = 0
    while len(articles) < count:
        size = int(rng.geometric(1 / 3))
        centre = pool[rng.integers(len(pool))] + rng.normal(0, 0.035, pool.shape[1]).astype(np.float32)
        day = date(2024, 1, 1) + timedelta(days=int(rng.integers(730)))
        actors = [actor_pool[min(int(rng.zipf(1.3)) - 1, 4999)] for _ in range(3)]
        terms = [term_pool[min(int(rng.zipf(1.2)) - 1, 49999)] for _ in range(12)]
        for member in range(size):
            vector = centre + rng.normal(0, 0.03, pool.shape[1]).astype(np.float32)
            named = rng.choice(actors, size=int(rng.integers(2, 4)), replace=True)
            weights = {a: 1.0 for a in named}
            norm = len(weights) ** 0.5
            published = None if rng.random() < 0.1 else day + timedelta(days=int(rng.integers(-2, 3)))
            used = set(rng.choice(terms, size=8, replace=False))
            weekday = None if rng.random() < 0.4 else (day.weekday() + int(rng.random() < 0.1)) % 7
            articles.append(StoryArticle(
                id=f"s{story:06d}-{member:03d}", title=f"story {story}", published=published,
                vector=vector / np.linalg.norm(vector), actors={a: w / norm for a, w in weights.items()},
                terms={t: 1 / len(used) ** 0.5 for t in sorted(used)}, weekday=weekday,
            ))
        story += 1
    articles = articles[:count]
    order = rng.permutation(count)  # arrival order is not story order
    return [articles[i] for i in order]


SINGLE_PASS = StoryParams(term_weight=0.0, rehome_sweeps=0, merge_threshold=None)


def run_size(count: int, single_pass: bool) -> dict:
    articles = synthetic_articles(count)
    if single_pass:
        for article in articles:
            article.terms = {}
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak resident set (Linux)
    rss_before = _status_kb("VmRSS")
    index = StoryIndex(SINGLE_PASS if single_pass else None)
    started = time.perf_counter()
    for start in range(0, count, BATCH):
        index.assign(articles[start : start + BATCH])
    seconds = time.perf_counter() - started
    peak = _status_kb("VmHWM")
    probe = articles[:: max(1, count // 1000)]
    candidates = [len(index.candidates(a)) for a in probe]
    return {
        "articles": count, "stories": len(index.stories), "seconds": round(seconds, 2),
        "articles_per_s": round(count / seconds), "peak_memory_growth_mb": round((peak - rss_before) / 1024, 1),
        "mean_candidates_per_article": round(float(np.mean(candidates)), 1),
        "max_candidates_per_article": int(np.max(candidates)),
    }


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/self/status has no {field}")


def embedding_speed(count: int) -> list[dict]:
    """Articles/s for embedding every unit the story and compare stages share (the
    story stage embeds them; the compare stage then finds them cached)."""
    with Store(EVAL_DBS / "giveme5w1h.duckdb", read_only=True) as store:
        ids = [row[0] for row in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        articles, analyses = store.articles_of(ids), store.analyses_of(ids)
    per_article = [[u.claim_text for u in claim_units(a, analyses[a.id])] for a in articles]
    per_article = (per_article * (count // len(per_article) + 1))[:count]
    texts = [text for units in per_article for text in units]
    results = []
    for threads in (1, 2):
        encoder = Encoder(threads=threads)
        encoder.encode(texts[:4])  # load the model outside the timing
        started = time.perf_counter()
        encoder.encode(texts)
        seconds = time.perf_counter() - started
        results.append({"threads": threads, "articles": count, "units": len(texts),
                        "articles_per_s": round(count / seconds, 1)})
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--embed-articles", type=int, default=300)
    parser.add_argument("--single-pass", action="store_true", help="no refinement and no terms (the assignment before them)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process measuring one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one, args.single_pass)))
        return
    report = {"assignment": [], "embedding": embedding_speed(args.embed_articles) if args.embed_articles else []}
    for row in report["embedding"]:
        print(f"embedding, {row['threads']} thread(s): {row['articles_per_s']} articles/s")
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size)] + (["--single-pass"] if args.single_pass else [])
        child = subprocess.run(command, capture_output=True, text=True, check=True)
        row = json.loads(child.stdout)
        report["assignment"].append(row)
        print(json.dumps(row))
    out = ROOT / "bench" / "results" / ("story_scale_single_pass.json" if args.single_pass else "story_scale.json")
    out.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
