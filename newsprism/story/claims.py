"""Claims across the articles of one story, each article's stance on them, and where
the outlets contradict each other.

A claim is one assertion about the same actors, however worded. The units that can
carry one are an article's sentences (and its headline) that hold an event, a count,
a quote or an attribution, or that name an actor. Two units of different articles
state the same claim when

- they hold events of the same type between compatible actors (the same actors, an
  actor and its country, or one side left unsaid) — the structured link, which also
  joins an assertion with its denial ("troops were sent" / "dismissed reports that
  troops had been sent"), which sentence embeddings rank far apart; or
- they quote the same statement (quotes of one group, :mod:`newsprism.story.quotes`); or
- their sentence embeddings are close (all-MiniLM-L6-v2, Reimers & Gurevych 2019),
  closer still when they share no actor.

Units linked so form a claim (union-find, as in cross-document event coreference by
agglomerative linking — Bejan & Harabagiu 2010; Cybulska & Vossen 2015). Each unit is
a mention with a stance, read from the parse records as FactBank reads factuality
(Saurí & Pustejovsky 2009): `denies` when its event or predication is negated or the
sentence is negative where the claim is not (the negation-mismatch cue of de Marneffe,
Rafferty & Manning 2008, "Finding Contradictions in Text"; the sentence's polarity is
the analysis stage's reading, a predication of class ``sentence``, and the headline's
its ``HeadlineReading``), `reports` when it
is credited to someone (a quote, an attribution, an event's `attributed_to`),
`questions` for a headline question, "allegations" or words held in scare quotes,
else `asserts`.

Statements that name no actor, which the events component leaves uncoded, come as
the predications the analysis stage read from the parse (:mod:`newsprism.analysis.predications`):
a verb of a predicate class about a patient class, with the events' polarity and
modality, so that "the crews will be released" and "the crews will not be freed" are
one claim; counts of one kind of thing with one kind of verb ("300 relatives gathered" /
"nearly 1,000 people filled the streets") on no two different days and at no two
different places are one claim whatever their figures. An article that says a claim
most others carry in other words (a clause of a list sentence, with a verb of the same
class) carries it: `omissions` then leaves it out of what the article leaves out.

A headline has no events (it is parsed without entities): it joins the body claim it
states — the actors of one of its events named, a word of its trigger, or as close as
two sentences of one claim — as its article's evidence, with the headline's reading as
its stance; only a headline that states no body claim may group with other headlines.
Each claim is summed up by its most central sentence and, where that is not enough (a
contested claim; a sentence telling two events is the summary of two claims), by a
statement built from its records, as event data writes a row: "Iran — send forces →
Iraq (2,000 troops)" (who — what → whom, after the CAMEO/PLOVER coding of Schrodt 2012).

A claim is `contested` when some mention asserts or reports it and another denies it,
when the articles give it different numbers, or when its roles are swapped between
articles (A accuses B here, B accuses A there, and neither article says both); `single-source` when only one
independent article (syndicated copies count once) carries it; else `consensus`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsprism.analysis.predications import SENTENCE, ClaimWords, claim_words
from newsprism.records import (
    Actor, Article, ArticleAnalysis, Claim, ClaimMention, Event, HeadlineReading, Predication, Quantity,
)

Encode = Callable[[Sequence[str]], np.ndarray]

SAME_CLAIM = 0.8  # cosine at which two sentences state the same thing outright
SAME_CLAIM_SHARED_ACTOR = 0.7  # cosine enough when they also name the same actor
DENIAL_ALLOWANCE = 0.2  # a denial words its claim differently ("rejected claims that …")
SAME_CLAIM_SHARED_FIGURE = 0.55  # and count the same kind of thing ("two frigates")
SAME_EVENT_PARTLY_NAMED = 0.45  # cosine needed when one side leaves an actor unsaid
AVERAGE_LINK_SLACK = 0.1  # groups join when their mean cosine is within this of the link's threshold
NEGATION_CLOSENESS = 0.75
MIN_WORDS = 5
MAX_EVENT_PARTNERS = 64  # atoms a partly named event is compared with (bounds huge stories)
LONG_SENTENCE_WORDS = 25
MIN_CLAUSE_WORDS = 6
NUMBER_TOLERANCE = 0.15  # approximate figures this close are the same figure
CARRIES_CLAIM = 0.5  # cosine to a claim's centroid at which an article's sentence carries it
SYMMETRIC_TYPES = frozenset({"COOPERATE", "CONSULT", "AGREE"})
POSITIVE = frozenset({"asserts", "reports"})

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])|\n+")
_DENIED_CLAUSE = re.compile(r"\b(?:that|as)\s+(?P<clause>.{12,})$", re.IGNORECASE)
_ANAPHORIC_DENIAL = re.compile(
    r"\b(?:denied|denies|dismissed|dismisses|rejected|rejects|disputed|disputes|refuted|refutes)\s+"
    r"(?:it|this|that|these|those|the\s+(?:claims?|reports?|accounts?|allegations?|story|stories))\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[;:]\s+|,\s+(?=(?:and|but|while|whereas)\s)"
    r"|,\s+(?=(?:a|an|the|two|three|one|some|many)\s+[^,]{0,40}?\b(?:was|were|is|are|has|have|had)\s)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Unit:
    """A sentence (or the headline) of one article, with the records inside it."""

    article_id: str
    start: int | None  # None for the headline, which is not part of the text
    end: int | None
    text: str
    actors: dict[str, None] = field(default_factory=dict)  # an ordered set: first mention first
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    credited_to: str | None = None  # who the article says says it
    quoted: bool = False
    quote_groups: set[str] = field(default_factory=set)  # the statements it quotes
    hedged: bool = False
    negative: bool = False  # says something did not happen: a denial, or the analysis stage's sentence reading
    headline: bool = False
    denial: bool = False  # holds a denial ("dismissed reports that …")
    predications: list[Predication] = field(default_factory=list)  # what it says happens to whom
    # its predications' counts, each keyed by (patient, predicate)
    counts: list[tuple[Quantity, tuple[str, str]]] = field(default_factory=list)

    @property
    def bears_claim(self) -> bool:
        return bool(self.events or self.quantities or self.credited_to or self.quoted)

    @property
    def claim_text(self) -> str:
        """The words to compare with other sentences: for a denial, what it denies
        ("rejected claims that warships had been deployed" → "warships had been deployed")."""
        if self.denial and (match := _DENIED_CLAUSE.search(self.text)):
            return match.group("clause")
        return self.text

    @property
    def denies_previous(self) -> bool:
        """A denial of what the sentence before said ("Amador denied it.")."""
        return self.denial and bool(_ANAPHORIC_DENIAL.search(self.text))


@dataclass(slots=True)
class StoryInput:
    """What the claim analysis reads: a story's articles with their analyses."""

    story_id: str
    articles: list[Article]
    analyses: dict[str, ArticleAnalysis]
    actors: dict[str, Actor]
    words: ClaimWords = field(default_factory=claim_words)  # the bundled claim words and the user's


