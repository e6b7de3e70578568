"""The cross-article stage for whole stories: claims with each article's stance, and
the views derived from them (omissions, timeline, actor relations).

Run on the stories a batch touched, so analysing new articles recomputes only the
stories they joined.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.records import Article, Claim
from newsprism.store import Store
from newsprism.story.claims import StoryInput, build_claims, omissions
from newsprism.story.graph import Relation, relations
from newsprism.story.timeline import TimelineEntry, timeline

Encode = Callable[[Sequence[str]], np.ndarray]


def compare_stories(store: Store, story_ids: Iterable[str], encode: Encode) -> int:
    """Recompute and store the claims of these stories (and mark their articles'
    framings as theirs); returns how many claims were written."""
    actors = store.actors()
    written = 0
    for story_id in story_ids:
        article_ids = store.story_article_ids(story_id)
        story = StoryInput(story_id, store.articles_of(article_ids), store.analyses_of(article_ids), actors)
        claims = build_claims(story, encode)
        store.replace_claims(story_id, claims, article_ids)
        written += len(claims)
    return written


@dataclass(slots=True)
class StoryView:
    """Everything the story views show, read from the store."""

    story_id: str
    title: str | None
    articles: list[Article]
    claims: list[Claim]
    omitted: dict[str, list[Claim]]  # article id -> claims most others carry and it does not
    timeline: list[TimelineEntry]
    relations: list[Relation]


def story_view(store: Store, story_id: str) -> StoryView:
    article_ids = store.story_article_ids(story_id)
    articles = store.articles_of(article_ids)
    claims = store.claims_of(story_id)
    claims.sort(key=lambda c: (c.status != "contested", -c.outlets, c.id))
    events = [e for analysis in store.analyses_of(article_ids).values() for e in analysis.events]
    return StoryView(
        story_id, store.story_title(story_id), articles, claims,
        omissions(claims, [a.id for a in articles]), timeline(claims, events, articles), relations(events, articles),
    )
