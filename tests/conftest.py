"""Databases analysed once per test session, by the real command line: the bundled
sample corpus (through `newsprism demo`) and ../shared/seeds (through `newsprism analyze`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "newsprism" / "samples"


def newsprism(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=300
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
