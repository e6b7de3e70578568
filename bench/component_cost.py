"""Time spent in each pipeline component, on one core, in the same pass.

    .venv/bin/python bench/component_cost.py [--articles 100]

Runs the default pipeline (model components plus newsprism's) over real articles
(../shared/data/article-bias-allsides) one Doc at a time and times every component's
call on every Doc. Because all components are timed in the same pass, their shares
of the total hold even when other jobs load the machine, which whole-run timings
(bench/speed.py) do not. Reports each component's seconds and share, and the
single-core words/s of the pipeline with and without each newsprism component.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict

from newsprism.analysis.engine import new_doc
from newsprism.analysis.pipeline import load_pipeline
from newsprism.config import Settings
from newsprism.records import Article

from speed import RESULTS, load_articles  # bench/ is the script's folder, so on the path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    articles = load_articles(args.articles)
    words = sum(len(a["text"].split()) for a in articles)
    nlp = load_pipeline(Settings(processes=1, progress=False))
    seconds: dict[str, float] = defaultdict(float)
    for record in articles:
        doc = new_doc(nlp, Article(id=record["id"], source="bench", text=record["text"], outlet=record["outlet"]))
        for name, component in nlp.pipeline:
            started = time.perf_counter()
            doc = component(doc)
            seconds[name] += time.perf_counter() - started
    total = sum(seconds.values())
    rows = {name: {"seconds": round(s, 2), "share": round(s / total, 4),
                   "words_per_s_without": round(words / (total - s)) if name.startswith("newsprism_") else None}
            for name, s in seconds.items()}
    result = {"articles": len(articles), "words": words, "total_seconds": round(total, 2),
              "words_per_s": round(words / total), "components": rows}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "component_cost.json").write_text(json.dumps(result, indent=2))
    print(f"{len(articles)} articles, {words:,} words, one core: {words / total:,.0f} words/s for the whole pipeline")
    for name, row in rows.items():
        without = f"   without it: {row['words_per_s_without']:,} words/s" if row["words_per_s_without"] else ""
        print(f"{name:<26} {row['seconds']:>7.2f} s  {row['share']:>6.1%}{without}")


if __name__ == "__main__":
    main()
