"""Story grouping quality: B-cubed precision, recall, F1 and ARI against gold stories.

    python bench/story_eval.py [--tune] [--reuse] [--split dev] [--ceiling | --links]

Data (../shared/data):
- giveme5w1h-gold: 96 articles, gold = `category` (the one unlabelled article is its
  own class). Never tuned on: all of it is held out.
- neus-allsides: 1,479 excerpts (title + first paragraphs) of 506 AllSides stories.
  An excerpt's date is the one in its own URL (/2021/10/18/), found for 579 of them;
  the others have none (the AllSides story date would leak the answer).
  Dev = stories with an even id, test = odd ids.
- ecbplus: 982 documents of 43 topics; each topic has two sub-topics (the ecb and
  ecbplus halves, two different events of the same kind). Scored at topic level and
  at sub-topic level (the story level). Dev = topics 1-22, test = topics 23-45
  (Cybulska & Vossen's train topics versus their dev + test topics). No dates.

Each data set goes through `newsprism analyze` once (the whole pipeline, stories
included, with the default StoryParams) into bench/results/story_eval/<name>.duckdb.
The scores re-run story assignment alone from the stored vectors and actors, one split
at a time, in the same arrival order as analyze would use; `--tune` grid-searches the
thresholds on the dev splits only and reports every split with the best setting as
well as with the defaults. Constraint sets: ../shared/seeds (one story, holding an
opinion piece and a wrongly dated page) and the bundled sample corpus (its two designed
stories) must come out exactly as designed; `--tune` gives the best setting that keeps
them and the best of all. The last lines score the stories `analyze` itself stored
(all splits of a data set together). Results go to bench/results/story_eval.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import asdict, replace
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsprism.config import Settings  # noqa: E402
from newsprism.records import Mention  # noqa: E402
from newsprism.runner import analyze  # noqa: E402
from newsprism.store import Store  # noqa: E402
from newsprism.analysis.when import MONTHS  # noqa: E402
from newsprism.story.evaluation import ceiling_report, link_evidence, score_clustering  # noqa: E402
from newsprism.story.stories import (  # noqa: E402
    StoryArticle, StoryIndex, StoryParams, StoryState, happening_weekday, publication_day, salient_actors, salient_terms,
)

DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "bench" / "results" / "story_eval"
GRID = {  # average_link, actor_weight, rehome_sweeps, term_weight (0.75, 0.05, 2, 0.25) were settled by the grid before
    "threshold": [0.62, 0.64, 0.66, 0.68, 0.70],
    "time_penalty": [0.15, 0.3, 0.4],
    "merge_threshold": [None, 0.76, 0.80, 0.84],
    "weekday_weight": [0.0, 0.05, 0.1, 0.15],
}
SAMPLES = ROOT / "newsprism" / "samples"


# -- data sets as newsprism JSONL, with gold labels -------------------------------
def giveme5w1h() -> tuple[list[dict], dict[str, str]]:
    records, gold = [], {}
    for path in sorted((DATA / "giveme5w1h-gold" / "data").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        article_id = f"g5w-{path.stem[:16]}"
        records.append({
            "id": article_id, "title": item.get("title"), "text": item.get("text") or "",
            "outlet": item.get("publisher"), "published": (item.get("date_publish") or "")[:10] or None,
        })
        gold[article_id] = item.get("category") or f"unlabelled-{article_id}"
    return records, gold


def neus() -> tuple[list[dict], dict[str, str]]:
    records, gold = [], {}
    lines = (DATA / "neus-allsides" / "headline_11_2021-10-19_crawled_all.jsonl").read_text(encoding="utf-8")
    for line in lines.splitlines():
        story = json.loads(line)
        for side, news in sorted(story["news"].items()):
            article_id = f"neus-{story['id']}-{side}"
            records.append({
                "id": article_id, "title": news.get("newsTitle"), "outlet": news.get("newsSource"),
                "url": news.get("newsLink"), "published": url_date(news.get("newsLink") or ""),
                "text": "\n\n".join(news.get("newBody") or []) or news.get("newsTitle") or "",
            })
            gold[article_id] = str(story["id"])
    return records, gold


def url_date(url: str) -> str | None:
    """The date a news URL carries (/2021/10/18/), the article's own publication date."""
    found = re.search(r"/(20\d\d)[/-](\d\d?)[/-](\d\d?)/", url)
    return "{}-{:0>2}-{:0>2}".format(*found.groups()) if found else None


