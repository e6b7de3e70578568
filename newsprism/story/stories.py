"""Articles about the same real-world happening are grouped into one story.

Incremental single-pass clustering, as in Topic Detection and Tracking (Allan,
Carbonell, Doddington, Yamron & Yang 1998, "Topic Detection and Tracking Pilot Study";
Yang, Pierce & Carbonell 1998, "A Study of Retrospective and On-line Event Detection"):
articles arrive in order, each is compared with the stories so far and joins the most
similar one when the similarity clears a threshold, else it opens a new story.

The similarity of an article to a story adds five signals:
- the text similarity: the article's vector (the mean of the sentence embeddings of
  its headline and its sentences, the very vectors the compare stage uses) against the
  story's centroid, blended with its mean cosine to the story's members (group-average
  link), which keeps a story that has grown loose from taking every article on its
  subject;
- the cosine between the article's salient actors and the story's actor profile
  (actor ids as newsprism resolved them, weighted by mentions, the lead counting more);
- the cosine between the article's salient terms (the longer words, names and figures
  of its headline and lead: places, names of bills and events, counts) and the
  story's, each weighted by its rarity among the stories, as TF-IDF does;
- minus a penalty for the days between the article's date and the story's median
  date, as Yang et al. decay similarity with time: none within a day or so of
  reporting lag, rising steeply over the next days (one subject's next development,
  this week's jobless claims after last week's, is told in the same words and told
  apart by its day), and back down to a small one beyond half a year. A date that far
  off is as likely wrong (a site's "today" header, a crawl date) as a different
  happening, so there the texts decide; the median stays put when one member carries
  a wrong date, and a missing date costs nothing;
- minus a penalty when the article's lead names another weekday for its happening
  than the story's members do ("the Supreme Court on Monday ruled"): most reports
  carry no date of their own in some collections, and one subject's developments on
  different days share every other word.

Single-pass clustering depends on arrival order: an article may join a story before the
story it belongs to has opened. So each batch is refined, touching only its articles
and their stories: a few k-means-like sweeps move an article to the candidate story it
now sits closer to (itself left out of its own), and a touched story merges with a
candidate story when their group-average similarity clears a higher threshold (the
merge step of average-link agglomerative clustering, Voorhees 1986). A merged-away
story's id is reported, so its stale claims can go.

Candidate stories come from three capped indexes, never from all stories: the stories
sharing a salient actor, the stories active within a window of days around the
article's date, and the stories holding an article whose random-hyperplane signature
(Charikar 2002) shares a band with the article's. Each posting list keeps only its most
recently active stories, so one assignment costs a bounded amount of work and a corpus
costs time linear in its size.
"""

from __future__ import annotations

import math
import re
from bisect import insort
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from newsprism.analysis.when import WEEKDAYS
from newsprism.records import Actor, Mention
from newsprism.story.embeddings import DIMENSIONS

UNSALIENT_KINDS = frozenset({"media"})  # an outlet naming itself or a wire says nothing about the story
LEAD_CHARS = 600
LEAD_BONUS = 2.0
LSH_SEED = 20140614