# -- units ----------------------------------------------------------------------

def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in (_trimmed(text, s, e) for s, e in spans) if e > s]


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A long sentence cut where it strings facts together (";", ":", ", and …"), so
    that "boats seized fishermen, a teenager was shot in the leg, and the governments
    are shouting" is three claims; pieces too short to state anything stay joined."""
    if len(text[start:end].split()) <= LONG_SENTENCE_WORDS:
        return [(start, end)]
    cuts = [start] + [start + m.end() for m in _CLAUSE_BREAK.finditer(text[start:end])] + [end]
    pieces: list[tuple[int, int]] = []
    for begin, finish in zip(cuts, cuts[1:]):
        if pieces and (len(text[begin:finish].split()) < MIN_CLAUSE_WORDS
                       or len(text[pieces[-1][0]:pieces[-1][1]].split()) < MIN_CLAUSE_WORDS):
            pieces[-1] = (pieces[-1][0], finish)
        else:
            pieces.append((begin, finish))
    return [_trimmed(text, b, f) for b, f in pieces]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def units_of(article: Article, analysis: ArticleAnalysis) -> list[Unit]:
    """The article's headline and sentences, each with the records that fall inside it."""
    units = [
        Unit(article.id, start, end, article.text[start:end])
        for sentence in sentence_spans(article.text)
        for start, end in clause_spans(article.text, *sentence)
        if len(article.text[start:end].split()) >= MIN_WORDS
    ]
    starts = [u.start for u in units]

    def unit_at(offset: int) -> Unit | None:
        index = bisect_right(starts, offset) - 1
        return units[index] if index >= 0 and offset < units[index].end else None

    for mention in analysis.mentions:
        if (unit := unit_at(mention.start)) is not None:
            unit.actors.setdefault(mention.actor_id)
    for event in analysis.events:
        if (unit := unit_at(event.start)) is not None and (event.source_id or event.target_id):
            unit.events.append(event)
    for quantity in analysis.quantities:
        if (unit := unit_at(quantity.start)) is not None and quantity.kind == "count":
            unit.quantities.append(quantity)
    for quote in analysis.quotes:
        for unit in _overlapping(units, quote.start, quote.end):
            unit.quoted = True
            if quote.group_id:
                unit.quote_groups.add(quote.group_id)
            unit.credited_to = unit.credited_to or quote.speaker_id or quote.speaker
    for attribution in analysis.attributions:
        for unit in _overlapping(units, attribution.start, attribution.end):
            unit.credited_to = unit.credited_to or attribution.source_id or attribution.source
    counts = {q.id: q for q in analysis.quantities if q.kind == "count"}
    for predication in analysis.predications:
        if (unit := unit_at(predication.start)) is None:
            continue
        unit.hedged = unit.hedged or predication.hedged
        if predication.predicate == SENTENCE:  # the sentence's own reading, not a claim of its own
            unit.negative = unit.negative or predication.polarity == "negated"
            continue
        unit.predications.append(predication)
        if (quantity := counts.get(predication.quantity_id)) is not None:
            unit.counts.append((quantity, (predication.patient, predication.predicate)))
    for scare in analysis.scare_quotes:
        if (unit := unit_at(scare.start)) is not None:
            unit.hedged = True
    for unit in units:
        unit.denial = any(e.type == "REJECT" and e.polarity == "asserted" for e in unit.events)
        unit.negative = unit.negative or unit.denial
        credited = [e.attributed_to for e in unit.events if e.attributed_to]
        unit.credited_to = unit.credited_to or (credited[0] if credited else None)
    if article.title and len(article.title.split()) >= 3:
        reading = analysis.headline or HeadlineReading(article.id)  # unread: no predications component
        units.insert(0, Unit(article.id, None, None, article.title, headline=True,
                             actors=headline_actors(article.title, analysis),
                             hedged=reading.hedged or reading.question, negative=reading.negated))
    return units


def headline_actors(title: str, analysis: ArticleAnalysis) -> dict[str, None]:
    """The actors a title names, by the names the article's text gives them (the title
    is parsed apart, with no entity recognition): whole words, case as written."""
    names: dict[str, str] = {}
    for mention in analysis.mentions:
        names.setdefault(mention.text, mention.actor_id)
    found: dict[str, None] = {}
    for text, actor_id in sorted(names.items(), key=lambda item: -len(item[0])):
        if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", title):
            found.setdefault(actor_id)
    return found


def claim_units(article: Article, analysis: ArticleAnalysis) -> list[Unit]:
    """The units that can carry a claim: the headline, and the sentences and clauses
    naming an actor, holding a record or saying what happens to someone ("the crews will
    not be freed"). These are what the compare stage embeds (and the story stage averages
    into the article's vector: their vectors serve both)."""
    return [u for u in units_of(article, analysis) if u.bears_claim or u.actors or u.headline or u.predications]


def _overlapping(units: list[Unit], start: int, end: int) -> list[Unit]:
    return [u for u in units if u.start is not None and u.start < end and start < u.end]


# -- linking ----------------------------------------------------------------------

@dataclass(slots=True)
class Atom:
    """One assertion of a unit: each of its events, or the sentence as a whole."""

    unit: Unit
    event: Event | None
    predication: Predication | None = None
    loose: bool = False  # joined its claim only as an article's closest wording of it (not in its id)
    opposite: bool = False  # its predication's class says the opposite of another's ("reject" of "approve")

    @property
    def negated(self) -> bool:
        """Says it did not (or will not) happen, by its event or its verb group; an
        opposite class not negated says its claim did not happen."""
        if self.event is not None:
            return self.event.polarity == "negated"
        if self.predication is not None:
            return (self.predication.polarity == "negated") != self.opposite
        return self.unit.negative

    @property
    def modality(self) -> str | None:
        return self.event.modality if self.event else self.predication.modality if self.predication else None


