"""The DuckDB store: the contract tables in one embedded database file.

Every batch is written in one transaction, so a failure part-way leaves what was
stored before it untouched. Articles are keyed by their stable id: re-running the
same input adds nothing twice.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from pathlib import Path
from typing import Iterable, Sequence

import duckdb
import numpy as np

from newsprism.ingest.dedup import Fingerprint
from newsprism.records import (
    Actor, Article, ArticleAnalysis, Attribution, Citation, Claim, ClaimMention, ErrorRecord, Event, Framing,
    HeadlineReading, Mention, Predication, Quantity, Quote, ScareQuote,
)
from newsprism.store.schema import CONTRACT_TABLES, DDL, SCHEMA_VERSION, WORKING_TABLES
from newsprism.story.quotes import lookup_keys, statement_keys
from newsprism.story.stories import StoryState

# (table, record type, ArticleAnalysis attribute) for the per-article records.
_ANALYSIS_TABLES = (
    ("mentions", Mention, "mentions"),
    ("quotes", Quote, "quotes"),
    ("attributions", Attribution, "attributions"),
    ("scare_quotes", ScareQuote, "scare_quotes"),
    ("events", Event, "events"),
    ("quantities", Quantity, "quantities"),
    ("framings", Framing, "framings"),
    ("predications", Predication, "predications"),
)


class StoreError(RuntimeError):
    pass


def _columns(record_type) -> list[str]:
    return [f.name for f in fields(record_type)]


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


class Store:
    def __init__(self, path: str | Path, read_only: bool = False, sandboxed: bool = False):
        """`sandboxed`: user SQL may not read or write files, attach databases or change settings."""
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (run 'newsprism analyze' first)")
        config = {"enable_external_access": False, "lock_configuration": True} if sandboxed else {}
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only, config=config)
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: cannot open the database: {error}") from None
        if not read_only:
            self._create_or_check_schema()
        self._types: dict[str, dict[str, str]] = {}

    def _create_or_check_schema(self) -> None:
        tables = {row[0] for row in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "articles" in tables:
            found = None
            if "newsprism_meta" in tables:
                row = self.con.execute("SELECT value FROM newsprism_meta WHERE key = 'schema'").fetchone()
                found = row[0] if row else None
            if found != str(SCHEMA_VERSION):
                raise StoreError(
                    f"{self.path}: written by another version of newsprism (schema {found or 1}, this one "
                    f"writes {SCHEMA_VERSION}); analyse into a new database file"
                )
        self.con.execute(DDL)
        self.con.execute("INSERT OR IGNORE INTO newsprism_meta VALUES ('schema', ?)", [str(SCHEMA_VERSION)])

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reads -------------------------------------------------------------
    def has_articles(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [list(ids)]).fetchall()
        return {r[0] for r in rows}

    def stored_fingerprints(self, fps: Sequence[Fingerprint]) -> list[tuple[str, Fingerprint]]:
        """Stored articles that may duplicate any of `fps`: same exact hash or a shared LSH bucket."""
        if not fps:
            return []
        keys = [(band, bucket) for fp in fps for band, bucket in fp.bands()]
        self.con.execute("CREATE OR REPLACE TEMP TABLE probe (band SMALLINT, bucket UBIGINT)")
        self._insert("probe", ["band", "bucket"], keys)
        rows = self.con.execute(
            """SELECT article_id, exact_hash, minhash FROM signatures
               WHERE list_contains(?, exact_hash)
                  OR article_id IN (SELECT b.article_id FROM lsh_buckets b JOIN probe p USING (band, bucket))
               ORDER BY article_id""",
            [[fp.exact_hash for fp in fps]],
        ).fetchall()
        return [(aid, Fingerprint(exact, np.asarray(sig, dtype=np.uint32))) for aid, exact, sig in rows]

    def actors(self) -> dict[str, Actor]:
        rows = self.con.execute(f"SELECT {_quoted(_columns(Actor))} FROM actors").fetchall()
        return {row[0]: Actor(*row) for row in rows}

    def articles_of(self, ids: Sequence[str]) -> list[Article]:
        rows = self.con.execute(
            f"SELECT {_quoted(_columns(Article))} FROM articles WHERE list_contains(?, id) ORDER BY published, id",
            [list(ids)],
        ).fetchall()
        return [Article(*row) for row in rows]

    def analyses_of(self, ids: Sequence[str]) -> dict[str, ArticleAnalysis]:
        """The stored per-article records of these articles (their actors are the corpus's)."""
        analyses = {i: ArticleAnalysis(i) for i in ids}
        for table, record_type, attribute in _ANALYSIS_TABLES:
            order = "start" if "start" in _columns(record_type) else "actor_id"
            rows = self.con.execute(
                f'SELECT {_quoted(_columns(record_type))} FROM "{table}" WHERE list_contains(?, article_id) ORDER BY {order}',
                [list(ids)],
            ).fetchall()
            for row in rows:
                record = record_type(*row)
                getattr(analyses[record.article_id], attribute).append(record)
        rows = self.con.execute(
            f"SELECT {_quoted(_columns(HeadlineReading))} FROM headlines WHERE list_contains(?, article_id)",
            [list(ids)],
        ).fetchall()
        for row in rows:
            analyses[row[0]].headline = HeadlineReading(*row)
        return analyses

    def story_article_ids(self, story_id: str) -> list[str]:
        row = self.con.execute("SELECT article_ids FROM stories WHERE id = ?", [story_id]).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no story with id '{story_id}' (see 'newsprism stories')")
        return list(row[0])

    def story_title(self, story_id: str) -> str | None:
        row = self.con.execute("SELECT title FROM stories WHERE id = ?", [story_id]).fetchone()
        return row[0] if row else None

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in self.tables()}

    def tables(self) -> tuple[str, ...]:
        return CONTRACT_TABLES + WORKING_TABLES

    # -- writes ------------------------------------------------------------
    def save(
        self,
        articles: Sequence[Article] = (),
        fingerprints: Sequence[Fingerprint] = (),
        analyses: Sequence[ArticleAnalysis] = (),
        actors: Iterable[Actor] = (),
        errors: Sequence[ErrorRecord] = (),
        citations: Sequence[Citation] = (),
        regrouped: dict[str, str] | None = None,
        vectors: dict[str, np.ndarray] | None = None,
        story_of: dict[str, str] | None = None,
        stories: Sequence[StoryState] = (),
        merged_stories: dict[str, str] | None = None,
    ) -> None:
        """Write one batch atomically. `regrouped` maps stored quote group ids to the
        group ids they were merged into; `vectors` are the articles' embeddings,
        `story_of` their stories, `stories` the stories they changed and
        `merged_stories` the stories merged away (→ the story that took their articles)."""
        self.con.begin()
        try:
            self._insert("articles", _columns(Article), [_row(a) for a in articles])
            self._insert_signatures(articles, fingerprints)
            for table, record_type, attribute in _ANALYSIS_TABLES:
                records = [r for analysis in analyses for r in getattr(analysis, attribute)]
                self._insert(table, _columns(record_type), [_row(r) for r in records])
            headlines = [a.headline for a in analyses if a.headline is not None]
            self._insert("headlines", _columns(HeadlineReading), [_row(h) for h in headlines])
            self._insert_quote_keys([q for analysis in analyses for q in analysis.quotes])
            self._regroup_quotes(regrouped or {})
            self._insert("citations", _columns(Citation), [_row(c) for c in citations])
            self._upsert_actors(actors)
            self._save_stories(vectors or {}, story_of or {}, stories, merged_stories or {})
            self._insert("errors", _columns(ErrorRecord), [_row(e) for e in errors], ignore=True)
            self.con.commit()
        except Exception:
            self.con.rollback()
            raise

    def replace_claims(self, story_id: str, claims: Sequence[Claim], article_ids: Sequence[str]) -> None:
        """A story's claims, in place of those computed before, and its articles'
        framings marked as the story's (one transaction)."""
        self.con.begin()
        try:
            self.con.execute("DELETE FROM claims WHERE story_id = ?", [story_id])
            self.con.execute("UPDATE framings SET story_id = ? WHERE list_contains(?, article_id)",
                             [story_id, list(article_ids)])
            rows = [_row(c)[:5] + ([asdict(m) for m in c.mentions],) + _row(c)[6:] for c in claims]
            self._insert("claims", _columns(Claim), rows)
            self.con.commit()
        except Exception:
            self.con.rollback()
            raise

    def text_vectors(self, keys: Sequence[int]) -> dict[int, np.ndarray]:
        """Stored sentence vectors by text key (int8, scaled by 127)."""
        if not keys:
            return {}
        rows = self.con.execute("SELECT key, vector FROM text_vectors WHERE list_contains(?, key)", [list(keys)]).fetchall()
        return {key: np.asarray(vector, dtype=np.float32) / 127.0 for key, vector in rows}

    def save_text_vectors(self, vectors: dict[int, np.ndarray]) -> None:
        # Each vector goes in as the text of a list ("[3,-12,...]"): DuckDB casts that to
        # TINYINT[] about three times faster than it converts a Python list of ints.
        rows = [(key, f"[{','.join(map(str, np.round(v * 127).astype(np.int8).tolist()))}]")
                for key, v in vectors.items()]
        self._insert("text_vectors", ["key", "vector"], rows, ignore=True)

    def claims_of(self, story_id: str) -> list[Claim]:
        rows = self.con.execute(
            f"SELECT {_quoted(_columns(Claim))} FROM claims WHERE story_id = ? ORDER BY id", [story_id]
        ).fetchall()
        return [_claim(row) for row in rows]

    def _insert(self, table: str, columns: list[str], rows: list[tuple], ignore: bool = False) -> None:
        if not rows:
            return
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        types = self._column_types(table)
        # One statement with a list per column, zipped by unnest: far faster than executemany.
        unnested = ", ".join(f'CAST(unnest(${i + 1}) AS {types[c]})' for i, c in enumerate(columns))
        self.con.execute(
            f'{verb} INTO "{table}" ({_quoted(columns)}) SELECT {unnested}',
            [list(column) for column in zip(*rows)],
        )

    def _column_types(self, table: str) -> dict[str, str]:
        if table not in self._types:
            described = self.con.execute(f'DESCRIBE "{table}"').fetchall()
            self._types[table] = {name: column_type for name, column_type, *_ in described}
        return self._types[table]

    def _insert_signatures(self, articles: Sequence[Article], fingerprints: Sequence[Fingerprint]) -> None:
        signatures = [(a.id, fp.exact_hash, fp.minhash.tolist()) for a, fp in zip(articles, fingerprints)]
        self._insert("signatures", ["article_id", "exact_hash", "minhash"], signatures)
        buckets = [(band, bucket, a.id) for a, fp in zip(articles, fingerprints) for band, bucket in fp.bands()]
        self._insert("lsh_buckets", ["band", "bucket", "article_id"], buckets)

    def _insert_quote_keys(self, quotes: Sequence[Quote]) -> None:
        keys = [(key, q.id) for q in quotes for key in statement_keys(q)]
        self._insert("quote_keys", ["key", "quote_id"], keys)

    def _regroup_quotes(self, regrouped: dict[str, str]) -> None:
        for old, new in regrouped.items():
            self.con.execute("UPDATE quotes SET group_id = ? WHERE group_id = ?", [new, old])

    def quote_candidates(self, quotes: Sequence[Quote]) -> list[Quote]:
        """Stored quotes sharing a statement key with any of `quotes`."""
        keys = sorted({key for q in quotes for key in lookup_keys(q)})
        if not keys:
            return []
        self.con.execute("CREATE OR REPLACE TEMP TABLE probe_keys (key UBIGINT)")
        self._insert("probe_keys", ["key"], [(k,) for k in keys])
        columns = _quoted(_columns(Quote))
        rows = self.con.execute(
            f"""SELECT {columns} FROM quotes WHERE id IN
                (SELECT quote_id FROM quote_keys JOIN probe_keys USING (key)) ORDER BY id"""
        ).fetchall()
        return [Quote(*row) for row in rows]

    def _save_stories(
        self, vectors: dict[str, np.ndarray], story_of: dict[str, str], stories: Sequence[StoryState],
        merged: dict[str, str],
    ) -> None:
        self._insert("article_vectors", ["article_id", "vector"], [(a, v.tolist()) for a, v in vectors.items()])
        self._insert("story_articles", ["article_id", "story_id"], list(story_of.items()))
        for gone, into in sorted(merged.items()):
            self.con.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", [into, gone])
            self.con.execute("UPDATE framings SET story_id = ? WHERE story_id = ?", [into, gone])
        ids = [s.id for s in stories] + sorted(merged)
        if not ids:
            return
        self.con.execute("DELETE FROM claims WHERE list_contains(?, story_id)", [sorted(merged)])
        self.con.execute("DELETE FROM stories WHERE list_contains(?, id)", [ids])
        self.con.execute("DELETE FROM story_state WHERE list_contains(?, story_id)", [ids])
        self._insert("stories", ["id", "title", "article_ids"], [(s.id, s.title, s.article_ids) for s in stories])
        self._insert(
            "story_state",
            ["story_id", "vector_sum", "actor_ids", "actor_weights", "days", "central_id", "activity",
             "term_ids", "term_weights", "weekdays"],
            [
                (s.id, s.vector_sum.tolist(), list(s.actor_sum), list(s.actor_sum.values()), s.days, s.central_id,
                 s.activity, list(s.term_sum), list(s.term_sum.values()), s.weekdays)
                for s in stories
            ],
        )

    def story_states(self) -> list[StoryState]:
        """The stored stories, ready for assignment to resume (members load on demand)."""
        rows = self.con.execute(
            """SELECT s.story_id, s.vector_sum, s.actor_ids, s.actor_weights, s.days, s.central_id, s.activity,
                      s.term_ids, s.term_weights, s.weekdays, t.title, t.article_ids
               FROM story_state s JOIN stories t ON t.id = s.story_id ORDER BY s.story_id"""
        ).fetchall()
        return [
            StoryState(
                id=story_id, vector_sum=np.asarray(vector, dtype=np.float32),
                actor_sum=dict(zip(actor_ids or [], actor_weights or [])), article_ids=list(article_ids),
                days=list(days or []), title=title, central_id=central_id, activity=activity,
                term_sum=dict(zip(term_ids or [], term_weights or [])), weekdays=list(weekdays),
            )
            for story_id, vector, actor_ids, actor_weights, days, central_id, activity, term_ids, term_weights, weekdays,
            title, article_ids in rows
        ]

    def story_members(self, story_id: str) -> dict[str, tuple[str | None, np.ndarray]]:
        """{article id: (title, vector)} of one stored story's articles."""
        rows = self.con.execute(
            """SELECT sa.article_id, a.title, v.vector FROM story_articles sa
               JOIN articles a ON a.id = sa.article_id JOIN article_vectors v ON v.article_id = sa.article_id
               WHERE sa.story_id = ? ORDER BY sa.article_id""",
            [story_id],
        ).fetchall()
        return {article_id: (title, np.asarray(vector, dtype=np.float32)) for article_id, title, vector in rows}

    def _upsert_actors(self, actors: Iterable[Actor]) -> None:
        rows = [_row(a) for a in actors]
        if rows:
            ids = [r[0] for r in rows]
            self.con.execute("DELETE FROM actors WHERE list_contains(?, id)", [ids])
            self._insert("actors", _columns(Actor), rows)


def _claim(row: tuple) -> Claim:
    claim = Claim(*row)
    claim.mentions = [ClaimMention(**mention) for mention in claim.mentions]
    return claim


def _row(record) -> tuple:
    return tuple(getattr(record, name) for name in _columns(type(record)))
