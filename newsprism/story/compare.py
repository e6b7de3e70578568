"""The cross-article stage for whole stories: claims with each article's stance, and
the views derived from them (omissions, timeline, actor relations).

Run on the stories a batch touched, so analysing new articles recomputes only the
stories they joined.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsprism.analysis.predications import ClaimWords, claim_words
from newsprism.records import ActorFramings, Article, Claim
from newsprism.store import Store
from newsprism.story.quotes import hash_key
from newsprism.story.claims import Encode, StoryInput, build_claims, omissions
from newsprism.story.framing import framing_table
from newsprism.story.graph import Relation, relations
from newsprism.story.timeline import TimelineEntry, timeline

def compare_stories(store: Store, story_ids: Iterable[str], encode: Encode,
                    words: ClaimWords | None = None) -> Iterator[tuple[str, Exception | None]]:
    """Recompute and store the claims of these stories (and mark their articles'
    framings as theirs), one story at a time; yields each story id with the error that
    stopped it, if any — one story that fails does not stop the others. `words`: the
    claim words with the user's files (`claim_words(settings.files_of("claim-words"))`),
    the bundled ones by default."""
    actors, words = store.actors(), words or claim_words()
    cached = cached_encoder(store, encode)
    for story_id in story_ids:
        try:
            article_ids = store.story_article_ids(story_id)
            story = StoryInput(story_id, store.articles_of(article_ids), store.analyses_of(article_ids), actors, words)
            store.replace_claims(story_id, build_claims(story, cached), article_ids)
        except Exception as error:  # noqa: BLE001 - reported by the caller, the rest go on
            yield story_id, error
        else:
            yield story_id, None


def cached_encoder(store: Store, encode: Encode) -> Encode:
    """`encode` that embeds each distinct sentence once per database: a story that gets
    new articles is compared again without embedding its old sentences again, and a
    syndicated sentence is embedded once. Vectors are kept as int8 (cosine changes
    by under 0.01)."""
    def encode_cached(texts: Sequence[str]) -> np.ndarray:
        keys = [hash_key(text) for text in texts]
        found = store.text_vectors(sorted(set(keys)))
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items())
        if missing:
            new = dict(zip((k for k, _ in missing), encode([t for _, t in missing])))
            store.save_text_vectors(new)
            found.update({k: np.round(v * 127) / 127.0 for k, v in new.items()})
        return np.stack([found[k] for k in keys]).astype(np.float32) if keys else np.zeros((0, 384), np.float32)

    return encode_cached


@dataclass(slots=True)
class StoryView:
    """Everything the story views (terminal, HTML report, web app) show, read from the store."""

    story_id: str
    title: str | None
    articles: list[Article]
    claims: list[Claim]
    omitted: dict[str, list[Claim]]  # article id -> claims most others carry and it does not
    timeline: list[TimelineEntry]
    relations: list[Relation]
    framings: list[ActorFramings]  # per actor, each outlet's labels and tone, side by side


def outlet_name(article: Article) -> str:
    """The outlet, or for an article whose outlet is unknown, its file: two such
    articles are not one outlet."""
    return article.outlet or f"({Path(article.source.split(':')[0]).name})"


def story_view(store: Store, story_id: str) -> StoryView:
    article_ids = store.story_article_ids(story_id)
    articles = store.articles_of(article_ids)
    claims = store.claims_of(story_id)
    claims.sort(key=lambda c: (c.status != "contested", -c.outlets, c.id))
    analyses = store.analyses_of(article_ids).values()
    events = [e for analysis in analyses for e in analysis.events]
    framings = framing_table([f for analysis in analyses for f in analysis.framings], {a.id: outlet_name(a) for a in articles})
    return StoryView(
        story_id, store.story_title(story_id), articles, claims, omissions(claims, [a.id for a in articles]),
        timeline(claims, events, articles), relations(events, articles, store.actors()), framings,
    )
