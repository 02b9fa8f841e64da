"""Command-line inputs: files, folders and glob patterns (expanded here, not by the shell, so
patterns work quoted, on Windows, and beyond the shell's argument-length limit)."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["expand_paths", "is_pattern"]

_MAGIC = frozenset("*?[")


def is_pattern(path: str | Path) -> bool:
    text = str(path)
    return any(char in _MAGIC for char in text) and not Path(text).exists()


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each path as given, or the files a pattern matches (sorted; ``**`` recursive). A pattern
    matching nothing is passed on as is, so that the reader reports it missing."""
    for path in paths:
        if not is_pattern(path):
            yield Path(path)
            continue
        matches = sorted(glob.iglob(str(path), recursive=True))
        if not matches:
            yield Path(path)
        yield from (Path(m) for m in matches)
