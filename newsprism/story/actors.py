"""Cross-article actor merge: one corpus actor for each actor named in many articles.

Each article resolves its own actors (:mod:`newsprism.analysis.actors`); here the
per-article actors are merged with each other and with the actors already stored:

- the same id is the same actor (KB ids, and slugs of the same name);
- a person named in full is the person with the same first name and surname
  (particles and initials aside: "Bashar Assad" = "Bashar al-Assad");
- a person named by surname alone ("Rouhani") is the one full-named person with
  that surname, if exactly one is known; otherwise stays on their own;
- any other actor whose name or alias is the name or alias of exactly one other
  non-person actor is that actor ("MPA" = the actor that has "MPA" as alias).

Roles, countries, affiliations and aliases are unioned (the role kept is the one
given most often). Every lookup is a dictionary probe, so the merge is linear in
the number of actors.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from newsprism.analysis.actors import name_key
from newsprism.kb import normalise_name
from newsprism.records import Actor, ArticleAnalysis
from newsprism.story.framing import merge_framings


@dataclass(slots=True)
class ActorIndex:
    """Corpus actors and the keys they are found by."""

    actors: dict[str, Actor] = field(default_factory=dict)
    people: dict[tuple[str | None, str], str] = field(default_factory=dict)  # (first, surname) -> id
    surnames: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # full-named people
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # non-person name/alias -> ids
    roles: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, actor: Actor) -> None:
        self.actors[actor.id] = actor
        if actor.role:
            self.roles[actor.id][actor.role] += 1
        self.index(actor)

    def index(self, actor: Actor) -> None:
        if actor.kind == "person":
            key = person_key(actor)
            self.people.setdefault(key, actor.id)
            if key[0] is not None:
                self.surnames[key[1]].add(actor.id)
            return
        for name in (actor.name, *actor.aliases):
            if normalise_name(name):
                self.names[normalise_name(name)].add(actor.id)

    def find(self, actor: Actor) -> str | None:
        """The id of the corpus actor this one is, if any."""
        same = self.actors.get(actor.id)
        if same is not None and (same.kind == "person") == (actor.kind == "person"):
            return actor.id
        if actor.kind == "person":
            return self._find_person(actor)
        return self._find_by_name(actor)

    def _find_person(self, actor: Actor) -> str | None:
        first, surname = person_key(actor)
        found = self.people.get((first, surname))
        if found is None and first is None and len(self.surnames.get(surname, ())) == 1:
            found = next(iter(self.surnames[surname]))
        return found

    def _find_by_name(self, actor: Actor) -> str | None:
        ids = set()
        for name in (actor.name, *actor.aliases):
            ids |= self.names.get(normalise_name(name), set())
        return ids.pop() if len(ids) == 1 else None

    def free_id(self, actor: Actor) -> str:
        """The actor's own id, or with its kind appended if another actor has it."""
        if actor.id not in self.actors:
            return actor.id
        return f"{actor.id}-{actor.kind.replace('_', '-')}"


def person_key(actor: Actor) -> tuple[str | None, str]:
    return name_key(actor.name.split())


LocalId = tuple[str, bool]


def local_id(actor: Actor) -> LocalId:
    """An article's id for an actor; articles may give one slug to a person and to
    something else ("jordan"), so the id goes with whether it names a person."""
    return actor.id, actor.kind == "person"


def consolidate_actors(
    analyses: list[ArticleAnalysis], known: dict[str, Actor]
) -> tuple[list[ArticleAnalysis], dict[str, Actor]]:
    """Merge the articles' actors into corpus actors; rewrite their mentions' ids.

    ``known`` are the actors already stored (incremental runs); their ids are kept.
    Returns the analyses with merged ids and all corpus actors (known and new) by id.
    """
    index = ActorIndex()
    for actor in known.values():
        index.add(_copy(actor))
    ids: dict[LocalId, str] = {}
    for actor in _merge_order(a for analysis in analyses for a in analysis.actors):
        if local_id(actor) in ids:
            _absorb(index, ids[local_id(actor)], actor)
            continue
        target = index.find(actor)
        if target is None:
            target = index.free_id(actor)
            index.add(replace(_copy(actor), id=target))
        else:
            _absorb(index, target, actor)
        ids[local_id(actor)] = target
    corpus = {actor_id: _finished(index, actor, ids) for actor_id, actor in index.actors.items()}
    return [_rewritten(analysis, ids) for analysis in analyses], corpus


