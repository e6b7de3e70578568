"""Charts as inline SVG drawn on the server: no script, no library, nothing fetched.

Every text that comes from the data is escaped here (`_t`); the functions return
`Markup` so the templates insert them as they are.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date
from html import escape

from markupsafe import Markup

from newsprism.records import Actor
from newsprism.report.views import CitationEdge
from newsprism.story.graph import Relation
from newsprism.story.timeline import TimelineEntry

# Okabe & Ito (2008), "Color Universal Design": distinguishable with colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHER_COLOUR = "#999999"
COOPERATION, CONFLICT, MIXED = "#1a9850", "#d73027", "#7b3294"
STATUS_COLOURS = {"contested": "#d73027", "consensus": "#1a9850", "single-source": "#777777"}
FONT = 'font-family="system-ui, sans-serif"'


def _t(value) -> str:
    return escape(str(value), quote=True)


def _svg(width: float, height: float, body: list[str], label: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
        f'height="{height:.0f}" role="img" aria-label="{_t(label)}" {FONT} font-size="12">'
        f'<title>{_t(label)}</title>{"".join(body)}</svg>'
    )


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def colours(names: list[str]) -> dict[str, str]:
    """The first names get palette colours, the rest grey."""
    return {name: PALETTE[i] if i < len(PALETTE) else OTHER_COLOUR for i, name in enumerate(names)}


def coverage_chart(coverage: list[tuple[str, str, int]]) -> Markup:
    """Articles per publication day, stacked by outlet (the most prolific outlets in colour)."""
    if not coverage:
        return Markup("<p>No article has a publication date.</p>")
    per_day: dict[str, dict[str, int]] = defaultdict(dict)
    totals: dict[str, int] = defaultdict(int)
    for day, outlet, count in coverage:
        per_day[day][outlet] = count
        totals[outlet] += count
    ranked = sorted(totals, key=lambda o: (-totals[o], o))
    colour = colours(ranked)
    days = _day_range(sorted(per_day))
    bar, gap, left, top, plot_height = max(4.0, min(28.0, 900 / len(days))), 2.0, 40, 10, 160
    highest = max(sum(counts.values()) for counts in per_day.values())
    width = left + len(days) * (bar + gap) + 10
    body = [f'<line x1="{left}" y1="{top + plot_height}" x2="{width - 10}" y2="{top + plot_height}" stroke="#444"/>',
            f'<text x="{left - 6}" y="{top + 10}" text-anchor="end">{highest}</text>',
            f'<text x="{left - 6}" y="{top + plot_height}" text-anchor="end">0</text>']
    label_every = max(1, math.ceil(len(days) / 12))
    for i, day in enumerate(days):
        x, y = left + i * (bar + gap), top + plot_height
        for outlet in sorted(per_day.get(day, {}), key=ranked.index):
            count = per_day[day][outlet]
            h = plot_height * count / highest
            y -= h
            body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour[outlet]}">'
                        f'<title>{_t(day)}: {count} article(s) from {_t(outlet)}</title></rect>')
        if i % label_every == 0:
            body.append(f'<text x="{x:.1f}" y="{top + plot_height + 16}" font-size="10">{_t(day[5:])}</text>')
    legend_y = top + plot_height + 36
    shown = ranked[: len(PALETTE)] + (["other outlets"] if len(ranked) > len(PALETTE) else [])
    for i, outlet in enumerate(shown):
        x, y = left + (i % 4) * 220, legend_y + (i // 4) * 18
        body.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour.get(outlet, OTHER_COLOUR)}"/>'
                    f'<text x="{x + 14}" y="{y}">{_t(_clip(outlet, 32))} ({totals.get(outlet, sum(totals[o] for o in ranked[len(PALETTE):]))})</text>')
    height = legend_y + math.ceil(len(shown) / 4) * 18
    return _svg(max(width, left + 4 * 220), height, body, f"Articles per day by outlet, {days[0]} to {days[-1]}")


def _day_range(days: list[str]) -> list[str]:
    """Every day from the first to the last (gaps shown as gaps), unless a date is not a
    plain ISO date or the span is over a year: then just the days that have articles."""
    try:
        first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    except ValueError:
        return days
    span = (last - first).days
    if span > 366:
        return days
    return [date.fromordinal(first.toordinal() + i).isoformat() for i in range(span + 1)]


def timeline_chart(entries: list[TimelineEntry]) -> Markup:
    """The story's dated claims on a date axis, one row per claim, coloured by status."""
    if not entries:
        return Markup("<p>No claim could be dated from its events.</p>")
    dates = sorted({e.date for e in entries})
    left, axis_width, row, top = 110, 140, 22, 24
    x_of = {d: left + (axis_width * i / max(1, len(dates) - 1)) for i, d in enumerate(dates)}
    height = top + row * len(entries) + 10
    body = [f'<line x1="{left}" y1="{top - 8}" x2="{left + axis_width}" y2="{top - 8}" stroke="#444"/>']
    for d in dates:
        body.append(f'<line x1="{x_of[d]:.1f}" y1="{top - 8}" x2="{x_of[d]:.1f}" y2="{height - 6}" stroke="#ddd"/>')
    for i, entry in enumerate(entries):
        y = top + row * i + 8
        colour = STATUS_COLOURS.get(entry.status, "#777")
        body.append(f'<text x="{left - 10}" y="{y + 4}" text-anchor="end" font-size="11">{_t(entry.date)}</text>'
                    f'<circle cx="{x_of[entry.date]:.1f}" cy="{y}" r="6" fill="{colour}"><title>{_t(entry.status)}</title></circle>'
                    f'<text x="{left + axis_width + 14}" y="{y + 4}">{_t(_clip(entry.summary, 95))}'
                    f'<title>{_t(entry.summary)} — {_t(", ".join(entry.outlets))}</title></text>')
    return _svg(left + axis_width + 14 + 640, height, body, "Timeline of the story's dated claims")


