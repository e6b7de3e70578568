"""Export the contract tables as json, jsonl, csv or parquet, written by DuckDB's COPY.

json is one file holding one object whose keys are the table names; the other
formats write one file per table into a folder.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Sequence

from newsprism.store import Store
from newsprism.store.schema import CONTRACT_TABLES, WORKING_TABLES

FORMATS = ("json", "jsonl", "csv", "parquet")
EXPORTABLE = CONTRACT_TABLES + WORKING_TABLES
_COPY_OPTIONS = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet"}


class ExportError(ValueError):
    pass


def export(store: Store, fmt: str, out: Path, tables: Sequence[str] = ()) -> list[Path]:
    tables = tuple(tables) or EXPORTABLE
    unknown = [t for t in tables if t not in EXPORTABLE]
    if unknown:
        raise ExportError(f"unknown table(s): {', '.join(unknown)}; choose from {', '.join(EXPORTABLE)}")
    if fmt == "json":
        return [_export_json_object(store, tables, out)]
    if fmt not in _COPY_OPTIONS:
        raise ExportError(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}")
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder ({fmt} writes one file per table into a folder)")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = out / f"{table}.{fmt}"
        _copy(store, table, path, _COPY_OPTIONS[fmt], flatten=fmt == "csv")
        written.append(path)
    return written


def _export_json_object(store: Store, tables: Sequence[str], out: Path) -> Path:
    with tempfile.TemporaryDirectory() as scratch, open(out, "w", encoding="utf-8") as sink:
        sink.write("{")
        for index, table in enumerate(tables):
            part = Path(scratch) / f"{table}.json"
            _copy(store, table, part, "FORMAT json, ARRAY true")
            sink.write(f'{"," if index else ""}\n"{table}": ')
            with open(part, encoding="utf-8") as source:
                shutil.copyfileobj(source, sink)
        sink.write("}\n")
    return out


def _copy(store: Store, table: str, path: Path, options: str, flatten: bool = False) -> None:
    select = _select_list(store, table, flatten)
    target = str(path).replace("'", "''")
    store.con.execute(f"COPY (SELECT {select} FROM \"{table}\") TO '{target}' ({options})")


def _select_list(store: Store, table: str, flatten: bool) -> str:
    """All columns; with `flatten`, lists and structs become JSON text (for CSV)."""
    columns = store.con.execute(f'DESCRIBE "{table}"').fetchall()
    parts = []
    for name, column_type, *_ in columns:
        nested = column_type.endswith("]") or column_type.startswith("STRUCT")
        parts.append(f'to_json("{name}")::VARCHAR AS "{name}"' if flatten and nested else f'"{name}"')
    return ", ".join(parts)
