"""Which sources each article cites, and how often: the `citations` table."""

from __future__ import annotations

from collections import Counter, defaultdict

from newsprism.kb import normalise_name
from newsprism.records import ArticleAnalysis, Citation


def citations_of(analysis: ArticleAnalysis) -> list[Citation]:
    """One row per cited source: attributions to the same actor (or, without one, the
    same normalised name) count together under the surface form used most."""
    counts: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    actor_of: dict[str, str | None] = {}
    for attribution in analysis.attributions:
        key = attribution.source_id or "name:" + normalise_name(attribution.source)
        counts[key] += 1
        surfaces[key][attribution.source] += 1
        actor_of[key] = attribution.source_id
    return [
        Citation(analysis.article_id, surfaces[key].most_common(1)[0][0], actor_of[key], count)
        for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