def atoms_of(units: list[Unit], words: ClaimWords | None = None) -> list[Atom]:
    """A denial ("rejected claims that warships had been deployed") is not a claim of its
    own: its sentence denies whatever claim it is linked to. A predication goes with the
    event its verb triggers; one that no event of its sentence has is an atom of its own
    ("…, as the crews were released"), and a sentence with neither is one atom."""
    opposites = (words or claim_words()).opposites
    atoms = []
    for unit in units:
        events = [e for e in unit.events if e.type != "REJECT"]
        paired = [_triggered_by(event, unit.predications) for event in events]
        unpaired = [p for p in unit.predications if not any(p is q for q in paired)]
        atoms += [Atom(unit, event, verb, opposite=verb is not None and verb.predicate in opposites)
                  for event, verb in [*zip(events, paired), *((None, p) for p in unpaired)]]
        if not events and not unpaired:
            atoms.append(Atom(unit, None))
    return atoms


def _triggered_by(event: Event, predications: list[Predication]) -> Predication | None:
    """The predication read from the event's trigger: its verb is the trigger word itself
    (a predication's offset is its verb's, an event's `trigger_start` its trigger's)."""
    return next((p for p in predications if p.start == event.trigger_start), None)


class _Clusters:
    """Union-find over atoms that keeps each group one claim: at most one event type and
    one actor in each role (so neither a sentence holding two events nor an event with a
    role left unsaid can chain two claims), for statements about particular things one
    doer and one patient as their words name them (a statement leaving the doer unsaid
    cannot chain the city council's vote to the regional council's), and sentences join a
    group only when they are close to the group as a whole (average link), not to one
    member of it."""

    def __init__(self, atoms: list[Atom], vectors: np.ndarray, actors: dict[str, Actor], words: ClaimWords) -> None:
        self.parent = list(range(len(atoms)))
        self.sums = vectors.copy()  # mean cosine between groups = sum_a · sum_b / (|a| |b|)
        self.members = [[i] for i in range(len(atoms))]
        self.keys = [_key_sets(a, actors, words.particular) for a in atoms]

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int, min_average: float | None = None, any_type: bool = False) -> bool:
        """`any_type`: the two are one statement by their words, whatever event types the
        events component gave them ("would be released" / "will not be freed"); the group
        then keeps those types but takes no other."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        pairs = list(zip(self.keys[ra], self.keys[rb]))
        merged = tuple(x | y for x, y in pairs)
        if any(len(m) > max(len(x), len(y), 1) for slot, ((x, y), m) in enumerate(zip(pairs[:3], merged))
               if not (any_type and slot == 0)):
            return False
        if not all(_one_thing(names) for names in merged[3:]):
            return False
        if min_average is not None:
            average = float(self.sums[ra] @ self.sums[rb]) / (len(self.members[ra]) * len(self.members[rb]))
            if average < min_average:
                return False
        keep, drop = min(ra, rb), max(ra, rb)
        self.parent[drop] = keep
        self.sums[keep] += self.sums[drop]
        self.keys[keep] = merged
        self.members[keep] += self.members[drop]
        return True

    def groups(self) -> list[list[int]]:
        return [sorted(m) for i, m in enumerate(self.members) if self.parent[i] == i]


def _key_sets(atom: Atom, actors: dict[str, Actor], particular: frozenset[str]) -> tuple[set, set, set, set, set]:
    """What a group may hold one of: event type, source, target; and, for a predication
    about a particular thing ("the plan"), the words naming its doer and its patient."""
    doers, patients = _particulars(atom.predication, particular)
    if atom.event is None:
        return set(), set(), set(), doers, patients
    kind, source, target = event_key(atom.event, actors)
    return {kind}, {source} - {None}, {target} - {None}, doers, patients


def _particulars(predication: Predication | None, particular: frozenset[str]) -> tuple[set[str], set[str]]:
    """The words naming the doer and the patient of a statement about a particular thing."""
    if predication is None or predication.patient not in particular:
        return set(), set()
    return {predication.agent} - {None}, {predication.patient_words} - {None}


def _one_thing(names: set[str]) -> bool:
    """Whether the phrases can all name one thing: each one's words are among another's
    or the same ("the council" / "the city council", not "the regional council")."""
    words = sorted((set(n.split()) for n in names), key=len)
    return all(shorter <= longer for shorter, longer in zip(words, words[1:]))


def principal(actor_id: str | None, actors: dict[str, Actor]) -> str | None:
    """The actor an event is about for comparison: a country's organs and office
    holders stand for it ("Ferrer accused Honduras" = "El Salvador accused Honduras")."""
    if actor_id is None:
        return None
    actor = actors.get(actor_id)
    if actor is not None and actor.country and (
        actor.kind in ("country", "government") or (actor.kind == "person" and actor.role)
    ):
        return "country:" + actor.country
    return actor_id


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def event_key(event: Event, actors: dict[str, Actor]) -> tuple[str, str | None, str | None]:
    source, target = principal(event.source_id, actors), principal(event.target_id, actors)
    if event.type in SYMMETRIC_TYPES and source and target and target < source:
        source, target = target, source
    return event.type, source, target


def same_event(a: Event, b: Event, actors: dict[str, Actor]) -> bool:
    """Same type between compatible actors, with at least one actor named on both sides."""
    type_a, source_a, target_a = event_key(a, actors)
    type_b, source_b, target_b = event_key(b, actors)
    if type_a != type_b:
        return False
    shared = (source_a is not None and source_a == source_b) or (target_a is not None and target_a == target_b)
    return shared and _compatible(source_a, source_b) and _compatible(target_a, target_b)


def _partly_named_bar(a: Event, b: Event) -> float:
    """The cosine two events need when one leaves an actor unsaid: more when one says it
    happened and the other that it did not, since an unnamed doer ("they did not fight
    ISIS") may well be someone else than the named one."""
    return SAME_EVENT_PARTLY_NAMED if a.polarity == b.polarity else SAME_CLAIM_SHARED_ACTOR


def _fully_named(a: Event, b: Event) -> bool:
    return None not in (a.source_id, a.target_id, b.source_id, b.target_id)


def swapped_pairs(atoms: list[Atom], actors: dict[str, Actor]) -> set[tuple[int, int]]:
    """One atom pair for each event whose roles articles swap: A acts on B in one article
    and B on A in another. Only articles that tell one direction count: an article that
    says both (two sides fighting each other) tells a mutual relation, not a contradiction;
    and a negated event swaps nothing."""
    directions: dict[tuple, dict[str, int]] = defaultdict(dict)
    for index, atom in enumerate(atoms):
        if atom.event is None or atom.negated:
            continue
        kind, source, target = event_key(atom.event, actors)
        if kind not in SYMMETRIC_TYPES and source and target and source != target:
            directions[(kind, source, target)].setdefault(atom.unit.article_id, index)
    pairs = set()
    for (kind, source, target), articles in directions.items():
        reverse = directions.get((kind, target, source))
        if not reverse or source > target:
            continue
        one = [index for article, index in articles.items() if article not in reverse]
        other = [index for article, index in reverse.items() if article not in articles]
        if one and other:
            pairs.add((min(one[0], other[0]), max(one[0], other[0])))
    return pairs


@dataclass(slots=True)
class Links:
    """What linking found: the claims (groups of atom indexes), the atom pairs whose roles
    are swapped, and the counts linked as counts of one thing ((article id, offset) → what
    they count and what happens to it)."""

    groups: list[list[int]]
    swaps: set[tuple[int, int]]
    counted: dict[tuple[str, int], tuple[str, str]]


def link_atoms(atoms: list[Atom], vectors: np.ndarray, actors: dict[str, Actor],
               where: Callable[[Unit], tuple[str | None, frozenset[str]]], words: ClaimWords) -> Links:
    """Claims as groups of atom indexes, with the swapped pairs and the linked counts.

    Structured links (the same event; the same predication; counts of the same thing at
    the same place and day) are made first, then sentence-similarity links from the
    closest pair down, so the surest evidence shapes the groups. Only pairs that share a
    key or come close in embedding space are ever compared. `where` gives a unit's day
    and places (`Whereabouts`)."""
    clusters = _Clusters(atoms, vectors, actors, words)
    for i, j in _event_pairs(atoms, actors):
        a, b = atoms[i].event, atoms[j].event
        if same_event(a, b, actors) and (_fully_named(a, b) or float(vectors[i] @ vectors[j]) >= _partly_named_bar(a, b)):
            clusters.union(i, j)
    for i, j in _predication_pairs(atoms, where, words):
        clusters.union(i, j, any_type=True)
    count_pairs, counted = _count_pairs(atoms, where, words.generic)
    for i, j in count_pairs:
        clusters.union(i, j)
    principals = [{principal(x, actors) for x in a.unit.actors} for a in atoms]
    semantic, between_headlines = [], []
    for i, j, score in _close_pairs(vectors, SAME_CLAIM_SHARED_ACTOR - DENIAL_ALLOWANCE):
        a, b = atoms[i], atoms[j]
        if a.unit.article_id == b.unit.article_id:
            continue
        if a.unit.headline or b.unit.headline:  # a headline joins the body claim it states first
            if a.unit.headline and b.unit.headline:
                between_headlines.append((score, i, j))
            continue
        if a.event is not None and b.event is not None and a.event.type != b.event.type:
            continue  # two events of one type with no actor in common may still be one
        threshold = SAME_CLAIM_SHARED_ACTOR if principals[i] & principals[j] else SAME_CLAIM
        if principals[i] & principals[j] and _shares_figure(a, b):
            threshold = SAME_CLAIM_SHARED_FIGURE
        if _denial_of_event(a, b) or _denial_of_event(b, a):
            threshold -= DENIAL_ALLOWANCE  # compared by what the denial denies
        if score >= threshold:
            semantic.append((score, threshold, i, j))
    for score, threshold, i, j in sorted(semantic, reverse=True):
        clusters.union(i, j, min_average=threshold - AVERAGE_LINK_SLACK)
    for i, j in _previous_sentence_links(atoms):
        clusters.union(i, j)
    for i, j in _same_quote_pairs(atoms):
        clusters.union(i, j)
    joined = {h for h, j in headline_links(atoms, vectors, principals, actors) if clusters.union(h, j)}
    for score, i, j in sorted(between_headlines, reverse=True):
        threshold = SAME_CLAIM_SHARED_ACTOR if principals[i] & principals[j] else SAME_CLAIM
        if score >= threshold and not {i, j} & joined:
            clusters.union(i, j, min_average=threshold - AVERAGE_LINK_SLACK)
    return Links(clusters.groups(), swapped_pairs(atoms, actors), counted)


def headline_links(atoms: list[Atom], vectors: np.ndarray, principals: list[set[str | None]],
                   actors: dict[str, Actor]) -> list[tuple[int, int]]:
    """For each headline that states what a body sentence of the story states, the pair
    (headline atom, that sentence's atom), so that the headline is its article's
    evidence for that claim rather than a claim of its own with other headlines. The
    title is parsed without entities, so it has no events: it states a sentence's event
    when it names both of the event's actors (by the names the article gives them),
    holds a word of the event's trigger ("detains" / "detained") and is as close as a
    partly named event must be (SAME_EVENT_PARTLY_NAMED); and it states any sentence's
    claim when as close as two sentences stating one claim must be. Its own article's sentences are
    preferred (a headline sums up its article), then the closest of up to
    MAX_EVENT_PARTNERS others (which bounds the work in a huge story)."""
    body = [i for i, a in enumerate(atoms) if not a.unit.headline]
    if len(body) == len(atoms) or not body:
        return []
    body_vectors = vectors[body]
    own: dict[str, list[int]] = defaultdict(list)  # article -> positions of its atoms in `body`
    for position, index in enumerate(body):
        own[atoms[index].unit.article_id].append(position)
    headlines = [i for i, a in enumerate(atoms) if a.unit.headline]
    links = []
    for h, scores in zip(headlines, _rows_of_scores(vectors[headlines], body_vectors)):
        named, stems = principals[h] - {None}, _stems(atoms[h].unit.text)
        closest = np.argpartition(-scores, MAX_EVENT_PARTNERS)[:MAX_EVENT_PARTNERS] \
            if len(scores) > MAX_EVENT_PARTNERS else range(len(scores))
        for pool in (own[atoms[h].unit.article_id], closest):
            ranked = [(rank, -body[k]) for k in pool
                      if (rank := _headline_rank(atoms[body[k]], float(scores[k]), named, stems,
                                                 principals[body[k]], actors)) is not None]
            if ranked:
                links.append((h, -max(ranked)[1]))
                break
    return links


def _rows_of_scores(rows: np.ndarray, columns: np.ndarray, block: int = 256) -> Iterable[np.ndarray]:
    """Each row's cosines to all columns, computed a block of rows at a time."""
    for begin in range(0, len(rows), block):
        yield from rows[begin:begin + block] @ columns.T


def _headline_rank(atom: Atom, score: float, named: set[str | None], stems: set[str],
                   principals: set[str | None], actors: dict[str, Actor]) -> tuple[int, float] | None:
    """How surely a headline (its named actors and word stems, at this cosine) states
    what the atom states, None if it does not: best when it names the atom's event's two
    actors and a word of its trigger; then, among sentences as close as two sentences of
    one claim, an atom whose trigger word the headline holds (of a sentence telling two
    events, the one the headline tells)."""
    says_trigger = atom.event is not None and bool(_stems(atom.event.trigger or "") & stems)
    if says_trigger and score >= SAME_EVENT_PARTLY_NAMED and _names_roles(atom.event, named, actors):
        return 2, score
    if score >= (SAME_CLAIM_SHARED_ACTOR if named & principals else SAME_CLAIM):
        return int(says_trigger), score
    return None


def _names_roles(event: Event, named: set[str | None], actors: dict[str, Actor]) -> bool:
    """Whether a headline names both actors of the event (an event with a role unsaid may be anyone's)."""
    roles = {principal(event.source_id, actors), principal(event.target_id, actors)}
    return None not in roles and roles <= named


STEM_LETTERS = 5  # a crude stem: "cooperation" / "cooperate", "detains" / "detained"


def _stems(text: str) -> set[str]:
    return {word[:STEM_LETTERS] for word in re.findall(r"\w+", text.casefold()) if len(word) >= 4}


def _predication_pairs(atoms: list[Atom], where: Callable[[Unit], tuple[str | None, frozenset[str]]],
                       words: ClaimWords) -> list[tuple[int, int]]:
    """Atoms of different articles saying the same thing happens (or not) to the same
    kind of patient ("will be released" / "will not be freed"), on no two different days
    and at no two different places. Each atom is paired with up to MAX_EVENT_PARTNERS
    earlier ones, so that one it may not join (other actors) does not keep it from the others."""
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for index, atom in enumerate(atoms):
        if atom.predication is not None:
            by_key[predication_key(atom.predication, words)].append(index)
    return [(members[k], members[n]) for members in by_key.values()
            if len({atoms[i].unit.article_id for i in members}) > 1
            for n in range(1, len(members)) for k in range(max(0, n - MAX_EVENT_PARTNERS), n)
            if _same_time_and_place(where(atoms[members[k]].unit), where(atoms[members[n]].unit))]


def predication_key(predication: Predication, words: ClaimWords) -> tuple[str, str, bool]:
    """Predications with one key are one claim: what happened is not what will happen, and
    a class's opposite is the class ("rejected the plan" is "approved the plan" denied)."""
    return _said_class(predication, words), predication.patient, predication.modality == "actual"


def _said_class(predication: Predication, words: ClaimWords) -> str:
    """The class whose claim the predication speaks of: its own, or the class it is the opposite of."""
    return words.opposites.get(predication.predicate, predication.predicate)


def _same_time_and_place(a: tuple[str | None, frozenset[str]], b: tuple[str | None, frozenset[str]]) -> bool:
    """Two sentences' whereabouts that name no different day and no different place
    (either may name none)."""
    return _compatible(a[0], b[0]) and not (a[1] and b[1] and not a[1] & b[1])


def _count_pairs(atoms: list[Atom], where: Callable[[Unit], tuple[str | None, frozenset[str]]],
                 generic: frozenset[str]) -> tuple[list[tuple[int, int]], dict[tuple[str, int], tuple[str, str]]]:
    """Counts of the same thing with the same verb class ("300 fishermen gathered" /
    "nearly 1,000 people filled the streets") in different articles, on no two different
    days and at no two different places, and naming the same noun or a generic one (2
    journalists and 40 protesters detained are two groups, whatever their class): one
    claim, whatever their figures. Each count meets at most MAX_EVENT_PARTNERS others."""
    by_key: dict[tuple[str, str], list[tuple[int, Quantity]]] = defaultdict(list)
    for index, atom in enumerate(atoms):
        for quantity, key in atom.unit.counts:
            by_key[key].append((index, quantity))
    pairs, counted = [], {}
    for key, members in by_key.items():
        members = list({(q.article_id, q.start): (i, q) for i, q in reversed(members)}.values())[::-1]
        for n, (i, qi) in enumerate(members):
            for j, qj in members[n + 1:n + 1 + MAX_EVENT_PARTNERS]:
                a, b = atoms[i].unit, atoms[j].unit
                if a.article_id != b.article_id and _same_kind(qi.unit, qj.unit, generic) \
                        and _same_time_and_place(where(a), where(b)):
                    pairs.append((i, j))
                    counted[(qi.article_id, qi.start)] = counted[(qj.article_id, qj.start)] = key
    return pairs, counted


def _same_kind(unit_a: str, unit_b: str, generic: frozenset[str]) -> bool:
    """Whether two counted nouns can count one group: the same noun, or either a generic
    one ("people", "crowd")."""
    noun_a, noun_b = _count_noun(unit_a), _count_noun(unit_b)
    return noun_a == noun_b or not generic.isdisjoint({noun_a, noun_b})


def _shares_figure(a: Atom, b: Atom) -> bool:
    """Both sentences count the same kind of thing ("two frigates" / "2 frigates")."""
    nouns_a = {_count_noun(q.unit) for q in a.unit.quantities}
    return bool(nouns_a & {_count_noun(q.unit) for q in b.unit.quantities})


def _same_quote_pairs(atoms: list[Atom]) -> list[tuple[int, int]]:
    """Sentences quoting the same statement (their quotes share a group)."""
    by_group: dict[str, list[int]] = defaultdict(list)
    for index, atom in enumerate(atoms):
        for group in atom.unit.quote_groups:
            by_group[group].append(index)
    return [pair for members in by_group.values() for pair in zip(members, members[1:])]  # a chain joins them all


def _event_pairs(atoms: list[Atom], actors: dict[str, Actor]) -> set[tuple[int, int]]:
    """The event-atom pairs worth comparing, in near-linear number: atoms with the same
    fully named event are chained (all of them are one claim); an atom that leaves a
    role unsaid meets up to MAX_EVENT_PARTNERS atoms of other articles with its named
    role."""
    keys = {i: event_key(a.event, actors) for i, a in enumerate(atoms) if a.event is not None}
    full: dict[tuple, list[int]] = defaultdict(list)
    by_role: dict[tuple, list[int]] = defaultdict(list)
    for index, (kind, source, target) in keys.items():
        if source and target:
            full[(kind, source, target)].append(index)
        if source:
            by_role[(kind, "source", source)].append(index)
        if target:
            by_role[(kind, "target", target)].append(index)
    pairs = {pair for members in full.values() for pair in zip(members, members[1:])}
    for index, (kind, source, target) in keys.items():
        if source and target:
            continue
        bucket = by_role[(kind, "source", source)] if source else by_role[(kind, "target", target)]
        article = atoms[index].unit.article_id
        partners = [j for j in bucket if atoms[j].unit.article_id != article][:MAX_EVENT_PARTNERS]
        pairs.update((min(index, j), max(index, j)) for j in partners)
    return pairs


def _close_pairs(vectors: np.ndarray, floor: float, rows: int = 2048) -> list[tuple[int, int, float]]:
    """Pairs (i < j) whose cosine reaches `floor`, computed a block of rows at a time."""
    found = []
    for begin in range(0, len(vectors), rows):
        block = vectors[begin:begin + rows] @ vectors.T
        for i, j in zip(*np.nonzero(block >= floor)):
            i += begin
            if i < j:
                found.append((int(i), int(j), float(block[i - begin, j])))
    return found


def _denial_of_event(denial: Atom, other: Atom) -> bool:
    return denial.unit.claim_text is not denial.unit.text and other.event is not None


def _previous_sentence_links(atoms: list[Atom]) -> list[tuple[int, int]]:
    """Join a denial of "it" / "the claim" to the claims of the sentence before it."""
    links = []
    for index, atom in enumerate(atoms):
        if not atom.unit.denies_previous:
            continue
        before = index - 1
        while before >= 0 and atoms[before].unit is atom.unit:
            before -= 1
        previous = atoms[before].unit if before >= 0 else None
        while before >= 0 and atoms[before].unit is previous:
            if previous.article_id == atom.unit.article_id and not previous.headline:
                links.append((before, index))
            before -= 1
    return links


# -- stance, numbers, status --------------------------------------------------------

def stance_of(atom: Atom, claim_negative: bool, closeness: float) -> str:
    """`closeness`: the atom's cosine to the claim's central sentence; a sentence whose
    only sign of denial is a negation must say nearly the same thing to deny it (its
    negation may be of something else), a headline not: it is one statement, read at
    the verb of what it states, so a headline of the claim read as negated denies it."""
    unit = atom.unit
    if atom.event or atom.predication:
        negated = atom.negated
    else:
        negated = unit.denial or (unit.negative and not claim_negative
                                  and (unit.headline or closeness >= NEGATION_CLOSENESS))
    if negated:
        return "denies"
    if unit.hedged:
        return "questions"
    if unit.credited_to or (atom.event and atom.event.attributed_to):
        return "reports"
    return "asserts"


def figures(atoms: list[Atom], counted: dict[tuple[str, int], tuple[str, str]] | None = None
            ) -> dict[object, list[tuple[Atom, Quantity]]]:
    """Counts in a claim's sentences, by what they count (the unit's last word, crudely
    singular) and, for counts linked as counts of one thing, also by that link's key."""
    found: dict[object, list[tuple[Atom, Quantity]]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    for atom in atoms:
        for quantity in atom.unit.quantities:
            if (place := (quantity.article_id, quantity.start)) not in seen:
                seen.add(place)
                found[_count_noun(quantity.unit)].append((atom, quantity))
                if counted and place in counted:
                    found[counted[place]].append((atom, quantity))
    return found


def _count_noun(unit: str) -> str:
    word = unit.split()[-1].casefold() if unit.split() else unit
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def numbers_disagree(quantities: list[Quantity]) -> bool:
    def bounds(q: Quantity) -> tuple[float, float]:
        high = q.value_max if q.value_max is not None else q.value
        slack = NUMBER_TOLERANCE if q.approximate else 0.0
        return q.value * (1 - slack), high * (1 + slack)

    ranges = [bounds(q) for q in quantities]
    return any(a[1] < b[0] or b[1] < a[0] for i, a in enumerate(ranges) for b in ranges[i + 1:])


def build_claims(story: StoryInput, encode: Encode) -> list[Claim]:
    """All claims of a story, contested first."""
    independent = {a.id: a.duplicate_of or a.id for a in story.articles}
    all_units = {a.id: claim_units(a, story.analyses.get(a.id, ArticleAnalysis(a.id))) for a in story.articles}
    atoms = atoms_of([u for units in all_units.values() for u in units], story.words)
    if not atoms:
        return []
    vectors = encode([a.unit.claim_text for a in atoms]).astype(np.float32)
    links = link_atoms(atoms, vectors, story.actors, Whereabouts(story), story.words)
    groups = links.groups
    atoms, vectors = _add_loose_carriers(atoms, vectors, groups, list(all_units), story.actors, story.words)
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    swapped_groups = {group_of[i] for pair in links.swaps for i in pair}
    outlet_of = {a.id: a.outlet or a.id for a in story.articles}
    claims = []
    for number, members in enumerate(groups):
        group = [atoms[i] for i in members]
        if len({independent[a.unit.article_id] for a in group}) == 1 and not any(a.unit.bears_claim for a in group):
            continue  # a sentence only one article has, with nothing in it to claim
        claim = _claim(story.story_id, group, vectors[members], story, outlet_of, links.counted)
        if number in swapped_groups:
            claim.contradictions.append("swapped_roles")
        claims.append(claim)
    claims = merged_duplicates(claims)
    for claim in claims:
        claim.status = _status(claim, independent)
    _keep_statements_that_tell_apart(claims)
    claims.sort(key=lambda c: (c.status != "contested", -c.outlets, c.id))
    return claims


def _keep_statements_that_tell_apart(claims: list[Claim]) -> None:
    """Keep a claim's statement where a reader needs it, so that every view (terminal,
    JSON, web) shows the stored field as it is: for a contested claim (what exactly the
    outlets disagree on) and for a claim whose summary another claim shares (a sentence
    telling two events is the summary of both)."""
    summaries = Counter(c.summary for c in claims)
    for claim in claims:
        if claim.status != "contested" and summaries[claim.summary] == 1:
            claim.statement = None


def merged_duplicates(claims: list[Claim]) -> list[Claim]:
    """One claim for claims that hold the same mentions and say the same thing (two
    events of one kind between the same actors in one sentence). Claims that hold the
    same mentions but differ in what they say — a sentence telling two events of
    different kinds or actors — stay apart, told apart by their statements."""
    kept: dict[tuple, Claim] = {}
    for claim in claims:
        key = (frozenset((m.article_id, m.start, m.stance) for m in claim.mentions), claim.statement)
        if (first := kept.setdefault(key, claim)) is not claim:
            first.contradictions += [c for c in claim.contradictions if c not in first.contradictions]
    return list(kept.values())


class Whereabouts:
    """The day and the places a unit names, worked out the first time a link asks: the
    day its events or predications give (resolved against the publication date by the
    analysis stage), and their places with the story's other such places it names."""

    def __init__(self, story: StoryInput) -> None:
        self.places = {_folded(r.location): r.location for a in story.analyses.values()
                       for r in (*a.events, *a.predications) if r.location}
        self.found: dict[int, tuple[str | None, frozenset[str]]] = {}

    def __call__(self, unit: Unit) -> tuple[str | None, frozenset[str]]:
        if id(unit) not in self.found:
            records = (*unit.events, *unit.predications)
            days = [r.date for r in records if r.date and len(r.date) == 10]
            text = _folded(unit.text)
            places = {r.location for r in records if r.location} | {n for k, n in self.places.items() if k in text}
            self.found[id(unit)] = (days[0] if days else None, frozenset(places))
        return self.found[id(unit)]


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _add_loose_carriers(atoms: list[Atom], vectors: np.ndarray, groups: list[list[int]], article_ids: Sequence[str],
                        actors: dict[str, Actor], words: ClaimWords) -> tuple[list[Atom], np.ndarray]:
    """Add to each claim that most of the story's articles carry the claim unit (sentence
    or clause) of each other article that says it in other words: cosine to the claim's
    centroid of at least CARRIES_CLAIM, a lower bar than for stating the same claim, so
    that an article is not said to leave out what it carries in a clause of a list ("…, a
    teenager was shot in the leg, and …"). Only a sentence that states no claim other
    articles share and says the same thing happens (`_may_carry`) may carry one so."""
    carriers = [{atoms[i].unit.article_id for i in members} for members in groups]
    wanted = [(g, article) for g, found in enumerate(carriers) if widely_carried(found, len(article_ids))
              for article in article_ids if article not in found]
    shared = {id(atoms[i].unit) for members, found in zip(groups, carriers) if len(found) > 1 for i in members}
    by_article: dict[str, dict[int, int]] = defaultdict(dict)  # article -> unit -> its first atom
    for index, atom in enumerate(atoms):
        if id(atom.unit) not in shared:
            by_article[atom.unit.article_id].setdefault(id(atom.unit), index)
    stated = [list(members) for members in groups]  # what the claims are before any carrier joins
    atoms, added = list(atoms), []
    for g, article in wanted:
        claim = [atoms[i] for i in stated[g]]
        fitting = [i for i in by_article[article].values() if _may_carry(atoms[i].unit, claim, actors)]
        if not fitting:
            continue
        centroid = vectors[stated[g]].sum(axis=0)
        scores = vectors[fitting] @ (centroid / max(float(np.linalg.norm(centroid)), 1e-9))
        if float(scores.max()) >= CARRIES_CLAIM:
            best = fitting[int(np.argmax(scores))]
            unit = atoms[best].unit
            groups[g].append(len(atoms))
            verb = unit.predications[0] if unit.predications else None
            atoms.append(Atom(unit, None, verb, loose=True, opposite=verb is not None and verb.predicate in words.opposites))
            added.append(vectors[best])
    return atoms, np.vstack([vectors, *added]) if added else vectors


def _may_carry(unit: Unit, claim: list[Atom], actors: dict[str, Actor]) -> bool:
    """Whether a sentence says what the claim says happens: a predicate of the same class
    and time ("a teenager was shot" / "a deckhand was wounded"), and no event that is a
    different one (another type, or other actors). Closeness of words alone is not
    enough: the sentences of one story share much of their vocabulary."""
    def said(units: Iterable[Unit]) -> set[tuple[str, bool]]:
        return {(p.predicate, p.modality == "actual") for u in units for p in u.predications}

    if not said([unit]) & said(a.unit for a in claim):
        return False
    own = [e for e in unit.events if e.type != "REJECT"]
    claim_events = [a.event for a in claim if a.event is not None]
    return not own or not claim_events or any(same_event(e, c, actors) for e in own for c in claim_events)


def widely_carried(carriers: set[str], articles: int, share: float = 0.5) -> bool:
    """Carried by more than `share` of the story's other articles (at least two)."""
    return len(carriers) >= 2 and len(carriers) / max(articles - 1, 1) > share


def _claim(story_id: str, atoms: list[Atom], vectors: np.ndarray, story: StoryInput,
           outlet_of: dict[str, str], counted: dict[tuple[str, int], tuple[str, str]]) -> Claim:
    centre = _central(atoms, vectors)
    claim_negative = centre.negated
    mentions = []
    told = set()  # a sentence holding two events of the claim is one mention of it
    closeness = vectors @ vectors[atoms.index(centre)]
    for atom, close in zip(atoms, closeness):
        stance = stance_of(atom, claim_negative, float(close))
        if (atom.unit.article_id, atom.unit.start, stance) in told:
            continue
        told.add((atom.unit.article_id, atom.unit.start, stance))
        source = (atom.event.attributed_to if atom.event else None) or atom.unit.credited_to
        mentions.append(ClaimMention(
            atom.unit.article_id, stance, atom.unit.start, atom.unit.end, atom.unit.text,
            modality=atom.modality,
            source=source if stance == "reports" else None,
        ))
    contradictions = []
    stances = {m.stance for m in mentions}
    if stances & POSITIVE and "denies" in stances and (clash := _polarity_or_modality(mentions)):
        contradictions.append(clash)
    if _mark_differing_numbers(atoms, mentions, counted):
        contradictions.append("number")
    subject, target = _actors_of(atoms, centre)
    summary = centre.unit.text if len(centre.unit.text) <= 240 else centre.unit.text[:237].rstrip() + "…"
    kind = _claim_type(atoms, centre, story.words)
    return Claim(
        id=_claim_id(story_id, atoms), story_id=story_id, summary=summary,
        subject_id=subject, object_id=target, mentions=mentions, status="",
        type=kind, contradictions=contradictions,
        outlets=len({outlet_of[a.unit.article_id] for a in atoms}),
        statement=statement_of(centre, kind, subject, target, story),
    )


def _claim_type(atoms: list[Atom], centre: Atom, words: ClaimWords) -> str | None:
    """The claim's event type, agreeing with the statement made from its central record:
    the central event's type; for a central predication with no event, the type of an
    event read from a verb of its class (not one of another verb of the sentence:
    "fishermen gathered … to demand their release" is no release); for a central
    sentence with neither, any event's type."""
    if centre.event is not None:
        return centre.event.type
    if centre.predication is not None:
        said = _said_class(centre.predication, words)
        return next((a.event.type for a in atoms if a.event and a.predication
                     and _said_class(a.predication, words) == said), None)
    return next((a.event.type for a in atoms if a.event), None)


MODAL_WORDS = {"future": "will", "possible": "may", "hypothetical": "would"}
COUNT_AFTER_TRIGGER = 3  # words between an event's trigger and the count of what it acts on


def statement_of(centre: Atom, kind: str | None, subject: str | None, target: str | None,
                 story: StoryInput) -> str | None:
    """The claim said from its records, in the manner of an event-data row (who — does
    what → to whom, with the count the central sentence gives): "Iran — send forces →
    Iraq (2,000 troops)", "— will release → crew member". The verb is the [statements]
    entry of the central record's predicate class or event type (else the class or the
    lower-cased type); who and whom are the claim's actors, or for a central statement
    naming none (a predication with no event) its own doer and patient words; a claim
    with neither event nor predication has none."""
    predication = centre.predication
    if predication is not None:
        verb = story.words.statements.get(predication.predicate, predication.predicate)
    elif kind is not None:
        verb = story.words.statements.get(kind, kind.lower())
    else:
        return None

    def name(actor_id: str | None) -> str | None:
        return story.actors[actor_id].name if actor_id in story.actors else actor_id

    if predication is not None and centre.event is None:  # a statement naming no actor: its own words
        doer, thing = predication.agent, predication.patient_words or predication.patient
    else:  # roles come from the claim's events
        doer, thing = (name(subject), name(target)) if kind else (None, None)
    phrase = " ".join(w for w in (MODAL_WORDS.get(centre.modality or ""), "not" if centre.negated else None, verb) if w)
    text = f"{doer} — {phrase}" if doer else f"— {phrase}"
    if thing:
        text += f" → {thing}"
    if (count := _count_of(centre)) is not None:
        text += f" ({count})"
    return text


def _count_of(atom: Atom) -> str | None:
    """The count the atom's record gives: its predication's, else the count that opens
    what its event's trigger acts on ("sent 2,000 troops", "detained at least a dozen
    fishermen": at most COUNT_AFTER_TRIGGER words between)."""
    quantities = atom.unit.quantities
    if atom.predication is not None and atom.predication.quantity_id:
        return next((q.text for q in quantities if q.id == atom.predication.quantity_id), None)
    event = atom.event
    if event is None or event.trigger_start is None:
        return None
    after = event.trigger_start + len(event.trigger)
    return next((q.text for q in quantities if after <= q.start < event.end
                 and len(event.text[after - event.start:q.start - event.start].split()) <= COUNT_AFTER_TRIGGER), None)


def _polarity_or_modality(mentions: list[ClaimMention]) -> str | None:
    """`polarity` when one article says it happened and another that it did not;
    `modality` when they disagree on what will, may or would happen ("will send" /
    "will not send"); none when one tells what happened and the other only what will
    or would not ("seized the city" / "offered to help prevent a takeover"): a plan
    against something is no denial that it happened."""
    def actual(mention: ClaimMention) -> bool:
        return mention.modality in (None, "actual")

    for kind, same in (("polarity", actual), ("modality", lambda m: not actual(m))):
        if any(m.stance in POSITIVE and same(m) for m in mentions) and \
                any(m.stance == "denies" and same(m) for m in mentions):
            return kind
    return None


def _mark_differing_numbers(atoms: list[Atom], mentions: list[ClaimMention],
                            counted: dict[tuple[str, int], tuple[str, str]]) -> bool:
    """Whether articles give the claim different figures for the same thing; if so, each
    mention gets its article's figure."""
    for found in figures(atoms, counted).values():
        if len({atom.unit.article_id for atom, _ in found}) > 1 and numbers_disagree([q for _, q in found]):
            value_of = {}
            for atom, quantity in found:
                value_of.setdefault((atom.unit.article_id, atom.unit.start), quantity.value)
            for mention in mentions:
                mention.value = value_of.get((mention.article_id, mention.start))
            return True
    return False


def _central(atoms: list[Atom], vectors: np.ndarray) -> Atom:
    """The atom most like the others, preferring one an article states in its own voice,
    positively, as having happened, outside its headline."""
    closeness = (vectors @ vectors.T).sum(axis=1)
    order = sorted(range(len(atoms)), key=lambda i: (atoms[i].unit.headline, atoms[i].negated,
                                                   atoms[i].modality not in (None, "actual"),
                                                   atoms[i].event is None, -closeness[i]))
    return atoms[order[0]]


def _actors_of(atoms: list[Atom], centre: Atom) -> tuple[str | None, str | None]:
    events = [a.event for a in atoms if a.event]
    if events:
        sources = Counter(e.source_id for e in events if e.source_id)
        targets = Counter(e.target_id for e in events if e.target_id)
        return (sources.most_common(1)[0][0] if sources else None,
                targets.most_common(1)[0][0] if targets else None)
    ranked = [a for a, _ in Counter(x for a in atoms for x in a.unit.actors).most_common(2)]
    return (ranked[0] if ranked else None), (ranked[1] if len(ranked) > 1 else None)


def _status(claim: Claim, independent: dict[str, str]) -> str:
    if claim.contradictions:
        return "contested"
    if len({independent[m.article_id] for m in claim.mentions}) == 1:
        return "single-source"
    return "consensus"


def _claim_id(story_id: str, atoms: list[Atom]) -> str:
    stated = [a for a in atoms if not a.loose]
    body = [a for a in stated if not a.unit.headline] or stated  # a headline joining a claim keeps its id
    first = min((a.unit.article_id, -1 if a.unit.start is None else a.unit.start,
                 a.event.id if a.event else a.predication.id if a.predication else "") for a in body)
    digest = hashlib.blake2b(f"{story_id}|{first}".encode(), digest_size=6).hexdigest()
    return f"{story_id}:{digest}"


# -- what each article leaves out --------------------------------------------------------

def omissions(claims: Sequence[Claim], article_ids: Sequence[str], share: float = 0.5) -> dict[str, list[Claim]]:
    """For each article, the claims that most of the story's other articles carry and it does not."""
    missing: dict[str, list[Claim]] = {a: [] for a in article_ids}
    for claim in claims:
        carriers = {m.article_id for m in claim.mentions}
        if not widely_carried(carriers, len(article_ids), share):
            continue
        for article_id in article_ids:
            if article_id not in carriers:
                missing[article_id].append(claim)
    return missing
