"""What a store holds, row by row, to compare two runs that should have stored the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb


def store_snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row except the coding timestamps, in a fixed order."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": con.execute(
                "SELECT id, title, published, outlet, byline, url, source_path, text "
                "FROM articles ORDER BY id").fetchall(),
            "events": con.execute("SELECT * FROM events ORDER BY ALL").fetchall(),
            "entities": con.execute("SELECT * FROM entities ORDER BY ALL").fetchall(),
            "failures": con.execute("SELECT source, reason FROM failures ORDER BY ALL").fetchall(),
            # the columns a Parquet output keeps too, to compare with one
            "event_keys": con.execute(
                "SELECT article_id, event_index, type, evidence FROM events ORDER BY ALL"
            ).fetchall(),
        }
    finally:
        con.close()
