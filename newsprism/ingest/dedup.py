"""Exact and near-duplicate detection for articles.

Near duplicates (syndicated copies with a new intro, a trimmed paragraph, a few
words changed) are found with MinHash over word 4-shingles (Broder, "On the
resemblance and containment of documents", 1997) and banded locality-sensitive
hashing (Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3), so a
new article is compared only with the few stored articles that share a band bucket:
no all-pairs comparison.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 4
NEAR_DUPLICATE_JACCARD = 0.6

_rng = np.random.default_rng(20140614)
# Multiply-shift hashing (Dietzfelbinger et al. 1997): odd multipliers, fixed seed so
# signatures stay comparable across runs and machines.
_MULT = _rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
_ADD = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Fingerprint:
    exact_hash: str
    minhash: np.ndarray  # uint32[NUM_PERM]

    def bands(self) -> list[tuple[int, int]]:
        return band_keys(self.minhash)


def normalised_words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def fingerprint(text: str) -> Fingerprint:
    words = normalised_words(text)
    exact = hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]
    return Fingerprint(exact, minhash(words))


def minhash(words: list[str]) -> np.ndarray:
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    digests = b"".join(hashlib.blake2b(s.encode(), digest_size=8).digest() for s in shingles)
    values = np.frombuffer(digests, dtype=np.uint64)
    with np.errstate(over="ignore"):
        hashed = (values[None, :] * _MULT[:, None] + _ADD[:, None]) >> np.uint64(32)
    return hashed.min(axis=1).astype(np.uint32)


def band_keys(signature: np.ndarray) -> list[tuple[int, int]]:
    rows = signature.reshape(BANDS, ROWS)
    return [
        (band, int.from_bytes(hashlib.blake2b(row.tobytes(), digest_size=8).digest(), "little"))
        for band, row in enumerate(rows)
    ]


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


class DuplicateIndex:
    """Finds, for each new article, the earlier article it duplicates.

    Holds signatures in memory: those of the current run, and those of stored
    articles that the caller loads with `add` before checking a batch (the store
    hands back only the few that share a band bucket with the batch).
    """

    def __init__(self) -> None:
        self._exact: dict[str, str] = {}
        self._buckets: dict[tuple[int, int], list[str]] = {}
        self._signatures: dict[str, np.ndarray] = {}

    def duplicate_of(self, fp: Fingerprint) -> str | None:
        if fp.exact_hash in self._exact:
            return self._exact[fp.exact_hash]
        best_id, best = None, NEAR_DUPLICATE_JACCARD
        for article_id in sorted({aid for key in fp.bands() for aid in self._buckets.get(key, ())}):
            score = estimated_jaccard(fp.minhash, self._signatures[article_id])
            if score >= best:
                best_id, best = article_id, score
        return best_id

    def add(self, article_id: str, fp: Fingerprint) -> None:
        if article_id in self._signatures:
            return
        self._exact.setdefault(fp.exact_hash, article_id)
        self._signatures[article_id] = fp.minhash
        for key in fp.bands():
            self._buckets.setdefault(key, []).append(article_id)
