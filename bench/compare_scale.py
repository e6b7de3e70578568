"""Time and peak memory of the compare stage (claims, stances, contradictions) as the
corpus grows, and as one story grows.

    python bench/compare_scale.py [--sizes 1000 10000 100000] [--big-story 100 1000]

The corpus is the bundled sample corpus's seven-article story, analysed once by the
real pipeline, then copied under new article ids: N articles = N/7 stories, each with
real records (events, predications, quotes, quantities, attributions, mentions). `--big-story`
instead puts that many articles in ONE story, the worst case (a story's units are
compared with each other).

Sentence vectors: the real MiniLM encoder is timed on the sample story's units in the
same run (its rate, in units per second, is what embedding costs at any scale); the
scaled runs use a stand-in encoder (hashed bag of words, 384 dimensions) so that 100k
articles take minutes rather than hours. Each size runs in its own process; peak
memory is the peak resident set minus the resident set before the stage (Linux
/proc). Results go to bench/results/compare_scale.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsprism.config import Settings  # noqa: E402
from newsprism.records import ArticleAnalysis  # noqa: E402
from newsprism.runner import analyze  # noqa: E402
from newsprism.store import Store  # noqa: E402
from newsprism.story.claims import StoryInput, atoms_of, build_claims, claim_units  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SAMPLE_DB = RESULTS / "compare_scale" / "sample.duckdb"
DIMENSIONS = 384


def sample_story() -> StoryInput:
    if not SAMPLE_DB.exists():
        SAMPLE_DB.parent.mkdir(parents=True, exist_ok=True)
        analyze([str(ROOT / "newsprism" / "samples" / "corpus")], SAMPLE_DB, Settings(progress=False))
    with Store(SAMPLE_DB, read_only=True) as store:
        [(story_id, article_ids)] = store.con.execute(
            "SELECT id, article_ids FROM stories ORDER BY len(article_ids) DESC LIMIT 1").fetchall()
        return StoryInput(story_id, store.articles_of(article_ids), store.analyses_of(article_ids), store.actors())


def stand_in_encode(texts) -> np.ndarray:
    vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in text.lower().split():
            vectors[row, zlib.crc32(word.encode()) % DIMENSIONS] += 1.0
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def copy_of(story: StoryInput, copy: int, story_id: str) -> StoryInput:
    """The story's articles and records under new ids (copy number appended)."""
    def renamed(record, article_id):
        changes = {"article_id": article_id}
        for name in ("id", "quantity_id"):  # a predication's quantity_id refers to a quantity's id
            if getattr(record, name, None):
                changes[name] = f"{article_id}:{getattr(record, name).rsplit(':', 1)[-1]}"
        return dataclasses.replace(record, **changes)

    articles, analyses = [], {}
    for article in story.articles:
        new_id = f"{article.id}-{copy}"
        articles.append(dataclasses.replace(
            article, id=new_id, duplicate_of=f"{article.duplicate_of}-{copy}" if article.duplicate_of else None))
        old = story.analyses[article.id]
        headline = dataclasses.replace(old.headline, article_id=new_id) if old.headline else None
        analyses[new_id] = ArticleAnalysis(new_id, headline=headline, **{
            f.name: [renamed(r, new_id) for r in getattr(old, f.name)]
            for f in dataclasses.fields(ArticleAnalysis) if f.name not in ("article_id", "headline")
        })
    return StoryInput(story_id, articles, analyses, story.actors)


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def peak_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def run_size(articles: int, one_story: bool) -> dict:
    story = sample_story()
    per_story = len(story.articles)
    copies = max(1, articles // per_story)
    before = rss_kb()
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to the current set
    started = time.perf_counter()
    claims = contested = 0
    with tempfile.TemporaryDirectory() as scratch, Store(Path(scratch) / "claims.duckdb") as store:
        if one_story:
            merged = [copy_of(story, c, "big") for c in range(copies)]
            big = StoryInput("big", [a for s in merged for a in s.articles],
                             {k: v for s in merged for k, v in s.analyses.items()}, story.actors)
            found = build_claims(big, stand_in_encode)
            store.replace_claims("big", found, [a.id for a in big.articles])
            claims, contested = len(found), sum(c.status == "contested" for c in found)
        else:
            for c in range(copies):
                found = build_claims(copy_of(story, c, f"story-{c}"), stand_in_encode)
                store.replace_claims(f"story-{c}", found, [])
                claims += len(found)
                contested += sum(x.status == "contested" for x in found)
        seconds = time.perf_counter() - started
    return {"articles": copies * per_story, "stories": 1 if one_story else copies, "seconds": round(seconds, 2),
            "articles_per_s": round(copies * per_story / seconds, 1), "claims": claims, "contested": contested,
            "peak_mb": round((peak_kb() - before) / 1024, 1)}


def encoder_rate() -> dict:
    from newsprism.story.embeddings import Encoder

    story = sample_story()
    units = [u for a in story.articles for u in claim_units(a, story.analyses[a.id])]
    texts = [a.unit.claim_text for a in atoms_of(units)]
    encoder = Encoder(threads=1)
    encoder.encode(texts[:8])  # load the model
    started = time.perf_counter()
    encoder.encode(texts * 4)
    seconds = time.perf_counter() - started
    return {"units_per_s": round(4 * len(texts) / seconds, 1), "units_per_article": round(len(texts) / len(story.articles), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--big-story", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--one-story", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one, args.one_story)))
        return
    sample_story()  # analyse the sample once, before the timed runs
    results = {"encoder": encoder_rate(), "corpus": [], "one_story": []}
    print("MiniLM encoder:", results["encoder"], flush=True)
    for size, one_story in [(s, False) for s in args.sizes] + [(s, True) for s in args.big_story]:
        out = subprocess.run([sys.executable, __file__, "--one", str(size), *(["--one-story"] if one_story else [])],
                             capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        results["one_story" if one_story else "corpus"].append(row)
        print("one story" if one_story else "corpus", row, flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "compare_scale.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
