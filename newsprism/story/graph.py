"""The actor relation graph: for each pair of actors, how much cooperation and how much
conflict a story's articles report between them, over the whole story and per outlet.

Cooperation and conflict are PLOVER/CAMEO quad classes (1-2 verbal and material
cooperation, 3-4 verbal and material conflict), the same split GDELT's and the
Goldstein-scale dyad summaries use. Negated events ("did not send troops") count for
neither side. The graph exports as GraphML (Brandes et al., "GraphML Progress
Report", 2001), which Gephi, Cytoscape, yEd and networkx read.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.records import Actor, Article, Event

ALL_OUTLETS = "(all outlets)"
_GRAPHML = "http://graphml.graphdrawing.org/xmlns"


@dataclass(slots=True)
class Relation:
    """Two actors (ids in alphabetical order) as one outlet, or all, portray them."""

    actor_a: str
    actor_b: str
    outlet: str
    cooperation: int = 0
    conflict: int = 0
    event_ids: list[str] = field(default_factory=list)

    @property
    def balance(self) -> float:
        """From -1 (only conflict) to +1 (only cooperation)."""
        total = self.cooperation + self.conflict
        return (self.cooperation - self.conflict) / total if total else 0.0


def relations(events: Iterable[Event], articles: Sequence[Article], actors: dict[str, Actor] | None = None) -> list[Relation]:
    """Per actor pair, over the whole story (outlet ``ALL_OUTLETS``) and per outlet.
    With ``actors``, a country's government bodies and office holders count as the
    country ("Foreign Minister Ferrer accused Honduras" is El Salvador against Honduras)."""
    outlet_of = {a.id: a.outlet or a.id for a in articles}
    lift = _country_lifter(actors or {})
    found: dict[tuple[str, str, str], Relation] = {}
    for event in events:
        if not event.source_id or not event.target_id:
            continue
        source, target = lift(event.source_id), lift(event.target_id)
        if source == target or event.polarity == "negated" or event.article_id not in outlet_of:
            continue
        a, b = sorted((source, target))
        for outlet in (ALL_OUTLETS, outlet_of[event.article_id]):
            relation = found.setdefault((a, b, outlet), Relation(a, b, outlet))
            if event.quad_class in (1, 2):
                relation.cooperation += 1
            else:
                relation.conflict += 1
            relation.event_ids.append(event.id)
    return sorted(found.values(), key=lambda r: (r.outlet != ALL_OUTLETS, r.outlet,
                                                 -(r.cooperation + r.conflict), r.actor_a, r.actor_b))


def _country_lifter(actors: dict[str, Actor]):
    country_ids = {a.country: a.id for a in actors.values() if a.kind == "country" and a.country}

    def lift(actor_id: str) -> str:
        actor = actors.get(actor_id)
        if actor is None or not actor.country or actor.kind == "country":
            return actor_id
        if actor.kind == "government" or (actor.kind == "person" and actor.role):
            return country_ids.get(actor.country, actor_id)
        return actor_id

    return lift


def write_graphml(path: Path, relations_: Sequence[Relation], actors: dict[str, Actor]) -> None:
    """One node per actor, one edge per actor pair and outlet, with cooperation,
    conflict and balance as edge data."""
    ElementTree.register_namespace("", _GRAPHML)
    root = ElementTree.Element(f"{{{_GRAPHML}}}graphml")
    keys = [("name", "node", "string"), ("kind", "node", "string"), ("country", "node", "string"),
            ("outlet", "edge", "string"), ("cooperation", "edge", "int"), ("conflict", "edge", "int"),
            ("balance", "edge", "double")]
    for name, domain, kind in keys:
        ElementTree.SubElement(root, f"{{{_GRAPHML}}}key", id=name, attrib={"for": domain, "attr.name": name,
                                                                          "attr.type": kind})
    graph = ElementTree.SubElement(root, f"{{{_GRAPHML}}}graph", id="actors", edgedefault="undirected")
    nodes = sorted({r.actor_a for r in relations_} | {r.actor_b for r in relations_})
    for node_id in nodes:
        actor = actors.get(node_id)
        node = ElementTree.SubElement(graph, f"{{{_GRAPHML}}}node", id=node_id)
        _data(node, "name", actor.name if actor else node_id)
        _data(node, "kind", actor.kind if actor else "other")
        if actor and actor.country:
            _data(node, "country", actor.country)
    counts: defaultdict[tuple[str, str], int] = defaultdict(int)
    for relation in relations_:
        counts[(relation.actor_a, relation.actor_b)] += 1
        edge = ElementTree.SubElement(graph, f"{{{_GRAPHML}}}edge", source=relation.actor_a, target=relation.actor_b,
                                      id=f"{relation.actor_a}--{relation.actor_b}--{counts[(relation.actor_a, relation.actor_b)]}")
        _data(edge, "outlet", relation.outlet)
        _data(edge, "cooperation", str(relation.cooperation))
        _data(edge, "conflict", str(relation.conflict))
        _data(edge, "balance", f"{relation.balance:.3f}")
    ElementTree.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def _data(parent: ElementTree.Element, key: str, value: str) -> None:
    ElementTree.SubElement(parent, f"{{{_GRAPHML}}}data", key=key).text = value
