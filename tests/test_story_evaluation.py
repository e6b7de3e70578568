"""B-cubed and ARI on small partitions worked out by hand."""

import math

import numpy as np
import pytest

from newsprism.story.evaluation import adjusted_rand_index, bcubed, ceiling_report, link_evidence, score_clustering

GOLD = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}


def test_hand_example():
    # Predicted {a, b, c} {d, e}. Per item precision: a, b 2/3; c 1/3; d, e 1 → 11/15.
    # Recall: a, b 1; c 1/3; d, e 2/3 → 11/15. Pairs together in both: ab, de = 2;
    # gold pairs 1 + 3 = 4, predicted pairs 3 + 1 = 4, of 10: expected 1.6, ARI 0.4 / 2.4.
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    scores = score_clustering(GOLD, predicted)
    assert scores.precision == pytest.approx(11 / 15) and scores.recall == pytest.approx(11 / 15)
    assert scores.f1 == pytest.approx(11 / 15)
    assert scores.ari == pytest.approx(1 / 6)
    assert (scores.gold_clusters, scores.predicted_clusters) == (2, 2)


def test_extremes():
    assert score_clustering(GOLD, {i: g for i, g in GOLD.items()}).f1 == 1.0
    assert adjusted_rand_index(GOLD, {i: "g" + str(g) for i, g in GOLD.items()}) == 1.0
    singletons = {i: i for i in GOLD}
    precision, recall = bcubed(GOLD, singletons)
    assert precision == 1.0 and recall == pytest.approx((1 / 2 * 2 + 1 / 3 * 3) / 5)
    lumped = {i: 0 for i in GOLD}
    precision, recall = bcubed(GOLD, lumped)
    assert recall == 1.0 and precision == pytest.approx((2 * 2 / 5 + 3 * 3 / 5) / 5)
    assert adjusted_rand_index(GOLD, lumped) == pytest.approx(0.0)


def test_items_must_match():
    with pytest.raises(ValueError):
        score_clustering(GOLD, {"a": 1})


def test_ceiling_report_counts_wrong_links_unreachable_classes_and_the_oracle():
    # a, b of class 1 linked (0.9); c, d of class 2 only weakly (0.5, under 0.6); a wrong
    # link b–c (0.7); e alone in class 3. Found: {a, b, c} {d} {e}.
    items = "abcde"
    pairs = {("a", "b"): 0.9, ("c", "d"): 0.5, ("b", "c"): 0.7, ("a", "e"): 0.2}
    scores = np.full((5, 5), -np.inf)
    for (x, y), value in pairs.items():
        scores[items.index(x), items.index(y)] = scores[items.index(y), items.index(x)] = value
    report = ceiling_report([1, 1, 2, 2, 3], scores, 0.6, ["x", "x", "x", "y", "z"])
    assert report.items_with_a_peer == 4
    assert (report.nearest_in_class, report.nearest_over_threshold_in_class) == (3, 2)  # c's nearest is b
    assert (report.items_isolated, report.items_wrongly_linked) == (2, 2)
    assert (report.classes_with_peers, report.classes_unreachable) == (2, 1)
    assert (report.classes_split, report.classes_split_though_linked) == (1, 0)
    assert (report.mixed_clusters, report.mixed_by_one_wrong_link, report.mixed_by_more) == (1, 1, 0)
    assert report.oracle.precision == 1.0 and report.oracle.recall == pytest.approx(4 / 5)
    assert report.single_link.predicted_clusters == 3 and report.single_link.precision < 1.0


def test_link_evidence_counts_a_cue_on_the_right_and_wrong_links_inside_predicted_clusters():
    # Found {a, b, c} {d, e}: links ab (right), ac, bc (wrong), de (right); the pair c–e
    # is in no cluster, so no cue on it counts.
    gold, found = [1, 1, 2, 2, 2], ["x", "x", "x", "y", "y"]
    figures = [{3}, {3}, {4}, {5}, {5}]
    cues = {"figures differ": lambda i, j: not figures[i] & figures[j], "always": lambda i, j: True}
    differ, always = link_evidence(gold, found, cues)
    assert (differ.right_links, differ.wrong_links, differ.on_right, differ.on_wrong) == (2, 2, 0, 2)
    assert differ.ratio == math.inf
    assert (always.on_right, always.on_wrong, always.ratio) == (2, 2, 1.0)
    assert link_evidence(gold, ["x", "y", "z", "u", "v"], cues)[0].ratio == 1.0  # no links at all