@dataclass(slots=True)
class StoryParams:
    """Thresholds and weights of story assignment.

    `threshold`, `average_link`, `actor_weight`, `term_weight`, `headline_weight`,
    `rehome_sweeps`, `merge_threshold`, the date penalties and the weekday conflict
    weights are near the best mean
    B-cubed F1 on the dev splits of bench/story_eval.py (neus even story ids, ECB+
    topics 1-22), in the middle of a plateau, among the settings that keep a story's
    broad coverage together (the seeds, with an opinion piece and a wrong date, and the
    bundled sample corpus's two stories). A lower merge threshold joins neighbouring
    days' stories on one subject.
    """

    threshold: float = 0.64
    average_link: float = 0.75  # share of the mean member cosine in the text similarity
    actor_weight: float = 0.05
    term_weight: float = 0.25  # weight of the shared rare headline-and-lead terms
    headline_weight: float = 2.0  # the headline counts as this many sentences in an article's vector
    time_penalty: float = 0.3  # the most a gap of days to months can take away
    time_grace_days: int = 1  # reporting lag: no penalty within it
    time_scale_days: float = 2.0  # days beyond the grace at which the full penalty applies
    far_days: int = 180  # beyond it a date is as likely wrong as the story different: ...
    far_penalty: float = 0.15  # ... only this is taken away, so a wrong date cannot split a story by itself
    max_actors: int = 6  # salient actors per article
    max_terms: int = 12  # salient terms per article
    posting_cap: int = 64  # stories kept per index key, most recently active first
    window_days: int = 3
    lsh_bands: int = 8
    lsh_bits: int = 10
    rehome_sweeps: int = 2  # passes moving a batch's articles to the story they now sit closest to
    merge_threshold: float | None = 0.80  # two stories this similar become one (None: never merge)
    weekday_weight: float = 0.1  # the most that naming different weekdays for the happening takes away
    next_weekday_conflict: float = 0.5  # share of it for neighbouring weekdays (Monday night, reported Tuesday)

    def signal_weights(self) -> np.ndarray:
        """The weights of `StoryIndex.signals`, in the order of `SIGNALS`: the score of
        an article for a story is their dot product."""
        return np.array([1.0, self.actor_weight, self.term_weight, -1.0, -self.weekday_weight])

    def weekday_conflicts(self) -> np.ndarray:
        """7 × 7: how much two weekdays disagree (0 the same, 1 two days or more apart)."""
        gaps = np.abs(np.subtract.outer(np.arange(7), np.arange(7)))
        gaps = np.minimum(gaps, 7 - gaps)
        return np.where(gaps == 0, 0.0, np.where(gaps == 1, self.next_weekday_conflict, 1.0))


SIGNALS = ("text", "actors", "terms", "date_penalty", "weekday_conflict")
NO_WEEKDAYS = (0,) * 7


@dataclass(slots=True)
class StoryArticle:
    """What story assignment needs to know of one article."""

    id: str
    title: str | None
    published: date | None
    vector: np.ndarray  # unit length; zeros for an article without words
    actors: dict[str, float] = field(default_factory=dict)  # salient actor id → weight, unit length
    terms: dict[str, float] = field(default_factory=dict)  # salient term → weight, unit length
    weekday: int | None = None  # the weekday its lead gives the happening (0 Monday), if any

    @property
    def weekdays(self) -> tuple[int, ...]:
        """The weekday as counts per weekday, as a story keeps them."""
        return NO_WEEKDAYS if self.weekday is None else tuple(int(d == self.weekday) for d in range(7))


