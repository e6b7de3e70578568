"""newsprism: one story, every side.

    import newsprism
    corpus = newsprism.analyze(["articles/"], db="story.duckdb")
    for actor in corpus.actors(): ...

The Python API returns the same records the CLI stores (see newsprism.records).
"""

from __future__ import annotations

from pathlib import Path

from newsprism.config import Settings
from newsprism.records import Actor, Article, ErrorRecord, Mention, Story

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
