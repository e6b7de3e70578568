"""Clustering agreement measures for story grouping: B-cubed and the adjusted Rand index.

B-cubed (Bagga & Baldwin 1998, "Entity-based cross-document coreferencing using the
vector space model"; argued for by Amigó, Gonzalo, Artiles & Verdejo 2009): for each
item, precision is the share of its predicted cluster that shares its gold class, and
recall the share of its gold class that shares its predicted cluster; both are averaged
over items and F1 is their harmonic mean.

Adjusted Rand index (Hubert & Arabie 1985, "Comparing partitions"): the Rand index
corrected for the agreement expected by chance, from the contingency table of the two
partitions; 1 for identical partitions, about 0 for random ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(slots=True)
class ClusterScores:
    items: int
    gold_clusters: int
    predicted_clusters: int
    precision: float  # B-cubed
    recall: float  # B-cubed
    f1: float  # B-cubed
    ari: float


def score_clustering(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> ClusterScores:
    """Compare two labelings of the same items ({item: cluster label})."""
    if set(gold) != set(predicted):
        raise ValueError("gold and predicted must label the same items")
    precision, recall = bcubed(gold, predicted)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClusterScores(
        items=len(gold), gold_clusters=len(set(gold.values())), predicted_clusters=len(set(predicted.values())),
        precision=precision, recall=recall, f1=f1, ari=adjusted_rand_index(gold, predicted),
    )


def bcubed(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> tuple[float, float]:
    if not gold:
        return 1.0, 1.0
    both = Counter((gold[item], predicted[item]) for item in gold)
    gold_sizes = Counter(gold.values())
    predicted_sizes = Counter(predicted.values())
    # Every item in the cell (g, p) has the same per-item precision and recall.
    precision = sum(n * n / predicted_sizes[p] for (g, p), n in both.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (g, p), n in both.items()) / len(gold)
    return precision, recall


def adjusted_rand_index(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> float:
    pairs = lambda n: n * (n - 1) / 2  # noqa: E731
    together = sum(pairs(n) for n in Counter((gold[i], predicted[i]) for i in gold).values())
    gold_pairs = sum(pairs(n) for n in Counter(gold.values()).values())
    predicted_pairs = sum(pairs(n) for n in Counter(predicted.values()).values())
    expected = gold_pairs * predicted_pairs / pairs(len(gold)) if len(gold) > 1 else 0.0
    best = (gold_pairs + predicted_pairs) / 2
    if best == expected:
        return 1.0
    return (together - expected) / (best - expected)