@dataclass(slots=True)
class StoryState:
    """A story as assignment keeps it: running sums, dates and members."""

    id: str
    vector_sum: np.ndarray
    actor_sum: dict[str, float]
    article_ids: list[str]
    term_sum: dict[str, float] = field(default_factory=dict)
    days: list[date] = field(default_factory=list)  # members' publication dates, sorted
    title: str | None = None
    central_id: str | None = None
    activity: int = 0  # when it last got an article, counted in articles assigned (across runs)
    members: dict[str, tuple[str | None, np.ndarray]] | None = None  # id → (title, vector); None until loaded
    weekdays: list[int] = field(default_factory=lambda: [0] * 7)  # members naming each weekday, Monday first

    @property
    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / norm if norm else self.vector_sum

    @property
    def median_day(self) -> date | None:
        return self.days[(len(self.days) - 1) // 2] if self.days else None


MemberLoader = Callable[[str], dict[str, tuple[str | None, np.ndarray]]]


class _Postings:
    """key → the most recently active story ids, at most `cap` of them."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.lists: dict[object, OrderedDict[str, None]] = defaultdict(OrderedDict)

    def add(self, key: object, story_id: str) -> None:
        stories = self.lists[key]
        stories[story_id] = None
        stories.move_to_end(story_id)
        if len(stories) > self.cap:
            stories.popitem(last=False)

    def get(self, key: object) -> Iterable[str]:
        return self.lists.get(key, ())


class StoryIndex:
    """Stories so far, and the indexes to find an article's candidate stories.

    Stored stories are re-indexed oldest activity first, so the capped posting lists
    keep the same most recent stories as in one long run; a stored story is found by
    its centroid's LSH bands (in a run, by each member's). `load_members(story_id)`
    gives a stored story's member titles and vectors; it is called only when a stored
    story gets a new article (to find its most central article again).
    """

    def __init__(
        self, params: StoryParams | None = None, stories: Iterable[StoryState] = (),
        load_members: MemberLoader | None = None,
    ) -> None:
        self.params = params or StoryParams()
        self.stories: dict[str, StoryState] = {}
        self.load_members = load_members
        self._by_actor = _Postings(self.params.posting_cap)
        self._by_day = _Postings(self.params.posting_cap)
        self._by_band = _Postings(self.params.posting_cap)
        planes = np.random.default_rng(LSH_SEED).standard_normal((DIMENSIONS, self.params.lsh_bands * self.params.lsh_bits))
        self._planes = planes.astype(np.float32)
        self._stories_naming: dict[str, int] = defaultdict(int)  # actor id → stories whose profile has it
        self._stories_with: dict[str, int] = defaultdict(int)  # term → stories whose profile has it
        self._clock = 0
        # Rarities and profile norms are kept for a batch (they drift little within one).
        self._actor_rarities: dict[str, float] = {}
        self._term_rarities: dict[str, float] = {}
        self._profile_norms: dict[tuple[str, str], float] = {}  # (story id, "actors" | "terms") → norm
        self.merged: dict[str, str] = {}
        self._weights = self.params.signal_weights()
        self._weekday_conflicts = self.params.weekday_conflicts()
        for story in sorted(stories, key=lambda s: (s.activity, s.id)):
            self._clock = max(self._clock, story.activity)
            _count_keys(story.actor_sum, self._stories_naming, 1)
            _count_keys(story.term_sum, self._stories_with, 1)
            self.stories[story.id] = story
            self._index(story, story.centroid, story.actor_sum, story.days[-1] if story.days else None)

    def assign(self, articles: Sequence[StoryArticle]) -> dict[str, str]:
        """Put each article into a story (in published-date, then id, order; undated
        last), then refine: move the batch's articles to the story they now sit closest
        to and merge the touched stories that have grown alike. Returns {article id:
        story id}; `self.merged` maps each story merged away in this call to the story
        that took its articles."""
        batch = sorted(articles, key=_arrival_order)
        self.merged = {}
        for cache in (self._actor_rarities, self._term_rarities, self._profile_norms):
            cache.clear()
        home: dict[str, StoryState] = {}
        for article in batch:
            story = self._best_story(article)
            if story is None:
                story = self._open(article)
            else:
                self._join(story, article)
            self._touch(story, article)
            home[article.id] = story
        for _ in range(self.params.rehome_sweeps):
            if not self._rehome(batch, home):
                break
        if self.params.merge_threshold is not None:
            self._merge_touched(home)
        for story_id in sorted({story.id for story in home.values()}):
            self._choose_title(self.stories[story_id])
        return {article_id: story.id for article_id, story in home.items()}

    def _touch(self, story: StoryState, article: StoryArticle) -> None:
        self._clock += 1
        story.activity = self._clock
        self._index(story, article.vector, article.actors, article.published)

    # -- refinement ------------------------------------------------------------
    def _rehome(self, batch: Sequence[StoryArticle], home: dict[str, StoryState]) -> bool:
        """One k-means-like sweep (restricted to each article's candidate stories): an
        article that scores higher with another story than with its own (itself left
        out) moves there. Returns whether any article moved."""
        moved = False
        for article in batch:
            story = home[article.id]
            if len(story.article_ids) == 1:
                continue
            self._leave(story, article)
            best = self._best_story(article)
            own = self.similarity(article, story)
            if best is None or best is story or self.similarity(article, best) <= own:
                self._join(story, article)
                continue
            self._join(best, article)
            self._touch(best, article)
            home[article.id] = best
            moved = True
        return moved

    def _merge_touched(self, home: dict[str, StoryState]) -> None:
        """Merge each touched story with the most similar candidate story while their
        similarity (group-average link between the two, as in agglomerative clustering)
        clears the merge threshold."""
        pending = sorted({story.id for story in home.values()})
        while pending:
            story = self.stories.get(pending.pop(0))
            if story is None:
                continue
            other = self._closest_story(story)
            if other is None:
                continue
            kept, gone = sorted((story, other), key=lambda s: (-len(s.article_ids), s.activity, s.id))
            self._absorb(kept, gone)
            for article_id, member in home.items():
                if member is gone:
                    home[article_id] = kept
            pending.append(kept.id)

    def _closest_story(self, story: StoryState) -> StoryState | None:
        # `candidates` reads only an article's actor ids, day and vector.
        probe = StoryArticle(story.id, story.title, story.median_day, story.centroid, story.actor_sum)
        others = [self.stories[other_id] for other_id in sorted(self.candidates(probe) - {story.id})]
        if not others:
            return None
        texts = self._text_similarities(story.vector_sum, others, len(story.article_ids))
        return self._highest_scoring(others, texts, story.actor_sum, story.term_sum, story.median_day,
                                     self.params.merge_threshold, story.weekdays)

    # -- candidates and similarity -------------------------------------------
    def candidates(self, article: StoryArticle) -> set[str]:
        found: set[str] = set()
        for actor_id in article.actors:
            found.update(self._by_actor.get(actor_id))
        if article.published:
            for offset in range(-self.params.window_days, self.params.window_days + 1):
                found.update(self._by_day.get(article.published + timedelta(days=offset)))
        if article.vector.any():
            for band in self._bands(article.vector):
                found.update(self._by_band.get(band))
        return found & self.stories.keys()

    def similarity(self, article: StoryArticle, story: StoryState) -> float:
        return self._score(article, story, float(self._text_similarities(article.vector, [story])[0]))

    def _text_similarities(self, vector: np.ndarray, stories: Sequence[StoryState], count: int = 1) -> np.ndarray:
        """The cosine to each story's centroid blended with the mean cosine to its members
        (group-average link, Voorhees 1986): the mean is lower for a loose story, so a
        story that drifted to a broad subject does not take every article on it.
        `vector` is the sum of `count` unit vectors: an article's, or a whole story's."""
        sums = np.stack([story.vector_sum for story in stories])
        dots = sums @ vector
        norms = np.linalg.norm(sums, axis=1) * np.linalg.norm(vector)
        centroid = dots / np.where(norms > 0, norms, 1.0)
        average = dots / (count * np.array([len(story.article_ids) for story in stories], dtype=np.float32))
        share = self.params.average_link
        return (1 - share) * centroid + share * average

    def _score(self, article: StoryArticle, story: StoryState, text: float) -> float:
        return float(self.signals(text, article.actors, article.terms, article.published, story, article.weekdays)
                     @ self._weights)

    def signals(self, text: float, actors: dict[str, float], terms: dict[str, float], day: date | None,
                story: StoryState, weekdays: Sequence[int]) -> np.ndarray:
        """The signals of `SIGNALS` for an article (or a whole story: its profiles, median
        day and weekday counts) against a story, given their text similarity."""
        return np.array([text, self._weighted_cosine(actors, story, "actors"),
                         self._weighted_cosine(terms, story, "terms") if self.params.term_weight else 0.0,
                         self._date_penalty(day, story), self._weekday_conflict(weekdays, story)])

    def _weekday_conflict(self, weekdays: Sequence[int], story: StoryState) -> float:
        """How far apart the weekdays the two sides give their happening are, averaged
        over every pair of an article naming one here and one there: reports of one
        happening name its day ("the Supreme Court on Monday ruled"), and the next
        development of a subject names another. 0 when either side names none."""
        here, there = sum(weekdays), sum(story.weekdays)
        if not here or not there:
            return 0.0
        return float(np.asarray(weekdays) @ self._weekday_conflicts @ np.asarray(story.weekdays)) / (here * there)

    def _weighted_cosine(self, weights: dict[str, float], story: StoryState, kind: str) -> float:
        """Cosine of an actor or term weight vector and a story's profile, each weight
        scaled by the key's rarity. A story's profile norm is cached until the story
        changes or the batch ends (rarities drift little within a batch): profiles grow
        with their stories, and recomputing them for every comparison dominated."""
        profile, rarity = (story.actor_sum, self._actor_rarity) if kind == "actors" else (story.term_sum, self._term_rarity)
        dot = sum(w * profile[key] * rarity(key) ** 2 for key, w in weights.items() if key in profile)
        if not dot:
            return 0.0
        if (story.id, kind) not in self._profile_norms:
            self._profile_norms[story.id, kind] = _weighted_norm(profile, rarity)
        return dot / (_weighted_norm(weights, rarity) * self._profile_norms[story.id, kind])

    def _actor_rarity(self, actor_id: str) -> float:
        """Inverse story frequency: an actor in every story (a superpower) says little."""
        if actor_id not in self._actor_rarities:
            named = self._stories_naming.get(actor_id, 0)
            self._actor_rarities[actor_id] = math.log((len(self.stories) + 1) / (named + 1)) + 1.0
        return self._actor_rarities[actor_id]

    def _term_rarity(self, term: str) -> float:
        """Inverse story frequency, nothing for a term in every story (a capitalised "The")."""
        if term not in self._term_rarities:
            self._term_rarities[term] = math.log((len(self.stories) + 1) / (self._stories_with.get(term, 0) + 1))
        return self._term_rarities[term]

    def _date_penalty(self, day: date | None, story: StoryState) -> float:
        """What the days between `day` and the story's median day take away: nothing
        within the grace, up to `time_penalty` over the next `time_scale_days`, and only
        `far_penalty` beyond `far_days` (where a wrong date is as likely as a different
        story); nothing when either side is undated."""
        median = story.median_day
        if day is None or median is None:
            return 0.0
        p = self.params
        days = abs((day - median).days)
        if days > p.far_days:
            return p.far_penalty
        return p.time_penalty * min(max(days - p.time_grace_days, 0) / p.time_scale_days, 1.0)

    def _best_story(self, article: StoryArticle) -> StoryState | None:
        candidates = [self.stories[story_id] for story_id in sorted(self.candidates(article))]
        if not candidates:
            return None
        texts = self._text_similarities(article.vector, candidates)
        return self._highest_scoring(candidates, texts, article.actors, article.terms, article.published,
                                     self.params.threshold, article.weekdays)

    def _highest_scoring(self, stories: Sequence[StoryState], texts: np.ndarray, actors: dict[str, float],
                         terms: dict[str, float], day: date | None, threshold: float,
                         weekdays: Sequence[int]) -> StoryState | None:
        """The story scoring highest (the last of equals) for an article, or a whole
        story, with these text similarities, profiles and day; None when none reaches
        `threshold`."""
        p = self.params
        best, best_score = None, threshold
        # Actors and terms add at most their weights and time only subtracts: no other story can reach the threshold.
        for k in np.flatnonzero(texts >= threshold - p.actor_weight - p.term_weight):
            score = float(self.signals(float(texts[k]), actors, terms, day, stories[k], weekdays) @ self._weights)
            if score >= best_score:
                best, best_score = stories[k], score
        return best

    # -- updates -------------------------------------------------------------
    def _open(self, article: StoryArticle) -> StoryState:
        story = StoryState(
            id=f"story-{article.id}", vector_sum=article.vector.astype(np.float32).copy(),
            actor_sum=dict(article.actors), article_ids=[article.id], term_sum=dict(article.terms),
            days=[article.published] if article.published else [], members={article.id: (article.title, article.vector)},
            weekdays=list(article.weekdays),
        )
        self.stories[story.id] = story
        _count_keys(article.actors, self._stories_naming, 1)
        _count_keys(article.terms, self._stories_with, 1)
        return story

    def _join(self, story: StoryState, article: StoryArticle) -> None:
        if story.members is None:
            story.members = self.load_members(story.id) if self.load_members else {}
        self._forget_norms(story)
        story.vector_sum += article.vector
        _add_weights(story.actor_sum, article.actors, self._stories_naming)
        _add_weights(story.term_sum, article.terms, self._stories_with)
        story.article_ids.append(article.id)
        story.members[article.id] = (article.title, article.vector)
        if article.published:
            insort(story.days, article.published)
        if article.weekday is not None:
            story.weekdays[article.weekday] += 1

    def _leave(self, story: StoryState, article: StoryArticle) -> None:
        """Take an article out of a story (the inverse of `_join`)."""
        self._forget_norms(story)
        story.vector_sum -= article.vector
        _subtract_weights(story.actor_sum, article.actors, self._stories_naming)
        _subtract_weights(story.term_sum, article.terms, self._stories_with)
        story.article_ids.remove(article.id)
        del story.members[article.id]
        if article.published:
            story.days.remove(article.published)
        if article.weekday is not None:
            story.weekdays[article.weekday] -= 1

    def _forget_norms(self, story: StoryState) -> None:
        for kind in ("actors", "terms"):
            self._profile_norms.pop((story.id, kind), None)

    def _absorb(self, kept: StoryState, gone: StoryState) -> None:
        """`kept` takes all of `gone`'s articles; `gone` is no more."""
        for story in (kept, gone):
            if story.members is None:
                story.members = self.load_members(story.id) if self.load_members else {}
        self._forget_norms(kept)
        kept.vector_sum += gone.vector_sum
        for profile, weights, counts in ((kept.actor_sum, gone.actor_sum, self._stories_naming),
                                         (kept.term_sum, gone.term_sum, self._stories_with)):
            _count_keys(weights, counts, -1)
            _add_weights(profile, weights, counts)
        kept.article_ids.extend(gone.article_ids)
        kept.members.update(gone.members)
        kept.days = sorted(kept.days + gone.days)
        kept.weekdays = [a + b for a, b in zip(kept.weekdays, gone.weekdays)]
        kept.activity = max(kept.activity, gone.activity)
        del self.stories[gone.id]
        self.merged[gone.id] = kept.id
        for merged_away, into in self.merged.items():
            if into == gone.id:
                self.merged[merged_away] = kept.id
        self._index(kept, gone.centroid, gone.actor_sum, gone.days[-1] if gone.days else None)

    def _index(self, story: StoryState, vector: np.ndarray, actors: dict[str, float], day: date | None) -> None:
        for actor_id in actors:
            self._by_actor.add(actor_id, story.id)
        if day:
            self._by_day.add(day, story.id)
        if vector.any():
            for band in self._bands(vector):
                self._by_band.add(band, story.id)

    def _bands(self, vector: np.ndarray) -> list[tuple[int, bytes]]:
        bits = (vector @ self._planes) > 0
        width = self.params.lsh_bits
        return [(b, np.packbits(bits[b * width : (b + 1) * width]).tobytes()) for b in range(self.params.lsh_bands)]

    def _choose_title(self, story: StoryState) -> None:
        """The title of the member closest to the centroid (ties: the smaller id)."""
        centroid = story.centroid
        ranked = sorted(story.members.items(), key=lambda item: (-float(item[1][1] @ centroid), item[0]))
        titled = [(article_id, title) for article_id, (title, _) in ranked if title]
        story.central_id, story.title = titled[0] if titled else (ranked[0][0], None)


def _arrival_order(article: StoryArticle) -> tuple:
    return (article.published is None, article.published or date.min, article.id)


def _count_keys(weights: dict[str, float], counts: dict[str, int], step: int) -> None:
    for key in weights:
        counts[key] += step


def _add_weights(profile: dict[str, float], weights: dict[str, float], counts: dict[str, int]) -> None:
    """Add an article's weights to a story's profile; `counts` (stories per key) follows."""
    for key, weight in weights.items():
        if key not in profile:
            counts[key] += 1
        profile[key] = profile.get(key, 0.0) + weight


def _subtract_weights(profile: dict[str, float], weights: dict[str, float], counts: dict[str, int]) -> None:
    for key, weight in weights.items():
        left = profile[key] - weight
        if left > 1e-6:
            profile[key] = left
        else:
            del profile[key]
            counts[key] -= 1


def _weighted_norm(weights: dict[str, float], rarity: Callable[[str], float]) -> float:
    return math.sqrt(sum((w * rarity(key)) ** 2 for key, w in weights.items()))


def salient_actors(mentions: Iterable[Mention], actors: dict[str, Actor], limit: int) -> dict[str, float]:
    """An article's most mentioned actors (a mention in the lead counts more), as a unit
    weight vector. Media actors are left out: outlets name themselves and their wires."""
    weights: dict[str, float] = defaultdict(float)
    for mention in mentions:
        actor = actors.get(mention.actor_id)
        if actor is not None and actor.kind in UNSALIENT_KINDS:
            continue
        weights[mention.actor_id] += LEAD_BONUS if mention.start < LEAD_CHARS else 1.0
    top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:limit]
    norm = math.sqrt(sum(w * w for _, w in top))
    return {actor_id: w / norm for actor_id, w in top}


