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
class Quote:
    """Words the article presents as someone's: direct, partial (a quoted fragment
    inside reported speech) or indirect (speech verb + content clause)."""

    id: str
    article_id: str
    text: str
    speaker: str | None  # surface form naming the speaker for this quote ("he", "Rouhani", "a senior official")
    speaker_id: str | None  # actor id, when the speaker resolves to one
    cue: str | None  # "said", "told reporters", "according to"; None for a standalone quote
    kind: str  # direct, partial, indirect
    start: int
    end: int
    group_id: str | None = None  # shared by quotes of the same statement across articles
    anonymous: bool = False  # an unnamed speaker ("a senior US official")
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(slots=True)
class Attribution:
    """Content the article credits to a source ("according to X", "X reported")."""

    id: str
    article_id: str
    source: str  # surface form of the cited source
    source_id: str | None  # actor id, when the source resolves to one
    kind: str  # media, official, organization, document, anonymous
    text: str  # the attributed content
    start: int
    end: int
    cue: str | None = None  # "according to", "reported", "told", "quoted by", "Source:"
    source_start: int | None = None
    source_end: int | None = None


@dataclass(slots=True)
class ScareQuote:
    """Words in quotation marks that are not anyone's quote: irony, distance, "so-called"."""

    article_id: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Citation:
    """How often an article cites one source."""

    article_id: str
    cited: str
    cited_id: str | None
    count: int


@dataclass(slots=True)
class Event:
    """Who did what to whom: a PLOVER event with its polarity, modality and source."""

    id: str
    article_id: str
    source_id: str | None  # actor id of the doer
    type: str  # PLOVER: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT
    target_id: str | None  # actor id of the one acted on
    cameo: str | None  # CAMEO root code ("04", "19")
    quad_class: int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    polarity: str  # asserted, negated
    modality: str  # actual, possible, conditional, future, hypothetical
    attributed_to: str | None  # actor id (or surface form) of whoever claims it, when it is reported
    date: str | None  # ISO date resolved against the publication date
    location: str | None  # place name
    text: str  # the sentence or clause
    start: int
    end: int
    trigger: str | None = None  # the verb or noun that names the event
    source_text: str | None = None
    target_text: str | None = None
    date_granularity: str | None = None  # day, week, month, year
    location_country: str | None = None  # ISO 3166 alpha-3
    latitude: float | None = None
    longitude: float | None = None
    confidence: float | None = None  # a fallback guess's probability (lower confidence); None: coded by a pattern
    trigger_start: int | None = None  # character offset of the trigger word, to pair the event with predications exactly


@dataclass(slots=True)
class Quantity:
    """A number with its unit and what it counts ("2,000 troops", "approaching 1,000")."""

    id: str
    article_id: str
    value: float
    unit: str  # what is counted or measured: "troops", "personnel", "people killed", "USD", "percent"
    actor_id: str | None  # whose, when the sentence says so
    text: str
    start: int
    end: int
    value_max: float | None = None  # upper bound of a range ("four or five", "170-275")
    approximate: bool = False  # "about", "nearly", "approaching", "may run into the hundreds"
    kind: str = "count"  # count, ratio ("15 to 1"), rank ("fifth largest"), money, percent, measure


@dataclass(slots=True)
class Predication:
    """What a clause says happens to whom, read from the parse — also when it names no
    actor, which events need ("the crews will not be freed": release, person, negated,
    future). Offsets are the verb's. A sentence holding none that is negative or hedged
    gets one of class "sentence": its own reading, at the verb of what it states."""

    id: str
    article_id: str
    predicate: str  # predicate class of claim_words.txt: release, detain, assemble, injure, ...; or "sentence"
    patient: str  # the patient's class ("person"), else the lemma of its head noun
    polarity: str  # asserted, negated
    modality: str  # actual, possible, future, hypothetical (conditional statements are not kept)
    verb: str  # as written
    start: int
    end: int
    count: float | None = None  # how many the patient phrase counts ("nearly 1,000 people")
    counted: str | None = None  # what that number counts (the quantity's unit)
    quantity_id: str | None = None  # the id of the quantity record the count was read from
    agent: str | None = None  # who does it, as the lemmas naming it ("city council"); None when unsaid
    patient_words: str | None = None  # the lemmas naming the patient ("pension plan")
    hedged: bool = False  # its clause leaves it in doubt ("allegedly", "so-called")
    date: str | None = None  # the clause's date, resolved as events' are
    location: str | None = None  # the place of the clause, as events' is found


@dataclass(slots=True)
class ClaimMention:
    """Where one article carries a claim, and how: its stance and the evidence sentence."""

    article_id: str
    stance: str  # asserts, reports (credits it to someone), denies, questions
    start: int | None  # the evidence sentence; None when it is the headline
    end: int | None
    text: str
    modality: str | None = None  # of the article's event, when the claim is an event
    source: str | None = None  # who the article credits the claim to, when it reports it
    value: float | None = None  # the article's figure, when the articles' numbers differ


@dataclass(slots=True)
class Claim:
    """One assertion about the same actors across a story's articles, however worded."""

    id: str
    story_id: str
    summary: str
    subject_id: str | None
    object_id: str | None
    mentions: list[ClaimMention]
    status: str  # consensus, contested, single-source
    type: str | None = None  # PLOVER event type, when the claim is an event
    contradictions: list[str] = field(default_factory=list)  # polarity, modality, number, swapped_roles
    outlets: int = 0
    statement: str | None = None  # said from its records: "Iran — send forces → Iraq (2,000 troops)"


@dataclass(slots=True)
class Framing:
    """How one article labels one actor: the labels it attaches to the actor and the
    tone of the sentences that mention it. Each label is a dict
    ``{text, kind, count, start, end}``: kind is appositive, predicate, epithet,
    modifier, description or name; start/end locate its first occurrence."""

    article_id: str
    actor_id: str
    labels: list[dict]
    tone: float | None  # mean VADER compound score of the sentences mentioning the actor
    sentences: int  # how many sentences mention the actor
    story_id: str | None = None  # set by the story stage


@dataclass(slots=True)
class OutletFraming:
    """One outlet's framing of one actor, over all its articles."""

    outlet: str
    articles: int
    labels: list[dict]  # {text, kind, count, loaded}, most used first
    tone: float | None  # mean over all the outlet's sentences mentioning the actor
    sentences: int


@dataclass(slots=True)
class ActorFramings:
    """The outlets side by side for one actor: a row of the framing table."""

    actor_id: str
    outlets: list[OutletFraming]


@dataclass(slots=True)
class HeadlineReading:
    """The headline's own reading: the title parsed with the body's pipeline, each of its
    sentences read as a body sentence's own reading is (``predications.sentence_reading``:
    ``events.frame_of`` for negation and modality, the claim words' hedges), since the
    title is not part of the parsed text."""

    article_id: str
    negated: bool = False  # says something did not happen ("X denies sending warships")
    hedged: bool = False  # leaves what it says in doubt ("allegedly", "so-called")
    question: bool = False  # a sentence of it is a question


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything the per-article stage finds in one article."""

    article_id: str
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    scare_quotes: list[ScareQuote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    framings: list[Framing] = field(default_factory=list)
    predications: list[Predication] = field(default_factory=list)
    headline: HeadlineReading | None = None  # None when the article has no title (or no predications component)


@dataclass(slots=True)
class Story:
    """Articles about the same real-world happening; titled by its most central article."""

    id: str
    title: str | None
    article_ids: list[str] = field(default_factory=list)
