"""newsprism: one story, every side.

    import newsprism
    corpus = newsprism.analyze(["articles/"], db="story.duckdb")
    for actor in corpus.actors(): ...
    for claim in corpus.claims(contested=True): ...
    view = corpus.story(corpus.stories()[0].id)   # side by side: claims, omissions, timeline, relations

The Python API returns the same records the CLI stores (see newsprism.records).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.config import Settings
from newsprism.records import Actor, Article, Claim, ErrorRecord, Mention, Story

if TYPE_CHECKING:
    from newsprism.story.compare import StoryView

__all__ = ["analyze", "Corpus", "Settings"]


class Corpus:
    """Read access to an analysed database as records."""

    def __init__(self, db: str | Path):
        from newsprism.store import Store

        self.store = Store(db, read_only=True)

    def articles(self) -> list[Article]:
        return self._records(Article, "articles")

    def actors(self) -> list[Actor]:
        return self._records(Actor, "actors")

    def mentions(self) -> list[Mention]:
        return self._records(Mention, "mentions")

    def stories(self) -> list[Story]:
        """The stories, biggest first (ties by id)."""
        rows = self.store.con.execute(
            "SELECT id, title, article_ids FROM stories ORDER BY len(article_ids) DESC, id"
        ).fetchall()
        return [Story(story_id, title, sorted(article_ids)) for story_id, title, article_ids in rows]

    def claims(self, story_id: str | None = None, contested: bool = False) -> list[Claim]:
        """Claims with each article's stance, contested first, then by how many outlets carry them."""
        ids = [story_id] if story_id else [s.id for s in self.stories()]
        claims = [c for i in ids for c in self.store.claims_of(i) if not contested or c.status == "contested"]
        return sorted(claims, key=lambda c: (c.status != "contested", -c.outlets, c.id))

    def story(self, story_id: str) -> StoryView:
        """One story's articles, claims, omissions, timeline, actor relations and framing."""
        from newsprism.story.compare import story_view

        return story_view(self.store, story_id)

    def errors(self) -> list[ErrorRecord]:
        return self._records(ErrorRecord, "errors")

    def _records(self, record_type, table: str) -> list:
        columns = ", ".join(f'"{name}"' for name in record_type.__dataclass_fields__)
        rows = self.store.con.execute(f'SELECT {columns} FROM "{table}" ORDER BY ALL').fetchall()
        return [record_type(*row) for row in rows]

    def close(self) -> None:
        self.store.close()


def analyze(paths: list[str | Path], db: str | Path, settings: Settings | None = None) -> Corpus:
    """Analyse articles into the DuckDB file `db` and return the corpus."""
    from newsprism.runner import analyze as run

    run([str(p) for p in paths], db, settings or Settings(progress=False))
    return Corpus(db)
