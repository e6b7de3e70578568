"""B-cubed and ARI on small partitions worked out by hand."""

import pytest

from newsprism.story.evaluation import adjusted_rand_index, bcubed, score_clustering

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