def ecbplus() -> tuple[list[dict], dict[str, str]]:
    """Gold = '<topic>/<ecb|ecbplus>' (sub-topic); the topic is the part before '/'."""
    records, gold = [], {}
    for path in sorted((DATA / "ecbplus" / "ECB+").glob("*/*.xml")):
        tokens = ET.parse(path).getroot().iter("token")
        sentences: dict[str, list[str]] = {}
        for token in tokens:
            sentences.setdefault(token.get("sentence"), []).append(token.text or "")
        text = "\n".join(_detokenize(words) for words in sentences.values())
        topic, half = re.fullmatch(r"(\d+)_\d+(ecb|ecbplus)", path.stem).groups()
        article_id = f"ecb-{path.stem}"
        records.append({"id": article_id, "text": text, "title": None})
        gold[article_id] = f"{topic}/{half}"
    return records, gold


def _detokenize(words: list[str]) -> str:
    text = " ".join(words)
    text = re.sub(r" ([.,;:!?%)\]}'])", r"\1", text)
    return re.sub(r"([(\[{$]) ", r"\1", text).replace(" n't", "n't").replace(" 's", "'s")


DATASETS = {"giveme5w1h": giveme5w1h, "neus": neus, "ecbplus": ecbplus}


# -- groupings any setting must keep ------------------------------------------------
def seed_stories(articles: list) -> dict[str, str]:
    """../shared/seeds: five articles of one story (one an opinion piece, one with a
    wrong "today" date), which must stay one story."""
    return {article.id: "seeds" for article in articles}


def sample_stories(articles: list) -> dict[str, str]:
    """The bundled sample corpus, whose two stories are designed (samples/expected.json)."""
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
    story_of_ref = {ref: story["id"] for story in expected["stories"] for ref in story["refs"]}
    gold = {}
    for article in articles:
        path = Path(article.source.split(":")[0])
        ref = f"corpus/{path.name}#{article.id}" if path.suffix == ".jsonl" else f"corpus/{path.name}"
        gold[article.id] = story_of_ref[ref]
    return gold


CONSTRAINTS = {  # name: (input folder, gold stories of its stored articles)
    "seeds": (ROOT.parent / "shared" / "seeds", seed_stories),
    "samples": (SAMPLES / "corpus", sample_stories),
}


def splits(name: str, gold: dict[str, str]) -> dict[str, dict[str, str]]:
    """{split name: gold labels of its articles}."""
    if name == "giveme5w1h":
        return {"test": gold}
    if name == "neus":
        parity = lambda story: "dev" if int(story) % 2 == 0 else "test"  # noqa: E731
        return {s: {a: g for a, g in gold.items() if parity(g) == s} for s in ("dev", "test")}
    dev = {a: g for a, g in gold.items() if int(g.split("/")[0]) <= 22}
    test = {a: g for a, g in gold.items() if int(g.split("/")[0]) > 22}
    out = {}
    for split, labels in (("dev", dev), ("test", test)):
        out[f"{split}-subtopic"] = labels
        out[f"{split}-topic"] = {a: g.split("/")[0] for a, g in labels.items()}
    return out


# -- running ------------------------------------------------------------------------
def build_db(name: str, reuse: bool) -> Path:
    db = OUT / f"{name}.duckdb"
    if reuse and db.exists():
        return db
    records, _ = DATASETS[name]()
    source = OUT / f"{name}.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    summary = analyze([str(source)], db, Settings(progress=False, processes=2))
    print(f"{name}: analysed {summary.stored} articles in {time.perf_counter() - started:.0f} s "
          f"({summary.failed} failed)")
    return db


def build_constraint_db(name: str, reuse: bool) -> Path:
    db = OUT / f"{name}.duckdb"
    if not (reuse and db.exists()):
        db.unlink(missing_ok=True)
        analyze([str(CONSTRAINTS[name][0])], db, Settings(progress=False, processes=2))
    return db


