"""Size of the HTML report and response times of the web app on large databases.

    python bench/report_scale.py [--source DB] [--sizes 1000 10000] [--requests 30] [--report-max 1000]

The large databases are not analysed: they are synthetic variants of stored rows.
A source database (by default the bundled sample corpus, analysed with `newsprism
demo`) is copied, then every stored row of the per-article tables, the stories, their
claims and their framings is inserted again, k = 1, 2, ... times, with ids suffixed
`~k`, outlets renamed into 40 outlets and publication dates moved k days on, until
the database holds the wanted number of articles. Stories keep their shape (the
sample's main story: 7 articles, ~70 claims, 90 quotes), so the timings show what
the corpus size costs a page.

Measured: the report file's size (`newsprism report`, for sizes up to --report-max),
and for the web app (in this process, over HTTP on 127.0.0.1) the median and 95th
percentile time of the story page of the largest story, its JSON API and the
overview page. Also the report's size for ../shared/seeds when that folder exists.
Results go to bench/results/report_scale.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsprism.report.html import write_report  # noqa: E402
from newsprism.serve import make_server  # noqa: E402
from newsprism.store import Store  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SEEDS = ROOT.parent / "shared" / "seeds"
OUTLETS = 40


def _copies(table: str, columns: list[str], replaced: dict[str, str]) -> str:
    """INSERT … SELECT of every row of `table` once per k in the `copies` table, with
    some columns replaced by expressions of the row and k."""
    select = ", ".join(replaced.get(c, f'"{c}"') for c in columns)
    return f'INSERT INTO "{table}" SELECT {select} FROM "{table}", copies WHERE NOT contains(coalesce("{_key(table)}", \'\'), \'~\')'


def _key(table: str) -> str:
    return "id" if table in ("articles", "stories", "claims") else "article_id"


SUFFIX = "|| '~' || k"
MENTION = ("struct_pack(article_id := m.article_id {s}, stance := m.stance, start := m.start, \"end\" := m.\"end\", "
           "text := m.text, modality := m.modality, source := m.source, value := m.value)").format(s=SUFFIX)
REPLACED = {
    "articles": {"id": f"id {SUFFIX}", "outlet": f"coalesce(outlet, 'outlet') || ' ' || ((hash(outlet) % 1000 + k) % {OUTLETS})",
                 "published": "CASE WHEN published IS NULL THEN NULL ELSE "
                              "strftime(TRY_CAST(left(published, 10) AS DATE) + k::INTEGER, '%Y-%m-%d') END",
                 "duplicate_of": f"duplicate_of {SUFFIX}"},
    "mentions": {"article_id": f"article_id {SUFFIX}"},
    "quotes": {"id": f"id {SUFFIX}", "article_id": f"article_id {SUFFIX}", "group_id": f"group_id {SUFFIX}"},
    "attributions": {"id": f"id {SUFFIX}", "article_id": f"article_id {SUFFIX}"},
    "scare_quotes": {"article_id": f"article_id {SUFFIX}"},
    "events": {"id": f"id {SUFFIX}", "article_id": f"article_id {SUFFIX}"},
    "quantities": {"id": f"id {SUFFIX}", "article_id": f"article_id {SUFFIX}"},
    "citations": {"article_id": f"article_id {SUFFIX}"},
    "framings": {"story_id": f"story_id {SUFFIX}", "article_id": f"article_id {SUFFIX}"},
    "story_articles": {"article_id": f"article_id {SUFFIX}", "story_id": f"story_id {SUFFIX}"},
    "stories": {"id": f"id {SUFFIX}", "article_ids": f"list_transform(article_ids, lambda a: a {SUFFIX})"},
    "claims": {"id": f"id {SUFFIX}", "story_id": f"story_id {SUFFIX}",
               "mentions": f"list_transform(mentions, lambda m: {MENTION})"},
}


def build(source: Path, target: Path, articles: int) -> int:
    """Copy `source` to `target` and grow it to about `articles` articles; returns the count."""
    shutil.copyfile(source, target)
    with duckdb.connect(str(target)) as con:
        [(stored,)] = con.execute("SELECT count(*) FROM articles").fetchall()
        copies = max(0, -(-articles // stored) - 1)
        con.execute("CREATE TEMP TABLE copies AS SELECT range AS k FROM range(1, ?)", [copies + 1])
        for table, replaced in REPLACED.items():
            columns = [row[0] for row in con.execute(f'DESCRIBE "{table}"').fetchall()]
            con.execute(_copies(table, columns, replaced))
        [(count,)] = con.execute("SELECT count(*) FROM articles").fetchall()
    return count


def timed_get(url: str, repeats: int) -> dict:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=120) as response:
            body = response.read()
            assert response.status == 200
        times.append(time.perf_counter() - started)
    times.sort()
    return {"median_ms": round(1000 * statistics.median(times), 1),
            "p95_ms": round(1000 * times[min(len(times) - 1, int(0.95 * len(times)))], 1), "bytes": len(body)}


def measure_app(db: Path, repeats: int) -> dict:
    server = make_server(db, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with duckdb.connect(str(db), read_only=True, config={"enable_external_access": False, "lock_configuration": True}) as con:
            largest = con.execute("SELECT id, len(article_ids) FROM stories WHERE len(article_ids) = "
                                  "(SELECT max(len(article_ids)) FROM stories) ORDER BY id").fetchall()
        story_id, size = largest[len(largest) // 2]  # one of the largest stories, from the middle of the data
        timed_get(f"{base}/story/{quote(story_id, safe='')}", 1)  # warm up
        return {
            "story_id": story_id, "story_articles": size,
            "story_page": timed_get(f"{base}/story/{quote(story_id, safe='')}", repeats),
            "story_api": timed_get(f"{base}/api/stories/{quote(story_id, safe='')}", repeats),
            "overview_page": timed_get(f"{base}/", max(3, repeats // 5)),
        }
    finally:
        server.shutdown()
        server.server_close()


def report_size(db: Path, output: Path) -> dict:
    started = time.perf_counter()
    with Store(db, read_only=True) as store:
        size = write_report(store, output)
    return {"bytes": size, "mb": round(size / 1e6, 2), "seconds": round(time.perf_counter() - started, 1)}


def analysed(paths: list[str], db: Path) -> Path:
    if not db.exists():
        subprocess.run([sys.executable, "-m", "newsprism", "analyze", *paths, "--db", str(db), "-j", "2", "-q"], check=True)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, help="analysed database to grow (default: the bundled sample corpus)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--requests", type=int, default=30, help="requests per timed page")
    parser.add_argument("--report-max", type=int, default=1000, help="write the report only up to this many articles")
    options = parser.parse_args()
    folder = RESULTS / "report_scale"
    folder.mkdir(parents=True, exist_ok=True)
    source = options.source or analysed([str(ROOT / "newsprism" / "samples" / "corpus")], folder / "sample.duckdb")
    results: dict = {"source": str(source)}
    if SEEDS.is_dir():
        seeds = analysed([str(SEEDS)], folder / "seeds.duckdb")
        results["seeds_report"] = report_size(seeds, folder / "seeds.html")
        print(f"seeds: report {results['seeds_report']['mb']} MB", flush=True)
    for size in options.sizes:
        db = folder / f"synthetic-{size}.duckdb"
        db.unlink(missing_ok=True)
        count = build(source, db, size)
        entry = {"articles": count, "database_mb": round(db.stat().st_size / 1e6, 1)}
        if size <= options.report_max:
            entry["report"] = report_size(db, folder / f"synthetic-{size}.html")
        entry["app"] = measure_app(db, options.requests)
        results[str(size)] = entry
        print(json.dumps({size: entry}), flush=True)
    (RESULTS / "report_scale.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
