"""Story assignment on hand-made vectors and actors: joining, splitting, dates, indexes."""

from datetime import date

import numpy as np
import pytest

from newsprism.records import Actor, Mention
from newsprism.story.embeddings import DIMENSIONS
from newsprism.story.evaluation import score_clustering
from newsprism.story.stories import (
    StoryArticle, StoryIndex, StoryParams, StoryState, article_vector, happening_weekday, publication_day, salient_actors,
    salient_terms,
)


def unit(*parts: tuple[int, float]) -> np.ndarray:
    """A unit vector with weight on the given axes."""
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    for axis, weight in parts:
        vector[axis] = weight
    return vector / np.linalg.norm(vector)


def article(article_id: str, vector, day=date(2024, 3, 1), actors=(), title=None, weekday=None) -> StoryArticle:
    weights = {a: 1 / len(actors) ** 0.5 for a in actors}
    return StoryArticle(article_id, title or f"title {article_id}", day, vector, weights, weekday=weekday)


def test_similar_articles_join_and_a_different_happening_opens_a_story():
    crash = unit((0, 1.0), (1, 0.3))
    other_crash = unit((0, 0.55), (2, 1.0))  # same kind of event (shared axis 0), different happening
    articles = [
        article("a1", crash, actors=["croydon"]),
        article("a2", unit((0, 1.0), (1, 0.35), (3, 0.1)), actors=["croydon"]),
        article("b1", other_crash, actors=["lisbon"]),
        article("b2", unit((0, 0.5), (2, 1.0), (4, 0.1)), actors=["lisbon"]),
    ]
    story_of = StoryIndex().assign(articles)
    assert story_of["a1"] == story_of["a2"] != story_of["b1"] == story_of["b2"]


def test_a_wrong_or_missing_date_does_not_split_a_story():
    vector = unit((5, 1.0), (6, 0.4))
    articles = [
        article("x1", vector, date(2014, 6, 14), ["iran", "iraq"]),
        article("x2", unit((5, 1.0), (6, 0.5)), date(2014, 6, 15), ["iran", "iraq"]),
        article("x3", unit((5, 1.0), (6, 0.3), (7, 0.2)), date(2020, 1, 14), ["iran"]),  # a "today" header
        article("x4", unit((5, 1.0), (6, 0.45)), None, ["iraq"]),
    ]
    story_of = StoryIndex().assign(articles)
    assert len(set(story_of.values())) == 1


def test_a_gap_of_days_costs_up_to_the_cap_and_a_gap_of_years_less_since_the_date_may_be_wrong():
    params = StoryParams()
    index = StoryIndex(params)
    index.assign([article("s1", unit((8, 1.0)), date(2024, 1, 10))])
    story = next(iter(index.stories.values()))
    similarity = lambda day: index.similarity(article("a", unit((8, 1.0)), day), story)  # noqa: E731
    undated = similarity(None)
    assert similarity(date(2024, 1, 11)) == undated  # reporting lag
    assert undated > similarity(date(2024, 1, 12)) > similarity(date(2024, 1, 13))  # the next days' developments
    assert similarity(date(2024, 1, 13)) == pytest.approx(undated - params.time_penalty)
    assert similarity(date(2024, 3, 1)) == pytest.approx(undated - params.time_penalty)  # no more than the cap
    assert similarity(date(2030, 1, 1)) == pytest.approx(undated - params.far_penalty)  # a wrong "today" date?
    assert params.far_penalty < params.time_penalty


def test_a_development_three_days_on_told_in_much_the_same_words_is_a_story_of_its_own():
    # Cosine about 0.85 across the two days, 0.99 within a day: this week's jobless claims after last week's.
    monday = [article(f"mon{i}", unit((12, 1.0), (13, 0.42), (20 + i, 0.1)), date(2024, 3, 4), ["labor-dept"])
              for i in range(2)]
    thursday = [article(f"thu{i}", unit((12, 1.0), (15, 0.42), (30 + i, 0.1)), date(2024, 3, 7), ["labor-dept"])
                for i in range(2)]
    story_of = StoryIndex().assign(monday + thursday)
    assert story_of["mon0"] == story_of["mon1"] != story_of["thu0"] == story_of["thu1"]
    undated = [article(a.id, a.vector, None, ["labor-dept"]) for a in monday + thursday]
    assert len(set(StoryIndex().assign(undated).values())) == 1  # without dates the words alone cannot tell them apart