def prepare_constraint(name: str, reuse: bool, params: StoryParams) -> tuple:
    db = build_constraint_db(name, reuse)
    with Store(db, read_only=True) as store:
        stored = store.articles_of([row[0] for row in store.con.execute("SELECT id FROM articles").fetchall()])
    gold = CONSTRAINTS[name][1](stored)
    return story_articles(db, params), sorted(gold), {"all": gold}


def keeps_constraints(constraints: dict, params: StoryParams) -> bool:
    """Whether the setting groups every constraint set exactly as designed."""
    return all(s["f1"] == 1.0 for s in evaluate(constraints, params, "").values())


def story_articles(db: Path, params: StoryParams) -> dict[str, StoryArticle]:
    with Store(db, read_only=True) as store:
        actors = store.actors()
        rows = store.con.execute(
            "SELECT a.id, a.title, a.published, a.text, v.vector FROM articles a JOIN article_vectors v ON v.article_id = a.id"
        ).fetchall()
        mentions: dict[str, list[Mention]] = {}
        for row in store.con.execute(
            'SELECT article_id, actor_id, text, start, "end", label, sector FROM mentions'
        ).fetchall():
            mentions.setdefault(row[0], []).append(Mention(*row))
    return {
        article_id: StoryArticle(
            id=article_id, title=title, published=publication_day(published),
            vector=np.asarray(vector, dtype=np.float32),
            actors=salient_actors(mentions.get(article_id, []), actors, params.max_actors),
            terms=salient_terms(title, text, params.max_terms), weekday=happening_weekday(title, text),
        )
        for article_id, title, published, text, vector in rows
    }


def cluster(articles: dict[str, StoryArticle], ids: list[str], params: StoryParams) -> dict[str, str]:
    index = StoryIndex(params)
    batch = [articles[i] for i in ids]
    # The same order analyze uses: batches of 64 in input order, each sorted by date then id.
    for start in range(0, len(batch), 64):
        index.assign(batch[start : start + 64])
    # Later batches may have merged earlier stories: the stories as they end up.
    return {article_id: story.id for story in index.stories.values() for article_id in story.article_ids}


def stored_stories(db: Path) -> dict[str, str]:
    with Store(db, read_only=True) as store:
        return dict(store.con.execute("SELECT article_id, story_id FROM story_articles").fetchall())


def evaluate(prepared: dict, params: StoryParams, split_filter: str) -> dict[str, dict]:
    results = {}
    for name, (articles, order, split_gold) in prepared.items():
        for split, labels in split_gold.items():
            if split_filter not in split:
                continue
            ids = [i for i in order if i in labels and i in articles]
            predicted = cluster(articles, ids, params)
            results[f"{name}/{split}"] = asdict(score_clustering({i: labels[i] for i in ids}, predicted))
    return results


def pair_scores(articles: list[StoryArticle], params: StoryParams) -> np.ndarray:
    """The combined score of every pair of articles, each taken as a story of its own
    (rarities over one story per article); -inf on the diagonal and for pairs whose text
    cosine is too low to score near the threshold. For analysis only: assignment never
    compares all pairs."""
    index = StoryIndex(params, [singleton_story(article) for article in articles])
    stories = [index.stories[f"story-{article.id}"] for article in articles]
    vectors = np.stack([article.vector for article in articles])
    texts = vectors @ vectors.T
    scores = np.full(texts.shape, -np.inf)
    bound = params.threshold - params.actor_weight - params.term_weight - 0.25  # near neighbours, for the ranking
    for i, j in zip(*np.nonzero(texts >= bound)):
        if i != j:
            scores[i, j] = index.similarity(articles[i], stories[j])
    return scores


def singleton_story(article: StoryArticle) -> StoryState:
    return StoryState(
        id=f"story-{article.id}", vector_sum=article.vector.copy(), actor_sum=dict(article.actors),
        article_ids=[article.id], term_sum=dict(article.terms), days=[article.published] if article.published else [],
        members={article.id: (article.title, article.vector)}, weekdays=list(article.weekdays),
    )