def citation_graph(edges: list[CitationEdge]) -> Markup:
    """Outlets (left) linked to the sources they cite (right); line width = citations."""
    if not edges:
        return Markup("<p>No article in this story cites a source by name.</p>")
    outlets = sorted({e.outlet for e in edges})
    sources = sorted({e.cited for e in edges}, key=lambda s: (-sum(e.citations for e in edges if e.cited == s), s))
    colour = colours(outlets)
    row, top, left_x, right_x = 26, 20, 230, 560
    y_out = {o: top + i * row for i, o in enumerate(outlets)}
    y_src = {s: top + i * row for i, s in enumerate(sources)}
    body = []
    for edge in edges:
        y1, y2 = y_out[edge.outlet], y_src[edge.cited]
        width = 1.5 + 1.5 * min(edge.citations, 6)
        body.append(f'<path d="M{left_x},{y1} C{left_x + 150},{y1} {right_x - 150},{y2} {right_x},{y2}" fill="none" '
                    f'stroke="{colour[edge.outlet]}" stroke-opacity="0.7" stroke-width="{width:.1f}">'
                    f'<title>{_t(edge.outlet)} cites {_t(edge.cited)}: {edge.citations} time(s) in {edge.articles} article(s)</title></path>')
    for outlet, y in y_out.items():
        body.append(f'<circle cx="{left_x}" cy="{y}" r="5" fill="{colour[outlet]}"/>'
                    f'<text x="{left_x - 10}" y="{y + 4}" text-anchor="end" font-weight="bold">{_t(_clip(outlet, 30))}</text>')
    for source, y in y_src.items():
        kind = next((e.kind for e in edges if e.cited == source and e.kind), "")
        body.append(f'<circle cx="{right_x}" cy="{y}" r="5" fill="#444"/>'
                    f'<text x="{right_x + 10}" y="{y + 4}">{_t(_clip(source, 40))}'
                    f'{f" ({_t(kind)})" if kind else ""}</text>')
    height = top + max(len(outlets), len(sources)) * row
    return _svg(860, height, body, "Citation graph: which outlet cites which source")


def relation_graph(relations: list[Relation], actors: dict[str, Actor], nodes: list[str], title: str) -> Markup:
    """Actors on a circle (the same places in every outlet's graph, so they compare),
    an edge per pair: green cooperation, red conflict, purple both; width = events."""
    size, radius = 340, 115
    centre = size / 2
    place = {node: (centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
                    centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2))
             for i, node in enumerate(nodes)}
    body = [f'<text x="8" y="16" font-weight="bold">{_t(_clip(title, 48))}</text>']
    for relation in relations:
        if relation.actor_a not in place or relation.actor_b not in place:
            continue
        (x1, y1), (x2, y2) = place[relation.actor_a], place[relation.actor_b]
        colour = MIXED if relation.cooperation and relation.conflict else (COOPERATION if relation.cooperation else CONFLICT)
        total = relation.cooperation + relation.conflict
        body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                    f'stroke-width="{1.5 + 1.5 * min(total, 6):.1f}" stroke-linecap="round">'
                    f'<title>{_t(_name(relation.actor_a, actors))} – {_t(_name(relation.actor_b, actors))}: '
                    f'{relation.cooperation} cooperation, {relation.conflict} conflict</title></line>')
    linked = {r.actor_a for r in relations} | {r.actor_b for r in relations}
    for node, (x, y) in place.items():
        anchor = "start" if x > centre + 1 else ("end" if x < centre - 1 else "middle")
        dx = 9 if anchor == "start" else (-9 if anchor == "end" else 0)
        dy = -9 if y < centre and anchor == "middle" else (16 if anchor == "middle" else 4)
        fill = "#333" if node in linked else "#ccc"
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{fill}"/>'
                    f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}" font-size="11" '
                    f'fill="{fill}">{_t(_clip(_name(node, actors), 22))}</text>')
    return _svg(size + 240, size, [f'<g transform="translate(120,0)">{"".join(body)}</g>'],
                f"Actor relations: {title}")


def _name(actor_id: str, actors: dict[str, Actor]) -> str:
    return actors[actor_id].name if actor_id in actors else actor_id


def relation_nodes(relations: list[Relation], limit: int = 12) -> list[str]:
    """The actors in the most events, at most `limit`, in a stable order."""
    weight: dict[str, int] = defaultdict(int)
    for relation in relations:
        weight[relation.actor_a] += relation.cooperation + relation.conflict
        weight[relation.actor_b] += relation.cooperation + relation.conflict
    return sorted(sorted(weight, key=lambda a: (-weight[a], a))[:limit])
