"""Sentence embedding: the packaged MiniLM model (int8 weights, float arithmetic) against
the integer-arithmetic copy newsprism derives from it (`embeddings.compute_model`).

    .venv/bin/python bench/embedding_speed.py [--articles 40] [--threads 1] [--repeats 2]

Both encode the same sentences (those of the first `--articles` giveme5w1h articles),
in the same run, with the same tokenizer, batching and thread count; the best of
`--repeats` CPU times is reported as sentences per CPU-second. Agreement is the cosine
between the two models' vectors of each sentence (mean, 1st percentile, minimum).
Results go to bench/results/embedding_speed.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from newsprism.story.embeddings import Encoder, model_files  # noqa: E402

GIVEME = HERE.parents[1] / "shared" / "data" / "giveme5w1h-gold" / "data"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(articles: int) -> list[str]:
    found = []
    for path in sorted(GIVEME.glob("*.json"))[:articles]:
        text = json.loads(path.read_text(encoding="utf-8")).get("text") or ""
        found += [s for s in SENTENCE_END.split(text) if len(s) > 20]
    return found


def best_cpu_time(encoder: Encoder, texts: list[str], repeats: int) -> tuple[float, np.ndarray]:
    encoder.encode(texts[:8])  # load the model outside the timing
    times, vectors = [], None
    for _ in range(repeats):
        start = time.process_time()
        vectors = encoder.encode(texts)
        times.append(time.process_time() - start)
    return min(times), vectors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args(argv)
    model_files()
    texts = sentences(args.articles)
    packaged_time, packaged = best_cpu_time(Encoder(args.threads, integer=False), texts, args.repeats)
    compute_time, computed = best_cpu_time(Encoder(args.threads), texts, args.repeats)
    cosines = np.sum(packaged * computed, axis=1)
    result = {
        "sentences": len(texts),
        "packaged_per_cpu_second": round(len(texts) / packaged_time, 1),
        "integer_per_cpu_second": round(len(texts) / compute_time, 1),
        "ratio": round(packaged_time / compute_time, 2),
        "cosine_mean": round(float(cosines.mean()), 4),
        "cosine_p1": round(float(np.percentile(cosines, 1)), 4),
        "cosine_min": round(float(cosines.min()), 4),
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "embedding_speed.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"{len(texts)} sentences, {args.threads} thread(s)")
    print(f"  packaged model (float arithmetic): {result['packaged_per_cpu_second']:>7} sentences/CPU-s   1.00")
    print(f"  integer-arithmetic copy:           {result['integer_per_cpu_second']:>7} sentences/CPU-s   "
          f"{result['ratio']:.2f}")
    print(f"  cosine between them: mean {result['cosine_mean']}, 1st percentile {result['cosine_p1']}, "
          f"min {result['cosine_min']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