def ceiling(articles: dict[str, StoryArticle], ids: list[str], labels: dict[str, str], params: StoryParams) -> dict:
    """`evaluation.ceiling_report` of the combined score on a split, against the stories
    the default clustering finds."""
    ids = [i for i in ids if i in labels and i in articles]
    scores = pair_scores([articles[i] for i in ids], params)
    predicted = cluster(articles, ids, params)
    return asdict(ceiling_report([labels[i] for i in ids], scores, params.threshold, [predicted[i] for i in ids]))


LEAD = 400  # characters of the body read as the lead, after the headline
FIGURE = re.compile(r"\d[\d,.]*\d|\d")
YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
CALENDAR_DAY = re.compile(rf"\b({_MONTH})\.? (\d{{1,2}})\b")


def lead_cues(db: Path, articles: list[StoryArticle]) -> dict:
    """Yes/no cues about two articles (positions in `articles`) that could tell one
    subject's developments apart, for `evaluation.link_evidence`: the dates and weekdays
    story assignment reads, and what the headline and lead state (figures other than
    years, calendar days, the step of the first events with actors)."""
    ids = [a.id for a in articles]
    with Store(db, read_only=True) as store:
        rows = dict((i, (t, x, o)) for i, t, x, o in store.con.execute(
            "SELECT id, title, text, outlet FROM articles WHERE list_contains(?, id)", [ids]).fetchall())
        events = store.con.execute(
            "SELECT article_id, type, source_id, target_id FROM events WHERE start < ? "
            "AND list_contains(?, article_id) AND (source_id IS NOT NULL OR target_id IS NOT NULL) "
            "ORDER BY article_id, start, id", [LEAD, ids]).fetchall()
    leads = [f"{rows[i][0] or ''}\n{rows[i][1][:LEAD]}" for i in ids]
    figures = [{f.replace(",", "").rstrip(".") for f in FIGURE.findall(lead)} - {""} for lead in leads]
    figures = [{f for f in found if not YEAR.fullmatch(f)} for found in figures]
    days = [{(MONTHS[m.lower()], int(d)) for m, d in CALENDAR_DAY.findall(lead)} for lead in leads]
    first_events: dict[str, list[tuple[str, set[str]]]] = {}
    for article_id, kind, source, target in events:
        if len(first_events.setdefault(article_id, [])) < 2:
            first_events[article_id].append((kind, {source, target} - {None}))
    steps = [first_events.get(i, []) for i in ids]
    outlets = [rows[i][2] for i in ids]

    def disjoint(sets: list[set]) -> Callable[[int, int], bool]:
        return lambda i, j: bool(sets[i]) and bool(sets[j]) and sets[i].isdisjoint(sets[j])

    def other_step(i: int, j: int) -> bool:
        return any(a & b and kind != other for kind, a in steps[i] for other, b in steps[j])

    return {
        "both undated": lambda i, j: articles[i].published is None and articles[j].published is None,
        "published 2+ days apart": lambda i, j: None not in (articles[i].published, articles[j].published)
        and abs((articles[i].published - articles[j].published).days) >= 2,
        "weekdays differ": lambda i, j: None not in (articles[i].weekday, articles[j].weekday)
        and articles[i].weekday != articles[j].weekday,
        "lead figures disjoint": disjoint(figures),
        "lead calendar days disjoint": disjoint(days),
        "first events: shared actor, other step": other_step,
        "same outlet": lambda i, j: outlets[i] is not None and outlets[i] == outlets[j],
    }


def links(db: Path, articles: dict[str, StoryArticle], ids: list[str], labels: dict[str, str],
          params: StoryParams) -> list[str]:
    """`evaluation.link_evidence` of `lead_cues` on the default clustering of a split."""
    ids = [i for i in ids if i in labels and i in articles]
    predicted = cluster(articles, ids, params)
    cues = lead_cues(db, [articles[i] for i in ids])
    return [f"{e.cue:40} on wrong {e.on_wrong:4}/{e.wrong_links}  on right {e.on_right:4}/{e.right_links}  "
            f"ratio {e.ratio:.2f}" for e in link_evidence([labels[i] for i in ids], [predicted[i] for i in ids], cues)]


