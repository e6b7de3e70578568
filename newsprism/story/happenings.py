"""The main happening of an article's lead, as a small record story assignment compares.

News leads open with what happened, who did it and to whom (the inverted pyramid's
5W lead; Pöttker 2003, "News and its communicative quality: the inverted pyramid"):
the first events and predications the analysis found there are the article's main
happening. Two reports whose main happenings have the same actors but a different step
(announce against hold, pass against sign) or a different day are likely different
developments of one subject; the same step by the same actors on the same day, the same
development.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from newsprism.records import Event, Predication

LEAD_CHARS = 400
UNSPECIFIC_PREDICATES = frozenset({"sentence"})  # a sentence's own reading names no step


@dataclass(frozen=True, slots=True)
class Happening:
    """One step of a lead: who (actor ids, or an agent's and patient's lemmas) did what
    (a PLOVER event type or a predicate class), on which day if the text resolves one."""

    actors: tuple[str, ...]  # sorted
    step: str
    day: date | None = None


def main_happenings(events: Iterable[Event], predications: Iterable[Predication], limit: int = 2,
                    lead_chars: int = LEAD_CHARS) -> tuple[Happening, ...]:
    """The first `limit` happenings with actors in an article's first `lead_chars`
    characters, events and predications in text order (events first at one offset)."""
    found = [(e.start, 0, _event_happening(e)) for e in events if e.start < lead_chars]
    found += [(p.start, 1, _predication_happening(p)) for p in predications
              if p.start < lead_chars and p.predicate not in UNSPECIFIC_PREDICATES]
    ordered = [h for _, _, h in sorted(found, key=lambda item: item[:2]) if h.actors]
    return tuple(dict.fromkeys(ordered))[:limit]


def _event_happening(event: Event) -> Happening:
    actors = tuple(sorted({a for a in (event.source_id, event.target_id) if a}))
    day = _day(event.date) if event.date_granularity == "day" else None
    return Happening(actors, f"event:{event.type}", day)


def _predication_happening(predication: Predication) -> Happening:
    actors = tuple(sorted({w for w in (predication.agent, predication.patient_words or predication.patient) if w}))
    return Happening(actors, f"predicate:{predication.predicate}", _day(predication.date))


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def happening_agreement(here: Mapping[Happening, int], there: Mapping[Happening, int]) -> tuple[float, float]:
    """(support, conflict) of two counts of happenings (an article's, a story's members'),
    over the pairs that share an actor: the share where the step is
    the same (and the days, when both are resolved, within one of each other), and the
    share where the step or the day differs. (0, 0) when no pair shares an actor."""
    same = other = 0.0
    for mine, times in here.items():
        for theirs, count in there.items():
            if mine.actors != theirs.actors:
                continue
            if mine.step == theirs.step and not _days_differ(mine.day, theirs.day):
                same += times * count
            else:
                other += times * count
    related = same + other
    return (same / related, other / related) if related else (0.0, 0.0)


def _days_differ(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and abs((a - b).days) > 1
