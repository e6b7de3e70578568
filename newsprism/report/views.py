"""What the HTML report and the web app show, read from the store as small records.

Both front ends render these same records, so the report file, the web app, the
terminal (`newsprism story`) and the database agree: the story views come from
`story_view`, the quote and citation views from the SQL the CLI prints.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsprism.records import Actor, ActorFramings, Article, Attribution, Claim, ClaimMention, Event, Mention, Quote
from newsprism.store import Store
from newsprism.story.compare import StoryView, story_view
from newsprism.story.framing import framing_table

UNKNOWN_OUTLET = "(unknown outlet)"


@dataclass(slots=True)
class StoryRow:
    """One line of the corpus overview."""

    id: str
    title: str | None
    articles: int
    outlets: int
    first: str | None
    last: str | None
    claims: int
    contested: int


@dataclass(slots=True)
class StoryRows:
    """A page of the story list."""

    rows: list[StoryRow]
    total: int  # stories in the database
    pages: int
    first_row: int  # the page's first story, counting from 1


@dataclass(slots=True)
class OutletRow:
    outlet: str
    articles: int
    stories: int
    first: str | None
    last: str | None


@dataclass(slots=True)
class Overview:
    stories: list[StoryRow]  # the page's stories (all of them in the report file)
    outlets: list[OutletRow]
    coverage: list[tuple[str, str, int]]  # (day, outlet, articles) for the coverage chart
    articles: int
    undated: int
    errors: int
    story_count: int
    first_row: int = 1  # the page's first story, counting from 1
    page: int = 1
    pages: int = 1


@dataclass(slots=True)
class QuoteVariant:
    """One wording of a statement, with the outlets that print it that way."""

    text: str
    kind: str
    outlets: list[str]
    article_ids: list[str]
    changed: list[tuple[str, bool]] = field(default_factory=list)  # words; True where it differs from the main wording


@dataclass(slots=True)
class QuoteGroup:
    """A statement quoted by one or more outlets (quotes sharing a `group_id`)."""

    group_id: str
    speaker: str
    speaker_id: str | None
    outlets: list[str]
    variants: list[QuoteVariant]


@dataclass(slots=True)
class CitationEdge:
    """An outlet citing a source in a story: the rows of `newsprism citations`."""

    outlet: str
    cited: str
    kind: str
    articles: int
    citations: int


@dataclass(slots=True)
class StoryPage:
    view: StoryView
    actors: dict[str, Actor]
    column_labels: dict[str, str]  # article id -> the outlet (with date when an outlet has several articles)
    carried: dict[str, int]  # article id -> claims it carries
    quote_groups: list[QuoteGroup]
    citations: list[CitationEdge]
    framing: list[ActorFramings]

    def actor_name(self, actor_id: str | None) -> str:
        if not actor_id:
            return ""
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def marks(self, claim: Claim) -> dict[str, list[ClaimMention]]:
        """The claim's mentions by article: the marks of its row in the claims matrix."""
        found: dict[str, list[ClaimMention]] = defaultdict(list)
        for mention in claim.mentions:
            found[mention.article_id].append(mention)
        return found

    def leaves_out(self, article_id: str, claim: Claim) -> bool:
        return any(c.id == claim.id for c in self.view.omitted.get(article_id, ()))


@dataclass(slots=True)
class Highlight:
    """A span of an article's text that the article view marks."""

    kind: str  # actor, quote, attribution, event, evidence
    start: int
    end: int
    label: str
    anchor: str | None = None  # element id of the span's first segment


@dataclass(slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...]
    labels: tuple[str, ...]
    anchors: tuple[str, ...]  # ids of the highlights starting here
    covers: tuple[str, ...]  # ids of the highlights covering it


@dataclass(slots=True)
class ArticlePage:
    article: Article
    story_id: str | None
    segments: list[Segment]
    quotes: list[Quote]
    attributions: list[Attribution]
    events: list[Event]
    actors: dict[str, Actor]

    def actor_name(self, actor_id: str | None) -> str:
        if not actor_id:
            return ""
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id


OVERVIEW_STORIES_SQL = """
SELECT s.id, s.title, count(a.id) AS articles, count(DISTINCT a.outlet) AS outlets,
       min(left(a.published, 10)) AS first, max(left(a.published, 10)) AS last,
       (SELECT count(*) FROM claims c WHERE c.story_id = s.id) AS claims,
       (SELECT count(*) FROM claims c WHERE c.story_id = s.id AND c.status = 'contested') AS contested
FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id
GROUP BY s.id, s.title
ORDER BY articles DESC, first NULLS LAST, s.id
LIMIT $limit OFFSET $offset
"""

OVERVIEW_OUTLETS_SQL = """
SELECT coalesce(a.outlet, '(unknown outlet)'), count(*), count(DISTINCT sa.story_id),
       min(left(a.published, 10)), max(left(a.published, 10))
FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id
GROUP BY 1 ORDER BY 2 DESC, 1
"""

COVERAGE_SQL = """
SELECT left(published, 10) AS day, coalesce(outlet, '(unknown outlet)'), count(*)
FROM articles WHERE published IS NOT NULL GROUP BY ALL ORDER BY 1, 2
"""

STORY_CITATIONS_SQL = """
SELECT coalesce(ar.outlet, '(unknown outlet)') AS outlet, coalesce(ac.name, c.cited) AS cited,
       coalesce(ac.kind, '') AS kind, count(DISTINCT c.article_id) AS articles, sum(c.count) AS citations
FROM citations c JOIN articles ar ON ar.id = c.article_id LEFT JOIN actors ac ON ac.id = c.cited_id
WHERE list_contains(?, c.article_id)
GROUP BY ALL ORDER BY outlet, citations DESC, cited
"""


def overview(store: Store, page: int = 1, per_page: int | None = None) -> Overview:
    """The corpus at a glance: stories biggest first (`per_page` of them on page `page`,
    or all), outlets, articles per day and outlet. ValueError for a page that does not exist."""
    con = store.con
    stories = story_rows(store, page, per_page)
    outlets = [OutletRow(*row) for row in con.execute(OVERVIEW_OUTLETS_SQL).fetchall()]
    coverage = [tuple(row) for row in con.execute(COVERAGE_SQL).fetchall()]
    [(articles, undated)] = con.execute("SELECT count(*), count(*) - count(published) FROM articles").fetchall()
    [(errors,)] = con.execute("SELECT count(*) FROM errors").fetchall()
    return Overview(stories.rows, outlets, coverage, articles, undated, errors, stories.total,
                    stories.first_row, page, stories.pages)


def story_rows(store: Store, page: int = 1, per_page: int | None = None) -> StoryRows:
    """One page of stories, biggest first (all of them when `per_page` is None).
    ValueError for a page that does not exist."""
    [(total,)] = store.con.execute("SELECT count(*) FROM stories").fetchall()
    pages = max(1, -(-total // per_page)) if per_page else 1
    if not 1 <= page <= pages:
        raise ValueError(f"no page {page} of stories: there are {pages}")
    offset = (page - 1) * per_page if per_page else 0
    window = {"limit": per_page if per_page else total, "offset": offset}
    rows = [StoryRow(*row) for row in store.con.execute(OVERVIEW_STORIES_SQL, window).fetchall()]
    return StoryRows(rows, total, pages, offset + 1)


def story_page(store: Store, story_id: str, actors: dict[str, Actor] | None = None) -> StoryPage:
    """Everything one story's page shows. Raises StoreError for an unknown story."""
    view = story_view(store, story_id)
    article_ids = [a.id for a in view.articles]
    outlet_of = {a.id: a.outlet or UNKNOWN_OUTLET for a in view.articles}
    analyses = store.analyses_of(article_ids)
    quotes = [q for analysis in analyses.values() for q in analysis.quotes]
    actors = actors if actors is not None else store.actors()
    framings = [f for analysis in analyses.values() for f in analysis.framings]
    citation_rows = store.con.execute(STORY_CITATIONS_SQL, [article_ids]).fetchall()
    return StoryPage(
        view=view,
        actors=actors,
        column_labels=column_labels(view.articles),
        carried={a: sum(1 for c in view.claims if any(m.article_id == a for m in c.mentions)) for a in article_ids},
        quote_groups=quote_groups(quotes, outlet_of, actors),
        citations=[CitationEdge(*row) for row in citation_rows],
        framing=framing_table(framings, dict(outlet_of)),
    )


def column_labels(articles: list[Article]) -> dict[str, str]:
    """The claims matrix's column heads: the outlet, plus the date (or a number) when
    one outlet has several articles in the story."""
    counts = Counter(a.outlet or UNKNOWN_OUTLET for a in articles)
    labels, seen = {}, Counter()
    for article in articles:
        outlet = article.outlet or UNKNOWN_OUTLET
        seen[outlet] += 1
        if counts[outlet] == 1:
            labels[article.id] = outlet
        else:
            labels[article.id] = f"{outlet} ({(article.published or '')[:10] or seen[outlet]})"
    return labels


def quote_groups(quotes: list[Quote], outlet_of: dict[str, str], actors: dict[str, Actor]) -> list[QuoteGroup]:
    """Quotes of one statement shown once, with every outlet that carries it and each
    distinct wording; statements carried by the most outlets first. Words of a
    variant that differ from the most printed wording are marked (difflib's
    longest-matching-block alignment, Ratcliff/Obershelp)."""
    by_group: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_group[quote.group_id or quote.id].append(quote)
    groups = [_quote_group(group_id, members, outlet_of, actors) for group_id, members in by_group.items()]
    return sorted(groups, key=lambda g: (-len(g.outlets), g.speaker.lower(), g.group_id))


def _quote_group(group_id: str, quotes: list[Quote], outlet_of: dict[str, str], actors: dict[str, Actor]) -> QuoteGroup:
    wordings: dict[str, QuoteVariant] = {}
    for quote in sorted(quotes, key=lambda q: (outlet_of.get(q.article_id, ""), q.start)):
        variant = wordings.setdefault(quote.text.strip(), QuoteVariant(quote.text.strip(), quote.kind, [], []))
        outlet = outlet_of.get(quote.article_id, UNKNOWN_OUTLET)
        if outlet not in variant.outlets:
            variant.outlets.append(outlet)
        variant.article_ids.append(quote.article_id)
    variants = sorted(wordings.values(), key=lambda v: (-len(v.outlets), -len(v.text)))
    for variant in variants:
        variant.changed = word_changes(variants[0].text, variant.text)
    speaker_id = Counter(q.speaker_id for q in quotes if q.speaker_id).most_common(1)
    speaker_id = speaker_id[0][0] if speaker_id else None
    if speaker_id:
        speaker = actors[speaker_id].name if speaker_id in actors else speaker_id
    else:
        named = Counter(q.speaker for q in quotes if q.speaker).most_common(1)
        speaker = named[0][0] if named else "unknown speaker"
    outlets = sorted({o for v in variants for o in v.outlets})
    return QuoteGroup(group_id, speaker, speaker_id, outlets, variants)


def word_changes(main: str, other: str) -> list[tuple[str, bool]]:
    """`other`'s words, each marked True when it is not in the aligned `main` wording."""
    main_words, other_words = main.split(), other.split()
    changed = [True] * len(other_words)
    matcher = difflib.SequenceMatcher(a=[w.lower() for w in main_words], b=[w.lower() for w in other_words], autojunk=False)
    for block in matcher.get_matching_blocks():
        for i in range(block.b, block.b + block.size):
            changed[i] = False
    return list(zip(other_words, changed))


def article_page(store: Store, article_id: str, actors: dict[str, Actor] | None = None,
                 claims: list[Claim] | None = None) -> ArticlePage | None:
    """The article's clean text cut into segments, each knowing which actors, quotes,
    attributions, events and claim evidence sentences cover it; None if unknown.
    `actors` and its story's `claims` may be passed in when they are already read."""
    articles = store.articles_of([article_id])
    if not articles:
        return None
    article = articles[0]
    analysis = store.analyses_of([article_id])[article_id]
    actors = actors if actors is not None else store.actors()
    row = store.con.execute("SELECT story_id FROM story_articles WHERE article_id = ?", [article_id]).fetchone()
    story_id = row[0] if row else None
    highlights = _highlights(article, analysis.mentions, analysis.quotes, analysis.attributions, analysis.events, actors)
    if story_id:
        highlights += _evidence(claims if claims is not None else store.claims_of(story_id), article_id)
    return ArticlePage(article, story_id, segments(article.text, highlights), analysis.quotes,
                       analysis.attributions, analysis.events, actors)


def _highlights(article: Article, mentions: list[Mention], quotes: list[Quote], attributions: list[Attribution],
                events: list[Event], actors: dict[str, Actor]) -> list[Highlight]:
    def name(actor_id: str | None, fallback: str | None = None) -> str:
        return actors[actor_id].name if actor_id in actors else (fallback or actor_id or "?")

    found = [Highlight("actor", m.start, m.end, f"actor: {name(m.actor_id)}") for m in mentions]
    found += [Highlight("quote", q.start, q.end, f"{q.kind} quote of {name(q.speaker_id, q.speaker)}", q.id)
              for q in quotes]
    found += [Highlight("attribution", a.start, a.end, f"credited to {name(a.source_id, a.source)} ({a.kind})", a.id)
              for a in attributions]
    found += [Highlight("event", e.start, e.end, _event_label(e, name), e.id) for e in events]
    return [h for h in found if 0 <= h.start < h.end <= len(article.text)]


def _event_label(event: Event, name) -> str:
    who = name(event.source_id, event.source_text) if event.source_id or event.source_text else "someone"
    whom = f" → {name(event.target_id, event.target_text)}" if event.target_id or event.target_text else ""
    negated = " (negated)" if event.polarity == "negated" else ""
    modality = f" ({event.modality})" if event.modality != "actual" else ""
    return f"event {event.type}: {who}{whom}{negated}{modality}"


def _evidence(claims: list[Claim], article_id: str) -> list[Highlight]:
    found = []
    for claim in claims:
        for mention in claim.mentions:
            if mention.article_id == article_id and mention.start is not None:
                found.append(Highlight("evidence", mention.start, mention.end, f"claim ({claim.status}): {mention.stance}",
                                       evidence_anchor(article_id, mention.start)))
    return found


def evidence_anchor(article_id: str, start: int) -> str:
    """The element id of an evidence sentence in the article view."""
    return f"ev-{article_id}-{start}"


def segments(text: str, highlights: list[Highlight]) -> list[Segment]:
    """Cut `text` at every highlight boundary; each piece lists the highlights covering
    it, so overlapping and nested spans render as flat, well-formed markup."""
    cuts = sorted({0, len(text), *(h.start for h in highlights), *(h.end for h in highlights)})
    starting: dict[int, list[Highlight]] = defaultdict(list)
    for highlight in highlights:
        starting[highlight.start].append(highlight)
    open_: list[Highlight] = []
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        open_ = [h for h in open_ if h.end > start] + starting.get(start, [])
        anchors = tuple(h.anchor for h in starting.get(start, []) if h.anchor)
        pieces.append(Segment(text[start:end], tuple(sorted({h.kind for h in open_})),
                              tuple(h.label for h in open_), anchors, tuple(h.anchor for h in open_ if h.anchor)))
    return pieces


def story_ids(store: Store) -> list[str]:
    return [row[0] for row in store.con.execute("SELECT id FROM stories ORDER BY len(article_ids) DESC, id").fetchall()]
