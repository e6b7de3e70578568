"""Quotes of the same statement across articles share a `group_id`.

Two quotes carry the same statement when they come from the same speaker (the same
actor id; or, for quotes without one, when their words are nearly the same) and
their content words overlap: at least half of the shorter quote's content words
(crudely stemmed, so "aggression" meets "aggressive") occur in the other, and they
share a run of two content words. That catches the same words cut differently and
most re-translations ("take action against terrorist groups"), while different
statements of one speaker on the same subject stay apart.

Candidates come from an index of content-word bigrams, so a quote is compared only
with the quotes it shares a bigram with (a quote too short to have two looks among
the quotes of its speaker): near-linear, and incremental — new quotes join the
groups of quotes already stored.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from newsprism.records import Quote

MIN_CONTAINMENT = 0.5
MIN_CONTENT_WORDS = 3
UNSPOKEN_MIN_CONTAINMENT = 0.8  # quotes without a speaker actor must be nearly the same words
UNSPOKEN_MIN_WORDS = 6
_SUFFIXES = ("ations", "ation", "ions", "ion", "ives", "ive", "ings", "ing", "edly", "ed", "es", "ly", "s")
_WORD = re.compile(r"[\w']+")


def content_words(text: str) -> list[str]:
    words = (w.strip("'").casefold() for w in _WORD.findall(text))
    return [stem(w) for w in words if w and w not in STOP_WORDS and not w.isdigit()]


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def bigrams(words: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 2]) for i in range(len(words) - 1)}


def same_statement(a: Quote, b: Quote) -> bool:
    if a.speaker_id and a.speaker_id == b.speaker_id and _one_inside_other(a.text, b.text):
        return True
    words_a, words_b = content_words(a.text), content_words(b.text)
    if min(len(words_a), len(words_b)) < MIN_CONTENT_WORDS or not bigrams(words_a) & bigrams(words_b):
        return False
    set_a, set_b = set(words_a), set(words_b)
    containment = len(set_a & set_b) / min(len(set_a), len(set_b))
    if a.speaker_id and a.speaker_id == b.speaker_id:
        return containment >= MIN_CONTAINMENT
    if a.speaker_id is None and b.speaker_id is None or a.anonymous or b.anonymous:
        return min(len(set_a), len(set_b)) >= UNSPOKEN_MIN_WORDS and containment >= UNSPOKEN_MIN_CONTAINMENT
    return False


def _one_inside_other(a: str, b: str) -> bool:
    """The shorter quote's words appear, in order, inside the longer one (short cuts
    of a statement have too few content words for the overlap test)."""
    short, long = sorted((" ".join(_WORD.findall(t.casefold())) for t in (a, b)), key=len)
    return len(short.split()) >= 4 and f" {short} " in f" {long} "


class _Groups:
    """Union-find over quote ids; the group id is the smallest quote id in the group."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, quote_id: str) -> str:
        self.parent.setdefault(quote_id, quote_id)
        root = quote_id
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[quote_id] != root:
            self.parent[quote_id], quote_id = root, self.parent[quote_id]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def statement_keys(quote: Quote) -> list[int]:
    """The keys a quote is indexed by: its content-word bigrams, and its speaker."""
    keys = {hash_key(" ".join(t)) for t in bigrams(content_words(quote.text))}
    if quote.speaker_id:
        keys.add(hash_key("speaker:" + quote.speaker_id))
    return sorted(keys)


def lookup_keys(quote: Quote) -> list[int]:
    """The keys to find a quote's candidates by: its bigrams; a quote too short to
    have two of them looks among all quotes of its speaker."""
    pairs = bigrams(content_words(quote.text))
    keys = {hash_key(" ".join(t)) for t in pairs}
    if len(pairs) < 2 and quote.speaker_id:
        keys.add(hash_key("speaker:" + quote.speaker_id))
    return sorted(keys)


def hash_key(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


def group_quotes(new: Sequence[Quote], stored: Iterable[Quote] = ()) -> tuple[dict[str, str], dict[str, str]]:
    """Group the new quotes with each other and with stored quotes (the candidates that
    share a bigram with them). Returns the new quotes' group ids, and {old group id:
    new group id} for stored groups that a new quote joined to another group."""
    groups = _Groups()
    stored = list(stored)
    for quote in stored:
        groups.union(quote.id, quote.group_id or quote.id)
    index: dict[int, list[Quote]] = defaultdict(list)
    for quote in stored:
        for key in statement_keys(quote):
            index[key].append(quote)
    for quote in new:
        groups.find(quote.id)
        candidates = {c.id: c for key in lookup_keys(quote) for c in index.get(key, ())}
        for other in candidates.values():
            if same_statement(quote, other):
                groups.union(quote.id, other.id)
        for key in statement_keys(quote):
            index[key].append(quote)
    group_of_new = {q.id: groups.find(q.id) for q in new}
    regrouped = {
        q.group_id or q.id: groups.find(q.id) for q in stored if groups.find(q.id) != (q.group_id or q.id)
    }
    return group_of_new, regrouped
