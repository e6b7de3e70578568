"""The DuckDB store: atomic batches, idempotence, export formats, read-only SQL."""

import json

import duckdb
import numpy as np
import pytest

from newsprism.ingest.dedup import fingerprint
from newsprism.records import Actor, Article, ArticleAnalysis, ErrorRecord, HeadlineReading, Mention, Predication, Quantity
from newsprism.store import Store, StoreError
from newsprism.store.export import ExportError, export


def article(n: int) -> Article:
    return Article(id=f"a{n}", source=f"f{n}.txt", text=f"Text number {n} about the port.", title=f"T{n}",
                   authors=["Ana Ruiz"] if n % 2 else [], word_count=6)


def save(store: Store, n: int, **extra) -> None:
    a = article(n)
    mention = Mention(a.id, "peru", "Peru", 0, 4, "GPE")
    store.save([a], [fingerprint(a.text)], [ArticleAnalysis(a.id, [mention], [])],
               [Actor("peru", "Peru", "country", "PER", aliases=["Peru"])], **extra)


def test_failed_batch_leaves_earlier_data_untouched(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        save(store, 1)
        with pytest.raises(duckdb.Error):
            save(store, 1)  # same primary key: the whole batch must roll back
        assert store.counts()["articles"] == 1 and store.counts()["mentions"] == 1


def test_errors_are_stored_once(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        for _ in range(2):
            store.save(errors=[ErrorRecord("bad.txt", "ingest", "empty file")])
        assert store.counts()["errors"] == 1


def test_actor_upsert_replaces_the_row(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.save(actors=[Actor("peru", "Peru", "country", "PER", aliases=["Peru"])])
        store.save(actors=[Actor("peru", "Peru", "country", "PER", aliases=["Peru", "Peruvian"])])
        assert store.actors()["peru"].aliases == ["Peru", "Peruvian"]


def test_stored_fingerprints_finds_near_duplicates(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        text = " ".join(f"sentence {i} about the flood barrier and the city council vote" for i in range(30))
        a = Article(id="x", source="x", text=text)
        store.save([a], [fingerprint(text)])
        found = store.stored_fingerprints([fingerprint(text + " one more line at the end")])
        assert [aid for aid, _ in found] == ["x"]
        assert store.stored_fingerprints([fingerprint("nothing in common with anything stored")]) == []


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_one_file_per_table(tmp_path, fmt):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        save(store, 1)
        save(store, 2)
    with Store(db, read_only=True) as store:
        written = export(store, fmt, tmp_path / "out")
        assert {p.name for p in written} >= {f"articles.{fmt}", f"actors.{fmt}", f"errors.{fmt}"}
        check = duckdb.connect()
        reader = {"jsonl": "read_json_auto", "csv": "read_csv_auto", "parquet": "read_parquet"}[fmt]
        rows = check.execute(f"SELECT id, authors FROM {reader}('{tmp_path / 'out' / f'articles.{fmt}'}') ORDER BY id").fetchall()
        assert [r[0] for r in rows] == ["a1", "a2"]
        authors = rows[0][1] if fmt != "csv" else json.loads(rows[0][1])
        assert list(authors) == ["Ana Ruiz"]


def test_export_json_is_one_object_keyed_by_table(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        save(store, 1)
    with Store(db, read_only=True) as store:
        [path] = export(store, "json", tmp_path / "all.json")
    data = json.loads(path.read_text())
    for table in ("articles", "actors", "quotes", "attributions", "events", "quantities", "stories", "claims",
                  "framings", "citations", "errors"):
        assert isinstance(data[table], list)
    assert data["articles"][0]["authors"] == ["Ana Ruiz"] and data["actors"][0]["id"] == "peru"


def test_export_rejects_unknown_table(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    with Store(db, read_only=True) as store, pytest.raises(ExportError, match="unknown table"):
        export(store, "json", tmp_path / "x.json", ["nope"])


def test_sandboxed_store_cannot_write_or_read_files(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        save(store, 1)
    with Store(db, read_only=True, sandboxed=True) as store:
        for sql in ["DELETE FROM articles", f"COPY articles TO '{tmp_path / 'leak.csv'}'",
                    "SELECT * FROM read_csv_auto('/etc/passwd')", "SET enable_external_access = true"]:
            with pytest.raises(duckdb.Error):
                store.con.execute(sql)
        assert store.counts()["articles"] == 1


def test_read_only_store_needs_an_existing_file(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_database_of_another_schema_version_is_refused(tmp_path):
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        save(store, 1)
        store.con.execute("UPDATE newsprism_meta SET value = '1' WHERE key = 'schema'")
    with pytest.raises(StoreError, match="another version of newsprism"):
        Store(db)
    with Store(db, read_only=True) as store:  # still readable
        assert store.counts()["articles"] == 1


def test_a_schema_10_database_is_refused_with_both_versions_named(tmp_path):
    """Schema 10 added events.trigger_start (the trigger word's offset); 11 claims.statement."""
    db = tmp_path / "v10.duckdb"
    with Store(db) as store:
        save(store, 1)
        store.con.execute("UPDATE newsprism_meta SET value = '10' WHERE key = 'schema'")
    with pytest.raises(StoreError, match=r"schema 10, this one writes 11"):
        Store(db)


def test_a_headline_reading_round_trips_and_an_untitled_article_has_none(tmp_path):
    titled, untitled = article(1), article(2)
    reading = HeadlineReading(titled.id, negated=True, hedged=False, question=True)
    with Store(tmp_path / "s.duckdb") as store:
        store.save([titled, untitled], [fingerprint(titled.text), fingerprint(untitled.text)],
                   [ArticleAnalysis(titled.id, headline=reading), ArticleAnalysis(untitled.id)], [])
        stored = store.analyses_of([titled.id, untitled.id])
    assert stored[titled.id].headline == reading
    assert stored[untitled.id].headline is None


def test_a_predication_keeps_the_quantity_it_counts_its_doer_and_its_doubt(tmp_path):
    a = article(1)
    count = Quantity(f"{a.id}:n0", a.id, 12.0, "people", None, "12 people", 10, 12)
    said = Predication(f"{a.id}:p0", a.id, "approve", "proposal", "asserted", "actual", "approved", 0, 8,
                       count=12.0, counted="people", quantity_id=count.id, agent="city council",
                       patient_words="pension plan", hedged=True)
    with Store(tmp_path / "s.duckdb") as store:
        store.save([a], [fingerprint(a.text)], [ArticleAnalysis(a.id, quantities=[count], predications=[said])], [])
        [stored] = store.analyses_of([a.id])[a.id].predications
    assert stored == said


def test_text_vectors_round_trip_at_int8_precision(tmp_path):
    vectors = {2**64 - 1: np.array([1.0, -1.0, 0.0, 0.5, -0.004], dtype=np.float32), 7: np.full(384, 0.25, np.float32)}
    with Store(tmp_path / "s.duckdb") as store:
        store.save_text_vectors(vectors)
        store.save_text_vectors({7: np.zeros(384, np.float32)})  # a key already stored keeps its vector
        store.save_text_vectors({})
        stored = store.text_vectors([7, 2**64 - 1, 8])
        rows = dict(store.con.execute("SELECT key, vector FROM text_vectors").fetchall())
    assert rows[2**64 - 1] == [127, -127, 0, 64, -1]
    assert rows[7] == [32] * 384
    assert sorted(stored) == [7, 2**64 - 1]
    assert np.allclose(stored[2**64 - 1], [1.0, -1.0, 0.0, 64 / 127, -1 / 127])