def test_undated_developments_naming_different_weekdays_are_stories_of_their_own():
    # Undated, cosine about 0.64 across the two days: only the weekday each lead names tells them apart.
    monday = [article(f"mon{i}", unit((12, 1.0), (13, 0.75), (20 + i, 0.1)), None, ["labor-dept"], weekday=0)
              for i in range(2)]
    thursday = [article(f"thu{i}", unit((12, 1.0), (15, 0.75), (30 + i, 0.1)), None, ["labor-dept"], weekday=3)
                for i in range(2)]
    story_of = StoryIndex().assign(monday + thursday)
    assert story_of["mon0"] == story_of["mon1"] != story_of["thu0"] == story_of["thu1"]
    silent = [article(a.id, a.vector, None, ["labor-dept"]) for a in monday + thursday]  # name no weekday
    assert len(set(StoryIndex().assign(silent).values())) == 1


def test_a_weekday_conflict_costs_nothing_for_the_same_day_half_for_the_next_and_all_beyond():
    params = StoryParams()
    index = StoryIndex(params)
    index.assign([article(f"s{i}", unit((9, 1.0)), None, weekday=6) for i in range(2)])  # two Sunday reports
    story = next(iter(index.stories.values()))
    assert story.weekdays == [0, 0, 0, 0, 0, 0, 2]
    similarity = lambda weekday: index.similarity(article("a", unit((9, 1.0)), None, weekday=weekday), story)  # noqa: E731
    assert similarity(6) == similarity(None)
    assert similarity(0) == pytest.approx(similarity(None) - params.weekday_weight * params.next_weekday_conflict)
    assert similarity(5) == similarity(0)  # Saturday is as near as Monday: the week wraps
    assert similarity(2) == pytest.approx(similarity(None) - params.weekday_weight)


def test_happening_weekday_is_the_first_weekday_the_lead_names_else_the_headline_s():
    assert happening_weekday("Court rules", "The Supreme Court on Monday ruled, and on Friday ...") == 0
    assert happening_weekday("Senate votes Wednesday", "The Senate voted to pass the bill.") == 2
    assert happening_weekday("Court rules", "The court ruled. " * 40 + "On Tuesday it met.") is None  # beyond the lead
    assert happening_weekday(None, "A sunday school opened.") is None  # a weekday name is capitalised
    assert happening_weekday(None, "") is None


def test_same_input_order_gives_the_same_stories_and_ids():
    rng = np.random.default_rng(3)
    centres = [unit((i, 1.0)) for i in range(10, 15)]
    articles = []
    for n in range(40):
        noisy = centres[n % 5] + rng.normal(0, 0.02, DIMENSIONS).astype(np.float32)
        articles.append(article(f"r{n:02d}", noisy / np.linalg.norm(noisy), date(2024, 5, 1 + n % 3)))
    first = StoryIndex().assign(articles)
    second = StoryIndex().assign(list(reversed(articles)))  # one batch is sorted by date, then id
    assert first == second
    gold = {f"r{n:02d}": n % 5 for n in range(40)}
    assert score_clustering(gold, first).f1 == 1.0


def test_an_article_without_words_opens_its_own_story_and_breaks_nothing():
    empty = StoryArticle("e", None, None, np.zeros(DIMENSIONS, dtype=np.float32), {})
    story_of = StoryIndex().assign([article("g1", unit((20, 1.0))), empty, article("g2", unit((20, 1.0)))])
    assert story_of["g1"] == story_of["g2"] != story_of["e"]


def test_candidates_come_from_the_indexes_not_from_every_story():
    index = StoryIndex()
    index.assign([article(f"far{i}", unit((30 + i, 1.0)), date(2020, 1, 1), [f"actor{i}"]) for i in range(20)])
    probe = article("p", unit((31, 1.0)), date(2024, 1, 1), ["actor1"])
    candidates = index.candidates(probe)
    assert "story-far1" in candidates
    assert len(candidates) < 20