def tune(prepared: dict, constraints: dict) -> tuple[StoryParams, StoryParams]:
    """Best mean B-cubed F1 over the dev splits that are story level: among the settings
    that keep the constraint sets' stories, and among all."""
    best: dict[bool, tuple[float, StoryParams]] = {}
    for values in itertools.product(*GRID.values()):
        params = replace(StoryParams(), **dict(zip(GRID, values)))
        scores = evaluate(prepared, params, "dev")
        story_level = [s["f1"] for key, s in scores.items() if not key.endswith("-topic")]
        mean_f1 = sum(story_level) / len(story_level)
        for constrained in {False, keeps_constraints(constraints, params)}:
            if mean_f1 > best.get(constrained, (-1.0, None))[0]:
                best[constrained] = (mean_f1, params)
    for constrained, (mean_f1, params) in sorted(best.items()):
        kind = "keeping the constraint sets" if constrained else "unconstrained"
        print(f"tuned on dev, {kind}: mean B-cubed F1 {mean_f1:.3f} with {asdict(params)}")
    return best[True][1], best[False][1]


def _number(value: str) -> float | int | None:
    return None if value == "None" else int(value) if value.isdigit() else float(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tune", action="store_true", help="grid-search StoryParams on the dev splits")
    parser.add_argument("--reuse", action="store_true", help="reuse analysed databases in bench/results/story_eval")
    parser.add_argument("--datasets", nargs="*", default=list(DATASETS), choices=list(DATASETS))
    parser.add_argument("--split", default="", help="score only the splits whose name holds this ('dev')")
    parser.add_argument("--ceiling", action="store_true", help="where the combined score fails on the chosen splits")
    parser.add_argument("--links", action="store_true",
                        help="how often lead cues hold on the wrong and right links of the chosen splits' stories")
    parser.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE", help="StoryParams to change")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    params = replace(StoryParams(), **{k: _number(v) for k, v in (item.split("=", 1) for item in args.set)})
    prepared, pipeline = {}, {}
    for name in args.datasets:
        db = build_db(name, args.reuse)
        records, gold = DATASETS[name]()
        articles = story_articles(db, params)
        prepared[name] = (articles, [r["id"] for r in records], splits(name, gold))
        stored = stored_stories(db)
        pipeline[name] = asdict(score_clustering({i: gold[i] for i in stored}, stored))
    if args.ceiling:
        for name, (articles, order, split_gold) in prepared.items():
            for split, labels in split_gold.items():
                if args.split in split:
                    print(name, split, json.dumps(ceiling(articles, order, labels, params)))
        return
    if args.links:
        for name, (articles, order, split_gold) in prepared.items():
            for split, labels in split_gold.items():
                if args.split in split:
                    evidence = links(OUT / f"{name}.duckdb", articles, order, labels, params)
                    print(f"{name} {split}", *evidence, sep="\n  ")
        return
    constraints = {name: prepare_constraint(name, args.reuse, params) for name in CONSTRAINTS}
    report = {"default": {"params": asdict(params), "scores": evaluate(prepared, params, args.split),
                          "keeps_constraints": keeps_constraints(constraints, params)}}
    if args.tune:
        tuned, unconstrained = tune(prepared, constraints)
        report["tuned_on_dev"] = {"params": asdict(tuned), "scores": evaluate(prepared, tuned, args.split)}
        report["tuned_on_dev_unconstrained"] = {"params": asdict(unconstrained),
                                                "scores": evaluate(prepared, unconstrained, args.split)}
    if not args.split:  # the stored stories mix every split
        report["analyze_default_params_all_articles"] = pipeline
    print(f"default settings keep the seeds and sample stories: {report['default']['keeps_constraints']}")
    for setting in ("default", "tuned_on_dev", "tuned_on_dev_unconstrained"):
        for key, s in report.get(setting, {}).get("scores", {}).items():
            print(f"{setting:26} {key:24} items {s['items']:4} gold {s['gold_clusters']:3} found {s['predicted_clusters']:3}  "
                  f"P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} ARI {s['ari']:.3f}")
    for key, s in report.get("analyze_default_params_all_articles", {}).items():
        print(f"analyze (all, default) {key:12} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} ARI {s['ari']:.3f}")
    (ROOT / "bench" / "results" / "story_eval.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
