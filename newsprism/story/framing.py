"""Framing across outlets: per actor, the labels each outlet uses and its tone.

The per-article records come from :mod:`newsprism.analysis.framing`. Here they are
put side by side by outlet, the comparison media-framing studies make by hand
(Entman 1993: what each side selects and makes salient about an actor): for each
actor, each outlet's labels with their counts (marked loaded or not) and the tone
of the sentences that mention the actor.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from newsprism.analysis.framing import FramingWords, bundled_words, label_key
from newsprism.records import ActorFramings, Framing, OutletFraming

UNKNOWN_OUTLET = "unknown outlet"


def merge_framings(framings: Iterable[Framing]) -> list[Framing]:
    """One Framing per (article, actor): after actor ids are merged, two framings of
    one article may name the same actor. Label counts add up, the first occurrence
    is kept, and the tone is the mean weighted by sentences (a sentence naming both
    former actors counts twice)."""
    merged: dict[tuple[str, str], Framing] = {}
    for framing in framings:
        key = (framing.article_id, framing.actor_id)
        if key not in merged:
            merged[key] = Framing(framing.article_id, framing.actor_id, [dict(label) for label in framing.labels],
                                  framing.tone, framing.sentences, framing.story_id)
            continue
        into = merged[key]
        into.tone = _weighted_tone([(into.tone, into.sentences), (framing.tone, framing.sentences)])
        into.sentences += framing.sentences
        into.labels = _combined_labels([*into.labels, *framing.labels])
    return list(merged.values())


def _combined_labels(labels: Iterable[dict]) -> list[dict]:
    combined: dict[tuple[str, str], dict] = {}
    for label in labels:
        key = label_key(label["kind"], label["text"])
        if key in combined:
            combined[key]["count"] += label["count"]
            if label["start"] < combined[key]["start"]:
                combined[key].update(start=label["start"], end=label["end"])
        else:
            combined[key] = dict(label)
    return sorted(combined.values(), key=lambda label: (-label["count"], label["start"]))


def _weighted_tone(parts: Iterable[tuple[float | None, int]]) -> float | None:
    scored = [(tone, n) for tone, n in parts if tone is not None and n > 0]
    total = sum(n for _, n in scored)
    return round(sum(tone * n for tone, n in scored) / total, 4) if total else None


def framing_table(
    framings: list[Framing], outlet_of: dict[str, str | None], words: FramingWords | None = None
) -> list[ActorFramings]:
    """Per actor, the outlets side by side: each outlet's labels (summed over its
    articles, most used first, ``{text, kind, count, loaded}``), its tone (the mean
    over all its sentences that mention the actor) and how many articles and
    sentences that rests on. Actors named by the most outlets come first; outlets
    are in alphabetical order. An article missing from ``outlet_of``, or without an
    outlet, counts under "unknown outlet"."""
    words = words or bundled_words()
    by_actor: dict[str, dict[str, list[Framing]]] = defaultdict(lambda: defaultdict(list))
    for framing in framings:
        outlet = outlet_of.get(framing.article_id) or UNKNOWN_OUTLET
        by_actor[framing.actor_id][outlet].append(framing)
    rows = [
        ActorFramings(actor_id, [_outlet_framing(outlet, group, words) for outlet, group in sorted(outlets.items())])
        for actor_id, outlets in by_actor.items()
    ]
    return sorted(rows, key=lambda row: (-len(row.outlets), -sum(o.sentences for o in row.outlets), row.actor_id))


def _outlet_framing(outlet: str, framings: list[Framing], words: FramingWords) -> OutletFraming:
    counts: dict[tuple[str, str], dict] = {}
    for framing in framings:
        for label in framing.labels:
            key = label_key(label["kind"], label["text"])
            if key in counts:
                counts[key]["count"] += label["count"]
            else:
                counts[key] = {"text": label["text"], "kind": label["kind"], "count": label["count"],
                               "loaded": label["kind"] != "name" and words.is_loaded(label["text"])}
    labels = sorted(counts.values(), key=lambda label: (-label["count"], label["kind"], label["text"].lower()))
    return OutletFraming(
        outlet=outlet,
        articles=len({f.article_id for f in framings}),
        labels=labels,
        tone=_weighted_tone((f.tone, f.sentences) for f in framings),
        sentences=sum(f.sentences for f in framings),
    )
