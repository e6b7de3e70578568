"""Turn the user's inputs (files, folders, globs, `-`) into a list of sources."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json", ".warc", ".warc.gz")
STDIN = "-"


@dataclass(slots=True, frozen=True)
class Source:
    name: str  # what error rows and the articles' `source` field show
    path: Path | None  # None for standard input


def format_of(name: str) -> str | None:
    lowered = name.lower()
    for suffix in sorted(ARTICLE_SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return {".htm": "html", ".warc.gz": "warc"}.get(suffix, suffix[1:])
    return None


def expand_inputs(inputs: list[str]) -> tuple[list[Source], list[tuple[str, str]]]:
    """Return the sources to read and (input, problem) pairs for inputs that name nothing.

    Folders are walked recursively for files with a known suffix; a file named
    explicitly is always read, whatever its suffix (its format is then sniffed).
    """
    sources: list[Source] = []
    problems: list[tuple[str, str]] = []
    for item in inputs:
        if item == STDIN:
            sources.append(Source("<stdin>", None))
        elif os.path.isdir(item):
            sources.extend(_walk(Path(item)))
        elif os.path.isfile(item):
            sources.append(Source(item, Path(item)))
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            files = [Source(m, Path(m)) for m in matches if os.path.isfile(m)]
            if files:
                sources.extend(files)
            else:
                problems.append((item, "the pattern matches no file"))
        else:
            problems.append((item, "no such file or folder"))
    return _unique(sources), problems


def _walk(folder: Path) -> list[Source]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if format_of(name) and not name.startswith("."):
                path = Path(root) / name
                found.append(Source(str(path), path))
    return found


def _unique(sources: list[Source]) -> list[Source]:
    seen: set[str] = set()
    unique = []
    for source in sources:
        key = str(source.path.resolve()) if source.path else source.name
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique
