"""A story's timeline: its claims placed on the dates their events happened.

Event dates come from the events component, resolved against each article's
publication date ("on Monday", "last week") with their granularity kept. A claim is
placed on the date most of its dated mentions give (ties: the earliest), the way
event timelines are built from dated event mentions in TimeML-style pipelines
(Pustejovsky et al. 2003; the TempEval tasks).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsprism.records import Article, Claim, Event


@dataclass(slots=True)
class TimelineEntry:
    date: str  # ISO date, week ("2025-W15"), month or year, as resolved
    granularity: str | None
    claim_id: str
    summary: str
    status: str
    outlets: list[str]  # the outlets that carry the claim, in alphabetical order


def timeline(claims: Sequence[Claim], events: Iterable[Event], articles: Sequence[Article]) -> list[TimelineEntry]:
    outlet_of = {a.id: a.outlet or a.id for a in articles}
    dated: dict[str, list[Event]] = {}
    for event in events:
        if event.date:
            dated.setdefault(event.article_id, []).append(event)
    entries = []
    for claim in claims:
        dates = Counter()
        granularity = {}
        for mention in claim.mentions:
            if mention.start is None:
                continue
            for event in dated.get(mention.article_id, ()):
                if mention.start <= event.start < mention.end:
                    dates[event.date] += 1
                    granularity.setdefault(event.date, event.date_granularity)
        if not dates:
            continue
        top = max(dates.values())
        date = min(d for d, count in dates.items() if count == top)
        entries.append(TimelineEntry(
            date, granularity[date], claim.id, claim.summary, claim.status,
            sorted({outlet_of.get(m.article_id, m.article_id) for m in claim.mentions}),
        ))
    return sorted(entries, key=lambda e: (e.date, e.claim_id))
