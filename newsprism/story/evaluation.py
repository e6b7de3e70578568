"""Clustering agreement measures for story grouping: B-cubed and the adjusted Rand index.

B-cubed (Bagga & Baldwin 1998, "Entity-based cross-document coreferencing using the
vector space model"; argued for by Amigó, Gonzalo, Artiles & Verdejo 2009): for each
item, precision is the share of its predicted cluster that shares its gold class, and
recall the share of its gold class that shares its predicted cluster; both are averaged
over items and F1 is their harmonic mean.

Adjusted Rand index (Hubert & Arabie 1985, "Comparing partitions"): the Rand index
corrected for the agreement expected by chance, from the contingency table of the two
partitions; 1 for identical partitions, about 0 for random ones.

A ceiling analysis (`ceiling_report`) says where a pairwise score fails against gold
classes: links over the threshold between classes (what precision loses), classes with
no link over it (what no clustering of that score can join), and the B-cubed scores of
single link over the links, with and without the wrong ones (Manning, Raghavan &
Schütze 2008, ch. 17, on single link as the connected components of a threshold graph).

A link-evidence count (`link_evidence`) says whether a yes/no cue about two items could
raise precision: how often it holds on the wrong links inside the predicted clusters
(pairs of two gold classes) against the right ones, the population a conflict term acts
on — a likelihood ratio, as Fellegi & Sunter (1969, "A theory for record linkage") weigh
the agreement of a field between two records.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from itertools import combinations
from dataclasses import dataclass

import numpy as np


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


@dataclass(slots=True)
class CeilingReport:
    """Where a pairwise score fails on items with gold classes and a predicted partition."""

    items: int
    items_with_a_peer: int  # items whose gold class has another member
    nearest_in_class: int  # items with a peer whose highest-scoring other item is of their class
    nearest_over_threshold_in_class: int  # ... and scores over the threshold with it
    items_isolated: int  # items with a peer but no link over the threshold to any
    items_wrongly_linked: int  # items with a link over the threshold to another class
    classes_with_peers: int
    classes_unreachable: int  # classes of two or more with no link over the threshold inside
    classes_split: int  # classes the predicted partition splits
    classes_split_though_linked: int  # ... though a link over the threshold spans two of the parts
    mixed_clusters: int  # predicted clusters holding two classes or more
    mixed_by_no_wrong_link: int  # ... with no cross-class link over the threshold inside
    mixed_by_one_wrong_link: int
    mixed_by_more: int
    oracle: ClusterScores  # single link over the links within classes only: full precision
    single_link: ClusterScores  # single link over every link over the threshold


def ceiling_report(gold: Sequence[Hashable], scores: np.ndarray, threshold: float,
                   predicted: Sequence[Hashable]) -> CeilingReport:
    """The ceiling analysis of `scores` (items × items, higher is closer, -inf for pairs
    never scored, the diagonal included) against the gold and predicted labels, in the
    items' order."""
    labels = np.array(gold, dtype=object)
    found = np.array(predicted, dtype=object)
    same = labels[:, None] == labels[None, :]
    np.fill_diagonal(same, False)
    over = scores >= threshold
    over = over | over.T
    np.fill_diagonal(over, False)
    rows = np.arange(len(labels))
    nearest = np.argmax(np.where(np.eye(len(labels), dtype=bool), -np.inf, scores), axis=1)
    has_peer = same.any(axis=1)
    nearest_right = same[rows, nearest] & has_peer
    classes = sorted({g for g, peer in zip(gold, has_peer) if peer}, key=str)
    linked_inside = over & same
    split = [g for g in classes if len(set(found[labels == g])) > 1]
    mixed_links = [int((over & ~same)[np.ix_(members, members)].sum() // 2)
                   for members in (np.flatnonzero(found == c) for c in dict.fromkeys(predicted))
                   if len(set(labels[members])) > 1]
    ids = [str(k) for k in rows]
    gold_of = dict(zip(ids, gold))
    return CeilingReport(
        items=len(labels), items_with_a_peer=int(has_peer.sum()), nearest_in_class=int(nearest_right.sum()),
        nearest_over_threshold_in_class=int((nearest_right & over[rows, nearest]).sum()),
        items_isolated=int((has_peer & ~linked_inside.any(axis=1)).sum()),
        items_wrongly_linked=int((over & ~same).any(axis=1).sum()),
        classes_with_peers=len(classes),
        classes_unreachable=sum(1 for g in classes if not linked_inside[np.ix_(labels == g, labels == g)].any()),
        classes_split=len(split),
        classes_split_though_linked=sum(1 for g in split if _spans_parts(found[labels == g],
                                                                        linked_inside[np.ix_(labels == g, labels == g)])),
        mixed_clusters=len(mixed_links), mixed_by_no_wrong_link=sum(1 for n in mixed_links if n == 0),
        mixed_by_one_wrong_link=sum(1 for n in mixed_links if n == 1),
        mixed_by_more=sum(1 for n in mixed_links if n > 1),
        oracle=score_clustering(gold_of, _components(ids, linked_inside)),
        single_link=score_clustering(gold_of, _components(ids, over)),
    )


def _spans_parts(found: np.ndarray, linked: np.ndarray) -> bool:
    """Whether a link joins two different predicted clusters."""
    i, j = np.nonzero(linked)
    return bool((found[i] != found[j]).any())


def _components(ids: list[str], linked: np.ndarray) -> dict[str, int]:
    """The connected components of a link graph (single link)."""
    parent = list(range(len(ids)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, j in zip(*np.nonzero(linked)):
        parent[root(int(i))] = root(int(j))
    return {item: root(k) for k, item in enumerate(ids)}


@dataclass(slots=True)
class LinkEvidence:
    """How often a yes/no cue about two items holds on the right and the wrong links of a
    predicted partition (pairs of items it puts together, of one gold class or of two)."""

    cue: str
    right_links: int
    wrong_links: int
    on_right: int
    on_wrong: int

    @property
    def ratio(self) -> float:
        """The share of wrong links it holds on over the share of right links: above 1 a
        conflict term on it cuts more wrong links than right ones (inf: no right one)."""
        wrong = self.on_wrong / self.wrong_links if self.wrong_links else 0.0
        right = self.on_right / self.right_links if self.right_links else 0.0
        return wrong / right if right else (math.inf if wrong else 1.0)


def link_evidence(gold: Sequence[Hashable], predicted: Sequence[Hashable],
                  cues: Mapping[str, Callable[[int, int], bool]]) -> list[LinkEvidence]:
    """For each cue (a test of two item positions), how often it holds on the right and
    the wrong links of the predicted partition, in the items' order."""
    members: dict[Hashable, list[int]] = {}
    for position, cluster in enumerate(predicted):
        members.setdefault(cluster, []).append(position)
    links = [(i, j, gold[i] == gold[j]) for group in members.values() for i, j in combinations(group, 2)]
    right = sum(1 for *_, same in links if same)
    evidence = []
    for name, cue in cues.items():
        held = [same for i, j, same in links if cue(i, j)]
        evidence.append(LinkEvidence(name, right, len(links) - right, sum(held), len(held) - sum(held)))
    return evidence
