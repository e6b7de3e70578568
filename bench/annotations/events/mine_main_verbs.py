"""Count the main verbs of real news that no event pattern knows (seventh round).

    .venv/bin/python bench/annotations/events/mine_main_verbs.py [--patterns FILE] [--top 500]
    # writes bench/annotations/events/mined_main_verbs.tsv

Parses the sentences of article-bias-allsides, giveme5w1h-gold and ECB+ (topics 1-22)
with the spaCy model and the actors component, leaving out every article that
``real_dev``, ``real_heldout`` or the pools ``real_dev2`` was read from (README) may
hold. Each sentence's root verb, the verb a reporting verb at the root governs
("X said Y would ...") and their verb conjuncts are kept when their subject (an
infinitive or conjunct takes its head's) is a political actor: an actor the actors
component resolves to a country, government, armed group, international or other
organisation, or a person with a country, role or affiliation; or a head noun naming
one ("police", "protesters", "officials", the cue sections for people, states, leaders
and groups of ``event_cues.txt``). Verbs at which a typed pattern already matches are
skipped. Counts lemmas and lemma + particle / direct object / preposition (+ its
object), most frequent first. ``--patterns`` replaces the bundled patterns (to count
against an earlier lexicon: the committed list was made with the patterns of the
sixth round).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parent
BENCH = HERE.parents[1]
sys.path.insert(0, str(BENCH))
import events_dev_eval  # noqa: E402
import plover_eval  # noqa: E402

from newsprism.analysis.events import CUES_FILE, EventFileError, EventLexicon, cue_entries, read_patterns  # noqa: E402
from newsprism.analysis.pipeline import load_pipeline  # noqa: E402
from newsprism.config import DEFAULT_MODEL, Settings  # noqa: E402
from newsprism.kb import word_file_texts  # noqa: E402

DATA = events_dev_eval.SHARED_DATA
OUT = HERE / "mined_main_verbs.tsv"
SEED = 20261203
POOL_TOPICS = {"politics", "national_defense", "nuclear_weapons", "palestine", "us_military", "great_britain",
               "mexico", "trade", "cybersecurity", "fbi", "justice_department"}
POOL_ARTICLES = 400
ECB_MINED_TOPICS = range(1, 23)
ACTOR_KINDS = {"country", "government", "armed_group", "igo", "organization"}
CUE_NOUNS = ("people", "government", "leader", "country", "organisation", "voice", "foreign")
ACTOR_NOUNS = frozenset(
    "police official officer military army troop force soldier authority ministry minister lawmaker legislator "
    "senator congress senate parliament party court judge prosecutor coalition alliance state spokesman agency "
    "department governor mayor navy regime union opposition crowd council committee democrat republican".split())
REPORTING = frozenset({"say", "tell", "report", "announce", "claim", "add", "state"})


def referenced() -> set[str]:
    """Article ids (ECB+: "file:sentence") of the hand-coded real splits."""
    ids = set()
    for split in ("real_dev", "real_heldout"):
        for item in events_dev_eval.read_gold(events_dev_eval.ANNOTATIONS / f"{split}.jsonl"):
            corpus, rest = item["ref"].split(":", 1)
            ids.add(rest if corpus == "ecbplus" else rest.split(":")[0])
    return ids


def first_sentence_ok(nlp, text: str, words: range) -> bool:
    """Whether the article's lead (first sentence of its first paragraph of 10+ words) fits."""
    paragraph = next((p for p in re.findall(r"[^\n]+", text) if len(p.split()) >= 10), None)
    return paragraph is not None and len(next(iter(nlp(paragraph).sents)).text.split()) in words


def pool_articles(used: set[str]) -> set[str]:
    """The articles real_dev2 was read from (README, "real_dev2"): allsides pool A and giveme5w1h pool B."""
    allsides = [a for a in map(json.loads, open(DATA / "article-bias-allsides" / "media_test_articles.jsonl"))
                if a["topic"] in POOL_TOPICS and a["ID"] not in used]
    random.Random(SEED).shuffle(allsides)
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner", "lemmatizer"])
    leads = (a["ID"] for a in allsides if first_sentence_ok(nlp, a["content_original"], range(10, 51)))
    pool = set(islice(leads, POOL_ARTICLES))  # the first that fit, in shuffled order
    for path in (DATA / "giveme5w1h-gold" / "data").glob("*.json"):
        if path.stem not in used and first_sentence_ok(nlp, json.loads(path.read_text()).get("text") or "", range(8, 51)):
            pool.add(path.stem)
    return pool


