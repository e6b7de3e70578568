"""Quotes, speakers and attributions against hand annotations of 40 real articles.

    .venv/bin/python bench/quotes_eval.py [--split test|dev|dev2 … dev8]   # evaluate; writes bench/results/quotes-SPLIT.json
    .venv/bin/python bench/quotes_eval.py errors --split dev|dev2 … dev8  # item by item: missed, spurious, wrong speaker
    .venv/bin/python bench/quotes_eval.py short [dev dev2 …]   # quoted phrases of 1–6 words: gold, system, why
    .venv/bin/python bench/quotes_eval.py select [--split …]   # print the selection rule's ids
    .venv/bin/python bench/quotes_eval.py resolve DRAFT… [--split …]   # annotators: text draft → offsets-only file

Gold: `bench/annotations/quotes/gold/<id>.json` (the held-out test split, 40 articles)
and `bench/annotations/quotes/dev/<id>.json` (the development split, 26 articles), with
`dev2/<id>.json` (a second development split, 16 articles annotated in December 2026)
and `dev3/<id>.json` (20 quote-rich articles, annotated in December 2026 before the system
ran on them); offsets only, see GUIDELINES.md. Develop against the dev splits; run test
only to report.
Matching: a predicted span matches a gold span of the same category when their
character overlap is at least half of their union (greedy, one to one, best overlap
first). Precision and recall are over matched spans; speaker accuracy is over matched
quotes whose gold speaker is named, counting a match when the predicted speaker's
actor name or surface form agrees with the gold name (same normalised name, one
contained in the other as whole words, or the same last word: the surname for people). Direct quotes (direct + partial), indirect quotes and
attributions are scored separately.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE / "annotations" / "quotes"
GOLD = ANNOTATIONS / "gold"  # the held-out test split
DEV = ANNOTATIONS / "dev"  # the development split
DEV2 = ANNOTATIONS / "dev2"  # the second development split
DEV3 = ANNOTATIONS / "dev3"  # the third: quote-rich articles
DEV4 = ANNOTATIONS / "dev4"  # the fourth: ordinary articles of 500–1,200 words
DEV5 = ANNOTATIONS / "dev5"  # the fifth: ordinary articles of 400–1,500 words, chosen by SHA-1
DEV6 = ANNOTATIONS / "dev6"  # the sixth: the next such article per outlet, by the same rule
DEV7 = ANNOTATIONS / "dev7"  # the seventh: the next again, with dev6 taken too
DEV8 = ANNOTATIONS / "dev8"  # the eighth: the next again, with dev7 taken too
FOLDERS = {"test": GOLD, "dev": DEV, "dev2": DEV2, "dev3": DEV3, "dev4": DEV4, "dev5": DEV5, "dev6": DEV6,
           "dev7": DEV7, "dev8": DEV8}
SELECTION = HERE / "annotations" / "quotes" / "selection.tsv"
DATA = HERE.parents[1] / "shared" / "data" / "article-bias-allsides" / "media_test_articles.jsonl"
RESULTS = HERE / "results"
DEV3_SECOND_PICKS = ("CNN (Web News)", "The Guardian", "Salon", "BBC News", "Reuters", "Associated Press",
                     "Breitbart News")  # seven left, six centre, seven right articles in all
OUTLETS = (
    "CNN (Web News)", "The Guardian", "Salon", "ABC News", "BBC News", "Reuters", "Associated Press",
    "The Daily Caller", "CBN", "Breitbart News", "Reason", "Newsmax", "American Spectator",
)
MIN_OVERLAP = 0.5


def load_corpus() -> dict[str, dict]:
    with open(DATA, encoding="utf-8") as lines:
        return {r["ID"]: r for r in map(json.loads, lines)}


def select_articles(corpus: dict[str, dict], split: str = "test") -> list[str]:
    """test: per outlet (13 outlets) the 3 articles of 250–900 words whose id hash sorts
    first, and 1 guest column; dev: the next 2 per outlet; dev2: the next 1 per outlet, the
    next 2 right guest columns and the first left one; dev3 (quote-rich): per outlet, of its
    articles of 400–900 words with at least 8 quotation marks that no other split holds, the
    first by id hash, and the second for the outlets in DEV3_SECOND_PICKS; dev4 (ordinary,
    longer): per outlet, of its articles of 500–1,200 words that no other split holds, the
    first by id hash; dev5 (ordinary): per outlet, of its articles of 400–1,500 words that no
    other split holds, the one whose SHA-1 of the id sorts first (a different hash, so not
    simply dev4's runners-up); dev6: the same rule again with dev5 taken too, so the next by
    SHA-1 per outlet; dev7: once more with dev6 taken as well; dev8: again with dev7 taken.
    Development looks only at the dev splits."""
    def pick(source: str, first: int, count: int) -> list[str]:
        fits = [r["ID"] for r in corpus.values()
                if r["source"] == source and 250 <= len(r["content_original"].split()) <= 900]
        return sorted(fits, key=lambda i: hashlib.sha256(i.encode()).hexdigest())[first:first + count]

    def quote_rich(source: str, count: int, taken: set[str]) -> list[str]:
        fits = [r["ID"] for r in corpus.values()
                if r["source"] == source and r["ID"] not in taken and 400 <= len(r["content_original"].split()) <= 900
                and _opening_marks(r["content_original"]) >= 8]
        return sorted(fits, key=lambda i: hashlib.sha256(i.encode()).hexdigest())[:count]

    def longer(source: str, taken: set[str]) -> list[str]:
        fits = [r["ID"] for r in corpus.values()
                if r["source"] == source and r["ID"] not in taken and 500 <= len(r["content_original"].split()) <= 1200]
        return sorted(fits, key=lambda i: hashlib.sha256(i.encode()).hexdigest())[:1]

    def by_sha1(source: str, taken: set[str]) -> list[str]:
        fits = [r["ID"] for r in corpus.values()
                if r["source"] == source and r["ID"] not in taken and 400 <= len(r["content_original"].split()) <= 1500]
        return sorted(fits, key=lambda i: hashlib.sha1(i.encode()).hexdigest())[:1]

    if split in ("dev5", "dev6", "dev7", "dev8"):
        later = ("dev5", "dev6", "dev7", "dev8")
        earlier_splits = ("test", "dev", "dev2", "dev3", "dev4") + later[:later.index(split)]
        taken = {i for earlier in earlier_splits for i in select_articles(corpus, earlier)}
        return [i for source in OUTLETS for i in by_sha1(source, taken)]
    if split == "dev4":
        taken = {i for earlier in ("test", "dev", "dev2", "dev3") for i in select_articles(corpus, earlier)}
        return [i for source in OUTLETS for i in longer(source, taken)]
    if split == "dev3":
        taken = {i for earlier in ("test", "dev", "dev2") for i in select_articles(corpus, earlier)}
        return [i for source in OUTLETS for i in quote_rich(source, 1 + (source in DEV3_SECOND_PICKS), taken)]
    if split == "dev":
        return [i for source in OUTLETS for i in pick(source, 3, 2)]
    if split == "dev2":
        return ([i for source in OUTLETS for i in pick(source, 5, 1)]
                + pick("Guest Writer - Right", 1, 2) + pick("Guest Writer - Left", 0, 1))
    return [i for source in OUTLETS for i in pick(source, 0, 3)] + pick("Guest Writer - Right", 0, 1)


def _opening_marks(text: str) -> int:
    return text.count('"') // 2 + text.count("\u201c")


# -- annotation drafts → gold files ------------------------------------------------

def _locate(text: str, needle: str, nth: int | None = 0, near: tuple[int, int] | None = None) -> tuple[int, int]:
    """The `nth` occurrence of `needle` in the article; with `near` (a quote's span) and
    no `nth`, the whole-word occurrence outside the quote closest to either end of it."""
    starts, at = [], text.find(needle)
    while at >= 0:
        starts.append(at)
        at = text.find(needle, at + 1)
    if not starts:
        raise ValueError(f"not in the article: {needle[:80]!r}")
    if nth is not None:
        start = starts[nth]
    else:
        outside = [s for s in starts if _whole_word(text, s, s + len(needle))
                   and (s + len(needle) <= near[0] or s >= near[1])]
        if not outside:
            raise ValueError(f"not in the article near the quote: {needle[:80]!r}")
        start = min(outside, key=lambda s: min(abs(s + len(needle) - near[0]), abs(s - near[1])))
    return start, start + len(needle)


def _text_span(text: str, item: dict) -> tuple[int, int]:
    """An item's span: its `text` (occurrence `nth`), or with `to`, from `text` to the end of
    the first `to` after it, so a long span is drafted by its first and last words."""
    start, end = _locate(text, item["text"], item.get("nth", 0))
    if "to" in item:
        last = text.find(item["to"], end)
        if last < 0:
            raise ValueError(f"{item['to'][:80]!r} does not follow {item['text'][:80]!r}")
        end = last + len(item["to"])
    return start, end


def _whole_word(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def resolve(draft: dict, article_text: str) -> dict:
    """Turn a draft written with text snippets into a gold record of offsets."""
    def span(item: dict, key: str, near: tuple[int, int]) -> tuple[int | None, int | None]:
        needle = item.get(key)
        if not needle:
            return None, None
        return _locate(article_text, needle, item.get(key + "_nth"), near)

    gold = {"id": draft["id"], "text_sha256": hashlib.sha256(article_text.encode()).hexdigest(),
            "quotes": [], "attributions": [], "scare_quotes": []}
    for q in draft.get("quotes", []):
        start, end = _text_span(article_text, q)
        s_start, s_end = span(q, "speaker_text", near=(start, end))
        gold["quotes"].append({"start": start, "end": end, "kind": q["kind"], "speaker": q.get("speaker"),
                               "speaker_start": s_start, "speaker_end": s_end, "cue": q.get("cue"),
                               "anonymous": bool(q.get("anonymous", False))})
    for a in draft.get("attributions", []):
        start, end = _text_span(article_text, a)
        s_start, s_end = span(a, "source_text", near=(start, end))
        gold["attributions"].append({"start": start, "end": end, "source": a["source"], "source_start": s_start,
                                     "source_end": s_end, "kind": a["kind"]})
    for s in draft.get("scare_quotes", []):
        start, end = _locate(article_text, s["text"], s.get("nth", 0))
        gold["scare_quotes"].append({"start": start, "end": end})
    for q in gold["quotes"]:
        if q["kind"] not in ("direct", "partial", "indirect"):
            raise ValueError(f"unknown quote kind {q['kind']!r}")
    for a in gold["attributions"]:
        if a["kind"] not in ("media", "official", "organization", "document", "anonymous"):
            raise ValueError(f"unknown attribution kind {a['kind']!r}")
    return gold


def resolve_files(paths: list[str], folder: Path) -> None:
    corpus = load_corpus()
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        draft = json.loads(Path(path).read_text(encoding="utf-8"))
        gold = resolve(draft, corpus[draft["id"]]["content_original"])
        (folder / f"{draft['id']}.json").write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")
        print(f"{path}: {len(gold['quotes'])} quotes, {len(gold['attributions'])} attributions,"
              f" {len(gold['scare_quotes'])} scare quotes → {folder / (draft['id'] + '.json')}")


# -- scoring -----------------------------------------------------------------------

@dataclass(slots=True)
class Span:
    start: int
    end: int
    name: str | None = None  # speaker or source name
    surface: str | None = None  # predicted: the words naming the speaker, when an actor name is given too


def overlap(a: Span, b: Span) -> float:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    union = max(a.end, b.end) - min(a.start, b.start)
    return inter / union if union else 0.0


def match(gold: list[Span], predicted: list[Span]) -> list[tuple[Span, Span]]:
    pairs = sorted(((overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
                   reverse=True)
    used_g, used_p, matched = set(), set(), []
    for score, gi, pi in pairs:
        if score < MIN_OVERLAP:
            break
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            matched.append((gold[gi], predicted[pi]))
    return matched


def same_speaker(gold: str, predicted: str | None) -> bool:
    from newsprism.kb import normalise_name

    if not predicted:
        return False
    g, p = normalise_name(gold), normalise_name(predicted)
    if not g or not p:
        return False
    if g == p or f" {g} " in f" {p} " or f" {p} " in f" {g} ":  # whole words: "he" is not in "Stephen"
        return True
    return g.split()[-1:] == p.split()[-1:]


@dataclass(slots=True)
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speakers_named: int = 0
    speakers_right: int = 0
    misses: Counter = field(default_factory=Counter)

    speaker_misses: Counter = field(default_factory=Counter)

    def add(self, text: str, gold: list[Span], predicted: list[Span], check_names: bool,
            elsewhere: list[Span] = ()) -> None:
        """`elsewhere`: the predictions of the other categories, to tell a miss read as
        another kind from one not found at all."""
        self.gold += len(gold)
        self.predicted += len(predicted)
        pairs = match(gold, predicted)
        self.matched += len(pairs)
        found = {id(g) for g, _ in pairs}
        for g in gold:
            if id(g) not in found:
                self.misses[miss_kind(text, g, predicted, elsewhere)] += 1
        for g, p in pairs:
            if check_names and g.name:
                self.speakers_named += 1
                right = same_speaker(g.name, p.name) or same_speaker(g.name, p.surface)
                self.speakers_right += right
                if not right:
                    self.speaker_misses[speaker_miss_kind(p)] += 1

    def as_dict(self) -> dict:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result = {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                  "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
        if self.speakers_named:
            result["speaker_accuracy"] = round(self.speakers_right / self.speakers_named, 3)
            result["speakers_checked"] = self.speakers_named
        result["misses"] = dict(sorted(self.misses.items()))
        if self.speaker_misses:
            result["speaker_misses"] = dict(sorted(self.speaker_misses.items()))
        return result


QUOTE_MARKS = "\"'“”‘’«»„‟"


def miss_kind(text: str, gold: Span, predicted: list[Span], elsewhere: list[Span]) -> str:
    """Why a gold span went unmatched, in aggregate terms only: found as another kind
    (direct read as indirect, ...), found with other bounds (a prediction overlaps it, too
    little or already taken by another gold span), or not found at all — then whether a
    quotation mark stands at either end of the span and how many words it has."""
    if any(overlap(gold, p) >= MIN_OVERLAP for p in elsewhere):
        return "another_kind"
    if any(overlap(gold, p) > 0 for p in predicted):
        return "other_bounds"
    ends = text[max(gold.start - 2, 0):gold.start + 1] + text[max(gold.end - 1, 0):gold.end + 2]
    marked = "marked" if any(mark in ends for mark in QUOTE_MARKS) else "unmarked"
    words = len(text[gold.start:gold.end].split())
    size = "1-4 words" if words <= 4 else "5-15 words" if words <= 15 else "16+ words"
    return f"not_found, {marked}, {size}"


PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "his", "her", "their", "its"})


def speaker_miss_kind(predicted: Span) -> str:
    """What stood as the speaker of a quote whose gold speaker it is not, in aggregate
    terms: nobody, a pronoun left unresolved, other words linked to no actor, or another
    actor of the article (`predicted_spans` gives `surface` only with an actor)."""
    if predicted.surface is not None:
        return "another actor"
    if not predicted.name:
        return "no speaker"
    return "unresolved pronoun" if predicted.name.lower() in PRONOUNS else "words, no actor"


def gold_spans(gold: dict) -> dict[str, list[Span]]:
    quotes = gold["quotes"]
    named = lambda q: None if q.get("anonymous") else q.get("speaker")  # noqa: E731
    return {
        "direct": [Span(q["start"], q["end"], named(q)) for q in quotes if q["kind"] in ("direct", "partial")],
        "indirect": [Span(q["start"], q["end"], named(q)) for q in quotes if q["kind"] == "indirect"],
        "attributions": [Span(a["start"], a["end"], a["source"]) for a in gold["attributions"]],
    }


def predicted_spans(doc, actors: dict) -> dict[str, list[Span]]:
    def span(start: int, end: int, words: str | None, actor_id: str | None) -> Span:
        if actor_id in actors:
            return Span(start, end, actors[actor_id].name, words)
        return Span(start, end, words)
    quotes = doc._.quotes
    return {
        "direct": [span(q.start, q.end, q.speaker, q.speaker_id) for q in quotes if q.kind in ("direct", "partial")],
        "indirect": [span(q.start, q.end, q.speaker, q.speaker_id) for q in quotes if q.kind == "indirect"],
        "attributions": [span(a.start, a.end, a.source, a.source_id) for a in doc._.attributions],
    }


def parsed(folder: Path):
    """Each gold file of `folder` with its article text and the pipeline's doc."""
    from newsprism.analysis.pipeline import load_pipeline
    from newsprism.config import Settings

    corpus = load_corpus()
    files = sorted(folder.glob("*.json"))
    if not files:
        sys.exit(f"no gold annotations in {folder}")
    nlp = load_pipeline(Settings())
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = corpus[gold["id"]]["content_original"]
        if hashlib.sha256(text.encode()).hexdigest() != gold["text_sha256"]:
            sys.exit(f"{path}: the article text changed since it was annotated")
        doc = nlp.make_doc(text)
        doc.user_data["newsprism_outlet"] = corpus[gold["id"]]["source"]  # as the engine sets it
        yield gold, text, nlp(doc)


def analysed(folder: Path):
    """Each gold file of `folder` with its article text and the pipeline's predicted spans."""
    for gold, text, doc in parsed(folder):
        actors = {a.id: a for a in doc._.actors}
        yield gold, text, predicted_spans(doc, actors)


def evaluate(folder: Path) -> dict:
    scores = {"direct": Score(), "indirect": Score(), "attributions": Score()}
    articles = 0
    for gold, text, predicted in analysed(folder):
        articles += 1
        for category, spans in gold_spans(gold).items():
            others = [span for kind, found in predicted.items()  # a quote read as the other kind of quote
                      if kind != category and "attributions" not in (kind, category) for span in found]
            scores[category].add(text, spans, predicted[category], check_names=True, elsewhere=others)
    return {"articles": articles, **{k: v.as_dict() for k, v in scores.items()}}


def print_errors(folder: Path) -> None:
    """Development splits only: every missed gold span, spurious prediction and wrong speaker."""
    def show(text: str, span: Span) -> str:
        return repr(text[span.start:span.end][:90])
    for gold, text, predicted in analysed(folder):
        for category, spans in gold_spans(gold).items():
            pairs = match(spans, predicted[category])
            matched_gold, matched_predicted = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
            for g in spans:
                if id(g) not in matched_gold:
                    print(f"{gold['id']} {category} MISSED {show(text, g)} ({g.name})")
            for p in predicted[category]:
                if id(p) not in matched_predicted:
                    print(f"{gold['id']} {category} SPURIOUS {show(text, p)} ({p.name} / {p.surface})")
            for g, p in pairs:
                if g.name and not (same_speaker(g.name, p.name) or same_speaker(g.name, p.surface)):
                    print(f"{gold['id']} {category} SPEAKER {show(text, g)} gold {g.name!r}, got {p.name!r} / {p.surface!r}")


SHORT_WORDS = 6  # longest quoted phrase `short` lists


def short_phrases(gold: dict, text: str, doc) -> list[tuple[str, str, str, int, str]]:
    """The quoted phrases of 1–6 words with what the annotators made of them (partial /
    direct, scare, or unmarked: a title, name, term or nothing they marked) and what the
    system did (partial / direct, scare, or dropped with the deciding rule)."""
    from newsprism.analysis import quotes

    gold_quotes = [Span(q["start"], q["end"], q["kind"]) for q in gold["quotes"] if q["kind"] != "indirect"]
    gold_scare = [Span(s["start"], s["end"]) for s in gold["scare_quotes"]]
    system = [Span(q.start, q.end, q.kind) for q in doc._.quotes if q.kind != "indirect"]
    system_scare = [Span(s.start, s.end) for s in doc._.scare_quotes]

    def found(span: Span, among: list[Span]) -> Span | None:
        return max(among, key=lambda other: overlap(span, other), default=None) if any(
            overlap(span, other) >= MIN_OVERLAP for other in among) else None

    rows = []
    for m, _, reason in quotes.judged_marks(quotes.marked_article(doc)):
        words = text[m.start:m.end].split()
        if not 1 <= len(words) <= SHORT_WORDS:
            continue
        span = Span(m.start, m.end)
        annotated = found(span, gold_quotes)
        said = found(span, system)
        gold_kind = annotated.name if annotated else "scare" if found(span, gold_scare) else "unmarked"
        system_kind = said.name if said else "scare" if found(span, system_scare) else "dropped"
        rows.append((gold_kind, system_kind, reason, m.start, text[m.start:m.end]))
    return rows


def print_short(splits: list[str]) -> None:
    """Development splits only: every quoted phrase of 1–6 words, then the counts of gold by system."""
    table, reasons = Counter(), Counter()
    for split in splits:
        for gold, text, doc in parsed(FOLDERS[split]):
            for gold_kind, system_kind, reason, start, words in short_phrases(gold, text, doc):
                table[gold_kind, system_kind] += 1
                if system_kind == "dropped" or gold_kind != system_kind:
                    reasons[gold_kind, system_kind, "cue" if reason.startswith("cue ") else reason] += 1
                print(f"{split} {gold['id']} @{start} gold={gold_kind} system={system_kind} ({reason}) {words!r}")
    systems = ("partial", "direct", "scare", "dropped")
    print("\ngold \\ system " + " ".join(f"{k:>8}" for k in systems))
    for gold_kind in ("partial", "direct", "scare", "unmarked"):
        print(f"{gold_kind:<15}" + " ".join(f"{table[gold_kind, k]:>8}" for k in systems))
    print("\ndisagreements and drops by the deciding rule:")
    for (gold_kind, system_kind, reason), count in sorted(reasons.items(), key=lambda item: -item[1]):
        print(f"{count:>4}  gold={gold_kind} system={system_kind} ({reason})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="evaluate",
                        choices=["evaluate", "select", "resolve", "errors", "short"])
    parser.add_argument("drafts", nargs="*", help="resolve: the draft files; short: dev split names (default all)")
    parser.add_argument("--split", choices=sorted(FOLDERS), default="test",
                        help="test: the held-out 40 (report only); dev, dev2 … dev8: the development articles")
    args = parser.parse_intermixed_args()
    folder = FOLDERS[args.split]
    if args.command == "select":
        print("\n".join(select_articles(load_corpus(), args.split)))
    elif args.command == "resolve":
        resolve_files(args.drafts, folder)
    elif args.command == "errors":
        if args.split == "test":
            sys.exit("errors are for the development splits: the test split is scored in aggregate only")
        print_errors(folder)
    elif args.command == "short":
        splits = args.drafts or [name for name in sorted(FOLDERS) if name != "test"]
        if "test" in splits or not set(splits) <= set(FOLDERS):
            sys.exit("short lists development splits only: dev, dev2 … dev8")
        print_short(splits)
    else:
        result = {"split": args.split, **evaluate(folder)}
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"quotes-{args.split}.json").write_text(json.dumps(result, indent=2))
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
