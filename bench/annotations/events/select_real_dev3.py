"""List the candidate sentences of ``real_dev3`` in reading order (README, "real_dev3").

    .venv/bin/python bench/annotations/events/select_real_dev3.py > /tmp/real_dev3-candidates.jsonl

Prints one JSON line per candidate, ``{"pool", "ref", "sha1", "text"}``, in the order
they are read for coding; the texts stay in ../shared (the output is not committed).

- Pool A: article-bias-allsides articles of the ``real_dev2`` topics that neither
  ``real_dev`` nor ``real_heldout`` references and that are not in the ``real_dev2``
  pools (``mine_main_verbs.pool_articles``), shuffled with ``random.Random(SEED)``;
  from each, the first spaCy sentence of 10-50 words that names a country other than
  the United States (a name, alias, demonym or seat of government of
  ``countries.jsonl``).
- Pool B: ECB+ documents of topics 1-22 holding no referenced sentence, shuffled the
  same way; from each, the first checked sentence (``ECBplus_coreference_sentences.csv``)
  of 10-50 words that names any country.
- Pool A2 (added when pools A and B, read in full, gave 79): the articles of pool A in
  the same order; from each, the second sentence that fits pool A's rule.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from itertools import islice
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))
import events_dev_eval  # noqa: E402
import mine_main_verbs  # noqa: E402

from newsprism.config import DEFAULT_MODEL  # noqa: E402

DATA = events_dev_eval.SHARED_DATA
COUNTRIES = HERE.parents[2] / "newsprism" / "data" / "countries.jsonl"
SEED = 20261204
WORDS = range(10, 51)
ECB_TOPICS = range(1, 23)


def country_pattern(skip: frozenset[str]) -> re.Pattern:
    """Names, aliases, demonyms and metonyms of the bundled countries, whole words, case kept."""
    surfaces = set()
    for entry in map(json.loads, COUNTRIES.read_text(encoding="utf-8").splitlines()):
        if entry["id"] not in skip:
            surfaces.update([entry["name"], *entry.get("aliases", ()), *entry.get("demonyms", ()),
                             *entry.get("metonyms", ())])
    alternatives = "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def pool_a(nlp, foreign: re.Pattern, used: set[str], nth: int = 1):
    """Each article's ``nth`` sentence that fits (pool A: the first; pool A2: the second)."""
    excluded = used | mine_main_verbs.pool_articles(used)
    articles = [a for a in map(json.loads, open(DATA / "article-bias-allsides" / "media_test_articles.jsonl"))
                if a["topic"] in mine_main_verbs.POOL_TOPICS and a["ID"] not in excluded]
    random.Random(SEED).shuffle(articles)
    for article in articles:
        fitting = (s for s in nlp(article["content_original"]).sents
                   if len(s.text.split()) in WORDS and foreign.search(s.text))
        sentence = next(islice(fitting, nth - 1, None), None)
        if sentence is not None:
            pool = "A" if nth == 1 else f"A{nth}"
            yield pool, f"allsides:{article['ID']}:{sentence.start_char}:{sentence.end_char}", sentence.text


def pool_b(any_country: re.Pattern, used: set[str]):
    documents: dict[str, list[str]] = {}
    for row in csv.DictReader(open(DATA / "ecbplus" / "ECBplus_coreference_sentences.csv")):
        if int(row["Topic"]) in ECB_TOPICS:
            documents.setdefault(f"{row['Topic']}/{row['Topic']}_{row['File']}.xml", []).append(row["Sentence Number"])
    files = [f for f, numbers in documents.items() if not any(f"{f}:{n}" in used for n in numbers)]
    random.Random(SEED).shuffle(files)
    for file in files:
        for number in documents[file]:
            text = events_dev_eval._ecbplus_sentence(DATA, file, number)
            if len(text.split()) in WORDS and any_country.search(text):
                yield "B", f"ecbplus:{file}:{number}", text
                break


def main() -> None:
    used = mine_main_verbs.referenced()
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner", "lemmatizer"])
    foreign = country_pattern(frozenset({"united-states"}))
    candidates = [*pool_a(nlp, foreign, used), *pool_b(country_pattern(frozenset()), used),
                  *pool_a(nlp, foreign, used, nth=2)]
    for pool, ref, text in candidates:
        print(json.dumps({"pool": pool, "ref": ref, "sha1": events_dev_eval.text_digest(text), "text": text}))


if __name__ == "__main__":
    main()