def texts(skip: set[str]):
    for article in map(json.loads, open(DATA / "article-bias-allsides" / "media_test_articles.jsonl")):
        if article["ID"] not in skip:
            yield article["content_original"]
    for path in sorted((DATA / "giveme5w1h-gold" / "data").glob("*.json")):
        if path.stem not in skip:
            yield json.loads(path.read_text()).get("text") or ""
    files: dict[str, list[str]] = {}
    for row in csv.DictReader(open(DATA / "ecbplus" / "ECBplus_coreference_sentences.csv")):
        file = f"{row['Topic']}/{row['Topic']}_{row['File']}.xml"
        if int(row["Topic"]) in ECB_MINED_TOPICS and f"{file}:{row['Sentence Number']}" not in skip:
            files.setdefault(file, []).append(events_dev_eval._ecbplus_sentence(DATA, file, row["Sentence Number"]))
    yield from (" ".join(sentences) for sentences in files.values())


def lexicon_from(patterns: Path | None) -> EventLexicon:
    if patterns is None:
        return EventLexicon.load()
    lexicon = EventLexicon()
    for pattern in read_patterns(patterns):
        lexicon.add_pattern(pattern)
    for text, where in word_file_texts(CUES_FILE, (), EventFileError):
        for section, words in cue_entries(text, where):
            lexicon.add_cue(section, words)
    return lexicon


def subject_of(verb):
    found = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    found = found or [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if found:
        return found[0]
    return subject_of(verb.head) if verb.dep_ in ("xcomp", "conj") and verb.head is not verb else None


def main_verbs(sentence, lexicon: EventLexicon):
    root = sentence.root
    verbs = [root]
    if lexicon.is_cue(root, "speech") or root.lemma_ in REPORTING:
        verbs += [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return [v for v in verbs if v.pos_ == "VERB"]


def is_political(head, kinds_at: dict[int, str], nouns: frozenset[str]) -> bool:
    words = [head, *(c for c in head.children if c.dep_ in ("compound", "amod", "poss", "conj"))]
    return any(w.lemma_.lower() in nouns or kinds_at.get(w.i) in ACTOR_KINDS for w in words)


def actor_kinds(doc) -> dict[int, str]:
    """Token index -> kind of the actor a mention there names (persons count when placed)."""
    actors = {a.id: a for a in doc._.actors}
    kinds = {}
    for mention in doc._.actor_mentions:
        actor = actors.get(mention.actor_id)
        kind = actor.kind if actor else "other"
        if kind == "person" and (actor.country or actor.role or actor.affiliation):
            kind = "organization"
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        kinds.update({t.i: kind for t in span or ()})
    return kinds


def keys_of(verb) -> list[str]:
    lemma = verb.lemma_.lower()
    keys = []
    for child in verb.children:
        if child.dep_ in ("prt", "dobj"):
            keys.append(f"{lemma} {child.lemma_.lower()}")
        elif child.dep_ == "prep":
            objects = [g.lemma_.lower() for g in child.children if g.dep_ == "pobj"]
            keys.append(" ".join([lemma, child.lower_, *objects[:1]]))
    return keys


def mine(lexicon: EventLexicon) -> tuple[int, Counter, Counter]:
    nouns = ACTOR_NOUNS | {w for section in CUE_NOUNS for w in lexicon.cues.get(section, {})}
    nlp = load_pipeline(Settings(progress=False, components=("newsprism_actors",)))
    used = referenced()
    sentences, lemmas, phrases = 0, Counter(), Counter()
    for doc in nlp.pipe(texts(used | pool_articles(used)), batch_size=8):
        kinds = actor_kinds(doc)
        for sentence in doc.sents:
            sentences += 1
            for verb in main_verbs(sentence, lexicon):
                subject = subject_of(verb)
                if subject is None or not is_political(subject, kinds, nouns) or plover_eval.is_pattern_word(lexicon, verb):
                    continue
                lemmas[verb.lemma_.lower()] += 1
                phrases.update(keys_of(verb))
    return sentences, lemmas, phrases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patterns", type=Path, help="patterns file to use instead of the bundled one")
    parser.add_argument("--top", type=int, default=500)
    args = parser.parse_args()
    sentences, lemmas, phrases = mine(lexicon_from(args.patterns))
    lines = [f"# {sentences} sentences; {sum(lemmas.values())} main verbs with a political subject and no pattern",
             "kind\tword\tcount"]
    lines += [f"lemma\t{w}\t{n}" for w, n in lemmas.most_common(args.top)]
    lines += [f"phrase\t{w}\t{n}" for w, n in phrases.most_common(args.top)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(lines[0])


if __name__ == "__main__":
    main()
