"""The export formats behind `eventwire export`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from eventwire.corpus.gdelt import write_gdelt
from eventwire.corpus.parquet import write_parquet
from eventwire.corpus.polecat import write_polecat
from eventwire.corpus.source import EventScope
from eventwire.errors import EventwireError

__all__ = ["EXPORT_FORMATS", "export_events"]

_WRITERS: dict[str, Callable[[duckdb.DuckDBPyConnection, EventScope, Path], int]] = {
    "parquet": write_parquet,  # a folder of Hive partitions
    "gdelt": write_gdelt,  # one tab-separated file
    "plover": write_polecat,  # one JSON Lines file
}
EXPORT_FORMATS: tuple[str, ...] = tuple(_WRITERS)


def export_events(
    con: duckdb.DuckDBPyConnection, fmt: str, scope: EventScope, output: Path
) -> int:
    """Write the events in ``scope`` to ``output`` in format ``fmt``; returns how many."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise EventwireError(f"{fmt!r}: export format must be one of {', '.join(EXPORT_FORMATS)}")
    return writer(con, scope, output)