TERM = re.compile(r"\b[A-Za-z][a-z'’-]{4,}\b|\b[A-Z][\w'’-]*\w|\d[\d,.]*\d|\d")  # words of 5+ letters, names, figures


def salient_terms(title: str | None, text: str, limit: int) -> dict[str, float]:
    """The words of five letters or more, the capitalised words and the figures of an
    article's headline (counted twice) and lead, lower-cased, as a unit weight vector of
    the `limit` most frequent: the specifics (a place, a bill's name, "moratorium", a
    count) that articles about one happening share. Story assignment weighs them by
    rarity (inverse story frequency, as TF-IDF does; Salton & Buckley 1988), so
    "about" or a capitalised sentence opening counts for little."""
    counts: dict[str, float] = defaultdict(float)
    for weight, part in ((2.0, title or ""), (1.0, text[:LEAD_CHARS])):
        for found in TERM.findall(part):
            counts[found.lower().replace("’", "'").removesuffix("'s")] += weight
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    norm = math.sqrt(sum(w * w for _, w in top))
    return {term: w / norm for term, w in top}


WEEKDAY_NAME = re.compile(r"\b(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + r")\b")
WEEKDAY_LEAD_CHARS = 400


def happening_weekday(title: str | None, text: str) -> int | None:
    """The weekday (0 Monday) an article gives its happening: the first weekday its lead
    names ("The Supreme Court on Monday ruled ..."), else its headline's; None when
    neither names one. News leads carry the when of the happening (the inverted
    pyramid's 5W lead); what a weekday can tell apart is one subject's developments on
    different days, which undated reports otherwise share every word with."""
    for part in (text[:WEEKDAY_LEAD_CHARS], title or ""):
        found = WEEKDAY_NAME.search(part)
        if found:
            return WEEKDAYS.index(found.group().lower())
    return None


def article_vector(vectors: np.ndarray, headline: Sequence[bool], headline_weight: float) -> np.ndarray:
    """The mean of an article's unit vectors, its headline weighted up, at unit length;
    zeros for an article without units. The mean pooling sentence-transformers applies
    to word pieces (Reimers & Gurevych 2019), one level up. On the dev splits of
    bench/story_eval.py such vectors keep a story's broad coverage (an opinion piece)
    together at thresholds where title-and-lead vectors split it off."""
    if not len(vectors):
        return np.zeros(DIMENSIONS, dtype=np.float32)
    weights = np.where(np.asarray(headline, dtype=bool), headline_weight, 1.0).astype(np.float32)
    total = weights @ vectors
    norm = float(np.linalg.norm(total))
    return (total / norm if norm else total).astype(np.float32)


def publication_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
