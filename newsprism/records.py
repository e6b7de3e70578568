"""Typed records passed between the stages: ingest → analysis → story → store.

Each record mirrors one table of the data contract (DESIGN.md). Offsets (`start`,
`end`) are character offsets into the article's clean `text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Article:
    id: str
    source: str
    text: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601 date or datetime
    language: str | None = None
    word_count: int = 0
    duplicate_of: str | None = None


@dataclass(slots=True)
class ErrorRecord:
    source: str
    stage: str
    message: str


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: str  # country, government, person, organization, armed_group, media, igo, other
    country: str | None = None  # ISO 3166 alpha-3
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    affiliation: str | None = None  # actor id of the organisation a person belongs to


@dataclass(slots=True)
class Mention:
    """One place where an article names an actor."""

    article_id: str
    actor_id: str
    text: str
    start: int
    end: int
    label: str  # the entity label or the rule that found it
    sector: str | None = None  # government, military, ... when the mention says so


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything the per-article stage finds in one article."""

    article_id: str
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