def test_posting_lists_keep_only_the_most_recently_active_stories():
    index = StoryIndex(StoryParams(posting_cap=3))
    index.assign([article(f"c{i}", unit((40 + i, 1.0)), None, ["everyone"]) for i in range(6)])
    probe = article("p", unit((100, 1.0)), None, ["everyone"])
    assert index.candidates(probe) == {"story-c3", "story-c4", "story-c5"}


def test_title_is_the_most_central_articles():
    index = StoryIndex()
    index.assign([
        article("t1", unit((50, 1.0), (51, 0.5)), title="Edge"),
        article("t2", unit((50, 1.0), (51, 0.1)), title="Centre"),
        article("t3", unit((50, 1.0), (52, 0.45)), title="Other edge"),
    ])
    [story] = index.stories.values()
    assert story.article_ids == ["t1", "t2", "t3"] and story.title == "Centre"


def test_salient_actors_weigh_the_lead_and_leave_out_media():
    actors = {"iran": Actor("iran", "Iran", "country"), "reuters": Actor("reuters", "Reuters", "media"),
              "iraq": Actor("iraq", "Iraq", "country")}
    mentions = [Mention("a", "iran", "Iran", 10, 14, "GPE"), Mention("a", "reuters", "Reuters", 20, 27, "ORG"),
                Mention("a", "iraq", "Iraq", 2000, 2004, "GPE"), Mention("a", "iraq", "Iraq", 2100, 2104, "GPE")]
    weights = salient_actors(mentions, actors, limit=5)
    assert set(weights) == {"iran", "iraq"}
    assert abs(sum(w * w for w in weights.values()) - 1) < 1e-9
    assert weights["iran"] == weights["iraq"]  # one lead mention counts as much as two later ones


def test_publication_day_reads_iso_dates_and_tolerates_junk():
    assert publication_day("2014-06-14T17:00:00+01:00") == date(2014, 6, 14)
    assert publication_day(None) is None and publication_day("June 2014") is None


def test_restored_stories_keep_their_recency_in_the_capped_indexes():
    params = StoryParams(posting_cap=2)
    one_run = StoryIndex(params)
    first = [article(f"h{i}", unit((60 + i, 1.0)), None, ["everyone"]) for i in range(4)]
    one_run.assign(first)
    # Restore the stories in the order a store returns them (by id), as a new run would.
    restored = StoryIndex(params, stories=sorted(one_run.stories.values(), key=lambda s: s.id, reverse=True))
    probe = article("p", unit((100, 1.0)), None, ["everyone"])
    assert restored.candidates(probe) == one_run.candidates(probe) == {"story-h2", "story-h3"}


def test_article_vector_is_the_unit_mean_with_the_headline_weighted_up():
    headline, first, second = unit((70, 1.0)), unit((71, 1.0)), unit((72, 1.0))
    vector = article_vector(np.stack([headline, first, second]), [True, False, False], headline_weight=2.0)
    assert abs(float(np.linalg.norm(vector)) - 1) < 1e-6
    assert vector[70] == 2 * vector[71] and vector[71] == vector[72] > 0
    assert not article_vector(np.zeros((0, DIMENSIONS), np.float32), [], 2.0).any()


def test_a_loose_story_takes_an_article_less_readily_than_a_tight_one_with_the_same_centroid():
    index = StoryIndex(StoryParams(time_penalty=0.0))
    index.assign([article("tight1", unit((80, 1.0), (81, 0.1))), article("tight2", unit((80, 1.0), (81, -0.1)))])
    loose = StoryIndex(StoryParams(time_penalty=0.0))
    loose.assign([article("loose1", unit((80, 1.0), (82, 0.4))), article("loose2", unit((80, 1.0), (82, -0.4)))])
    probe = article("p", unit((80, 1.0)))
    [tight_story], [loose_story] = index.stories.values(), loose.stories.values()
    assert abs(float(probe.vector @ tight_story.centroid) - float(probe.vector @ loose_story.centroid)) < 1e-6
    assert index.similarity(probe, tight_story) > loose.similarity(probe, loose_story)


