"""`analyze`: ingest → per-article analysis → cross-article consolidation → store.

Articles flow through in batches: each ingest batch is checked against the store
for articles already there and for duplicates, then parsed on all cores, and each
analysed batch joins its stories and is written in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from newsprism.analysis.engine import analyze_articles
from newsprism.analysis.predications import ClaimWords, claim_words
from newsprism.config import Settings
from newsprism.ingest.dedup import DuplicateIndex, Fingerprint, fingerprint
from newsprism.ingest.readers import IngestSettings, read_source
from newsprism.ingest.sources import Source, expand_inputs
from newsprism.records import Actor, Article, ArticleAnalysis, ErrorRecord
from newsprism.store import Store
from newsprism.story.actors import consolidate_actors
from newsprism.story.citations import citations_of
from newsprism.story.claims import claim_units
from newsprism.story.compare import Encode, cached_encoder, compare_stories
from newsprism.story.embeddings import Encoder, model_files
from newsprism.story.quotes import group_quotes
from newsprism.story.stories import (
    StoryArticle, StoryIndex, StoryParams, article_vector, happening_weekday, publication_day, salient_actors,
    salient_terms,
)

INGEST_BATCH = 64
SAVE_BATCH = 64


@dataclass(slots=True)
class RunSummary:
    sources: int = 0
    stored: int = 0
    duplicates: int = 0  # stored, marked duplicate_of an earlier article
    already_stored: int = 0
    failed: int = 0
    errors: list[ErrorRecord] = field(default_factory=list)
    touched_stories: set[str] = field(default_factory=set)  # stories that got new articles in this run
    merged_stories: dict[str, str] = field(default_factory=dict)  # story merged away → the story that took it

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def touched_story_ids(self) -> list[str]:
        """Stories opened, joined, merged into or merged away in this run: the ones whose
        cross-article analysis is stale (a merged-away story's is deleted)."""
        return sorted(self.touched_stories)

    def note_merges(self, merged: dict[str, str]) -> None:
        """Record a batch's merges (story merged away → the story that took it), following chains."""
        for gone, into in self.merged_stories.items():
            self.merged_stories[gone] = merged.get(into, into)
        self.merged_stories.update(merged)
        self.touched_stories.update(merged)


class Progress:
    """What the runner reports as it goes; the CLI draws it as a progress bar."""

    def start(self, sources: int) -> None: ...
    def source_done(self) -> None: ...
    def articles_done(self, count: int) -> None: ...
    def comparing(self, stories: int) -> None: ...
    def story_compared(self) -> None: ...
    def stop(self) -> None: ...


def analyze(
    inputs: list[str], db: str | Path, settings: Settings | None = None, progress: Progress | None = None
) -> RunSummary:
    settings = settings or Settings()
    progress = progress or Progress()
    sources, missing = expand_inputs(inputs)
    summary = RunSummary(sources=len(sources))
    summary.errors.extend(ErrorRecord(item, "ingest", problem) for item, problem in missing)
    model_files()  # fail before any work when the embedding model is not installed
    progress.start(len(sources))
    try:
        with Store(db) as store:
            fingerprints: dict[str, Fingerprint] = {}
            new = _new_articles(sources, store, settings, summary, progress, fingerprints)
            outcomes = analyze_articles(new, settings)
            encoder = Encoder(settings.embed_threads)
            _save_in_batches(outcomes, fingerprints, store, summary, progress, encoder)
            if settings.compare:
                _compare(store, summary, progress, Encoder(max(1, settings.processes)),  # the parse is over: all cores
                         claim_words(settings.files_of("claim-words")))
    finally:
        progress.stop()
    summary.failed = len(summary.errors)
    return summary


def _new_articles(
    sources: list[Source],
    store: Store,
    settings: Settings,
    summary: RunSummary,
    progress: Progress,
    fingerprints: dict[str, Fingerprint],
) -> Iterator[Article]:
    ingest_settings = IngestSettings(max_bytes=settings.max_bytes)
    index = DuplicateIndex()
    seen: set[str] = set()
    for batch in _batched(_read_all(sources, ingest_settings, summary, progress), INGEST_BATCH):
        stored = store.has_articles([a.id for a in batch])
        fresh = [a for a in batch if a.id not in stored and a.id not in seen]
        summary.already_stored += len(batch) - len(fresh)
        fps = [fingerprint(a.text) for a in fresh]
        for article_id, fp in store.stored_fingerprints(fps):
            index.add(article_id, fp)
        for article, fp in zip(fresh, fps):
            if article.id in seen:  # the same article twice in this batch
                summary.already_stored += 1
                continue
            seen.add(article.id)
            article.duplicate_of = index.duplicate_of(fp)
            index.add(article.id, fp)
            fingerprints[article.id] = fp
            yield article


def _read_all(
    sources: list[Source], settings: IngestSettings, summary: RunSummary, progress: Progress
) -> Iterator[Article]:
    for source in sources:
        for item in read_source(source, settings):
            if isinstance(item, ErrorRecord):
                summary.errors.append(item)
            else:
                yield item
        progress.source_done()


def _save_in_batches(
    outcomes: Iterable[tuple[Article, ArticleAnalysis | ErrorRecord]],
    fingerprints: dict[str, Fingerprint],
    store: Store,
    summary: RunSummary,
    progress: Progress,
    encoder: Encoder,
) -> None:
    known = store.actors()
    stories = StoryIndex(stories=store.story_states(), load_members=store.story_members)
    saved_errors = 0
    for batch in _batched(outcomes, SAVE_BATCH):
        articles, fps, analyses = [], [], []
        for article, result in batch:
            fp = fingerprints.pop(article.id)
            if isinstance(result, ErrorRecord):
                summary.errors.append(result)
                continue
            articles.append(article)
            fps.append(fp)
            analyses.append(result)
        analyses, known = consolidate_actors(analyses, known)
        regrouped = _group_quotes(analyses, store)
        touched = {m.actor_id for a in analyses for m in a.mentions}
        story_articles = _story_articles(articles, analyses, known, cached_encoder(store, encoder.encode), stories.params)
        story_of = stories.assign(story_articles)
        changed = sorted(set(story_of.values()) | set(stories.merged.values()))
        store.save(
            articles, fps, analyses, [known[i] for i in sorted(touched) if i in known],
            errors=summary.errors[saved_errors:],
            citations=[c for analysis in analyses for c in citations_of(analysis)],
            regrouped=regrouped,
            vectors={a.id: a.vector for a in story_articles},
            story_of=story_of,
            stories=[stories.stories[story_id] for story_id in changed],
            merged_stories=stories.merged,
        )
        summary.touched_stories.update(changed)
        summary.note_merges(stories.merged)
        saved_errors = len(summary.errors)
        summary.stored += len(articles)
        summary.duplicates += sum(1 for a in articles if a.duplicate_of)
        progress.articles_done(len(articles))
    store.save(errors=summary.errors[saved_errors:])


def _story_articles(
    articles: list[Article], analyses: list[ArticleAnalysis], known: dict[str, Actor], encode: Encode,
    params: StoryParams,
) -> list[StoryArticle]:
    """Articles as story assignment sees them. Their vectors come from the units the
    compare stage embeds, through the same cache, so that stage finds them embedded."""
    units = [claim_units(article, analysis) for article, analysis in zip(articles, analyses)]
    vectors = encode([unit.claim_text for article_units in units for unit in article_units])
    ends = np.cumsum([len(article_units) for article_units in units])
    return [
        StoryArticle(
            id=article.id, title=article.title, published=publication_day(article.published),
            vector=article_vector(vectors[end - len(article_units) : end], [u.headline for u in article_units],
                                  params.headline_weight),
            actors=salient_actors(analysis.mentions, known, params.max_actors),
            terms=salient_terms(article.title, article.text, params.max_terms),
            weekday=happening_weekday(article.title, article.text),
        )
        for article, analysis, article_units, end in zip(articles, analyses, units, ends)
    ]


def _compare(store: Store, summary: RunSummary, progress: Progress, encoder: Encoder, words: ClaimWords) -> None:
    """Claims of every story the run touched; a story that fails is an error, the rest go on."""
    current = [story_id for story_id in summary.touched_story_ids if story_id not in summary.merged_stories]
    progress.comparing(len(current))
    for story_id, error in compare_stories(store, current, encoder.encode, words):
        if error is not None:
            summary.errors.append(ErrorRecord(story_id, "compare", f"{type(error).__name__}: {error}"))
            store.save(errors=summary.errors[-1:])
        progress.story_compared()


def _group_quotes(analyses: list[ArticleAnalysis], store: Store) -> dict[str, str]:
    """Set the group ids of the batch's quotes; return regrouped stored groups."""
    quotes = [q for analysis in analyses for q in analysis.quotes]
    group_of, regrouped = group_quotes(quotes, store.quote_candidates(quotes))
    for quote in quotes:
        quote.group_id = group_of[quote.id]
    return regrouped


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