def _merge_order(actors: Iterable[Actor]) -> list[Actor]:
    """Everyone but lone surnames first, so that "Rouhani" finds "Hassan Rouhani"
    even when the article naming him in full comes later."""
    actors = list(actors)
    lone = [a for a in actors if a.kind == "person" and person_key(a)[0] is None]
    return [a for a in actors if not (a.kind == "person" and person_key(a)[0] is None)] + lone


def _absorb(index: ActorIndex, target: str, actor: Actor) -> None:
    merged = index.actors[target]
    merged.aliases = list(dict.fromkeys([*merged.aliases, *actor.aliases]))
    merged.country = merged.country or actor.country
    merged.affiliation = merged.affiliation or actor.affiliation
    if merged.kind in ("other", "organization") and actor.kind not in ("other", "organization", "person"):
        merged.kind = actor.kind
    if merged.kind == "person" and person_key(actor)[0] is not None and (
        person_key(merged)[0] is None or len(actor.name) > len(merged.name)
    ):
        merged.name = actor.name  # the fullest form: "Bashar al-Assad" over "Bashar Assad"
    if actor.role:
        index.roles[target][actor.role] += 1
    index.index(merged)


def _finished(index: ActorIndex, actor: Actor, ids: dict[LocalId, str]) -> Actor:
    roles = index.roles.get(actor.id)
    role = roles.most_common(1)[0][0] if roles else actor.role
    return replace(actor, role=role, affiliation=_affiliation(actor, ids))


def _affiliation(actor: Actor, ids: dict[LocalId, str]) -> str | None:
    if actor.affiliation is None:
        return None
    return ids.get((actor.affiliation, False), actor.affiliation)


def _rewritten(analysis: ArticleAnalysis, ids: dict[LocalId, str]) -> ArticleAnalysis:
    """The article's own view of its actors (its aliases and roles), under corpus ids."""
    new_id = {actor.id: ids.get(local_id(actor), actor.id) for actor in analysis.actors}
    mentions = [replace(m, actor_id=new_id.get(m.actor_id, m.actor_id)) for m in analysis.mentions]
    quotes = [replace(q, speaker_id=new_id.get(q.speaker_id, q.speaker_id)) for q in analysis.quotes]
    attributions = [replace(a, source_id=new_id.get(a.source_id, a.source_id)) for a in analysis.attributions]
    events = [
        replace(e, source_id=new_id.get(e.source_id, e.source_id), target_id=new_id.get(e.target_id, e.target_id),
                attributed_to=new_id.get(e.attributed_to, e.attributed_to))
        for e in analysis.events
    ]
    quantities = [replace(q, actor_id=new_id.get(q.actor_id, q.actor_id)) for q in analysis.quantities]
    framings = merge_framings(replace(f, actor_id=new_id.get(f.actor_id, f.actor_id)) for f in analysis.framings)
    actors: dict[str, Actor] = {}
    for actor in analysis.actors:
        actor_id, affiliation = new_id[actor.id], _affiliation(actor, ids)
        seen = actors.get(actor_id)
        if seen is None:
            actors[actor_id] = replace(_copy(actor), id=actor_id, affiliation=affiliation)
        else:
            seen.aliases = list(dict.fromkeys([*seen.aliases, *actor.aliases]))
            seen.role, seen.country = seen.role or actor.role, seen.country or actor.country
            seen.affiliation = seen.affiliation or affiliation
    return replace(analysis, mentions=mentions, actors=list(actors.values()), quotes=quotes,
                   attributions=attributions, events=events, quantities=quantities, framings=framings)


def _copy(actor: Actor) -> Actor:
    return replace(actor, aliases=list(actor.aliases))