def test_an_article_that_joined_too_early_moves_to_the_story_it_sits_closer_to():
    articles = [
        article("a1", unit((90, 1.0)), date(2024, 6, 1)),
        article("x", unit((90, 0.74), (91, 0.67)), date(2024, 6, 2)),  # joins a1 before its own story opens
        article("b1", unit((90, 0.3), (91, 1.0)), date(2024, 6, 3)),
        article("b2", unit((90, 0.32), (91, 1.0)), date(2024, 6, 3)),
    ]
    single_pass = StoryIndex(StoryParams(rehome_sweeps=0, merge_threshold=None)).assign(articles)
    refined = StoryIndex().assign(articles)
    assert single_pass["x"] == single_pass["a1"] != single_pass["b1"]
    assert refined["x"] == refined["b1"] == refined["b2"] != refined["a1"]


def stored_story(story_id: str, vectors: list[np.ndarray], actors: dict[str, float], activity: int) -> StoryState:
    return StoryState(story_id, np.sum(vectors, axis=0), dict(actors), [f"{story_id}-{i}" for i in range(len(vectors))],
                      activity=activity)


def test_a_touched_story_merges_with_a_story_that_has_grown_alike_and_says_so():
    members = lambda n: [unit((95, 1.0), (96, 0.05 * i)) for i in range(n)]  # noqa: E731
    older = stored_story("story-old", members(3), {"kyiv": 1.0}, activity=1)
    twin = stored_story("story-twin", members(2), {"kyiv": 1.0}, activity=2)
    elsewhere = stored_story("story-elsewhere", [unit((97, 1.0))], {"kyiv": 1.0}, activity=3)
    index = StoryIndex(stories=[older, twin, elsewhere], load_members=lambda story_id: {})
    story_of = index.assign([article("new", unit((95, 1.0), (96, 0.02)), None, ["kyiv"])])
    assert index.merged == {"story-twin": "story-old"}  # the smaller story goes into the bigger one
    assert story_of == {"new": "story-old"}
    assert set(index.stories) == {"story-old", "story-elsewhere"}
    merged = index.stories["story-old"]
    assert len(merged.article_ids) == 6 and np.allclose(merged.vector_sum, sum(members(3)) + sum(members(2)) + unit((95, 1.0), (96, 0.02)))
    without_merging = StoryIndex(StoryParams(merge_threshold=None), stories=[
        stored_story("story-old", members(3), {"kyiv": 1.0}, 1), stored_story("story-twin", members(2), {"kyiv": 1.0}, 2)])
    without_merging.assign([article("new", unit((95, 1.0), (96, 0.02)), None, ["kyiv"])])
    assert without_merging.merged == {} and len(without_merging.stories) == 2


def test_salient_terms_are_the_capitalised_words_and_figures_of_headline_and_lead():
    terms = salient_terms("Migrants gather under Del Rio bridge", "About 10,000 migrants were under the bridge in "
                          "Del Rio, Texas, on Friday. " + "Later text. " * 100 + "Laredo", limit=12)
    assert {"del", "rio", "10,000", "texas", "friday", "migrants", "about"} <= set(terms)
    assert "laredo" not in terms  # beyond the lead
    assert terms["rio"] > terms["texas"]  # the headline counts twice
    assert abs(sum(w * w for w in terms.values()) - 1) < 1e-9
    assert salient_terms(None, "", 12) == {}


def test_a_shared_rare_term_counts_and_a_term_every_story_has_does_not():
    params = StoryParams(time_penalty=0.0)
    index = StoryIndex(params)
    index.assign([StoryArticle(f"s{i}", None, None, unit((110 + i, 1.0)), {}, {"the": 1.0, f"rare{i}": 1.0})
                  for i in range(4)])
    story = index.stories["story-s0"]
    probe_vector = unit((110, 0.5), (120, 1.0))
    plain = index.similarity(StoryArticle("p", None, None, probe_vector, {}, {}), story)
    common = index.similarity(StoryArticle("p", None, None, probe_vector, {}, {"the": 1.0}), story)
    rare = index.similarity(StoryArticle("p", None, None, probe_vector, {}, {"rare0": 1.0}), story)
    assert common == plain < rare
