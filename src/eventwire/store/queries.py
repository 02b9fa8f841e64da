"""Reading events back: filters become bound parameters, never SQL text built from input."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

__all__ = ["EVENT_COLUMNS", "EventFilter", "event_clauses", "query_events"]

EVENT_COLUMNS: tuple[str, ...] = (
    "article_id", "event_index", "published", "type", "mode", "aux", "asserted",
    "actor_countries", "actor_names", "recipient_countries", "recipient_names",
    "date_start", "date_end", "date_precision", "location_name", "location_country",
    "attribution_kind", "cameo", "goldstein", "quad_class", "evidence", "pattern",
)


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # ISO3 in actor_countries
    recipient: str | None = None
    type: str | None = None
    since: dt.date | None = None  # event date, else publication date, on or after
    until: dt.date | None = None
    include_unasserted: bool = False
    limit: int | None = None


def event_clauses(flt: EventFilter) -> tuple[list[str], list[Any]]:
    """WHERE clauses over ``events e`` for ``flt`` and their parameters (the web's richer
    filters add theirs to these)."""
    where: list[str] = []
    params: list[Any] = []
    if not flt.include_unasserted:
        where.append("e.asserted")
    if flt.actor:
        where.append("list_contains(e.actor_countries, ?)")
        params.append(flt.actor.upper())
    if flt.recipient:
        where.append("list_contains(e.recipient_countries, ?)")
        params.append(flt.recipient.upper())
    if flt.type:
        where.append("e.type = ?")
        params.append(flt.type.upper())
    if flt.since:
        where.append("e.event_date_end >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("e.event_date <= ?")
        params.append(flt.until)
    return where, params


def query_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> list[dict[str, Any]]:
    where, params = event_clauses(flt)
    event_cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS if c != "published")
    # Filter (and limit) the events first, then look up only their articles' dates: joining
    # every event to its article costs seconds on ten million events (bench/queries.py).
    sql = f"WITH f AS MATERIALIZED (SELECT {event_cols}, e.event_date FROM events e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.event_date, e.article_id, e.event_index"
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(int(flt.limit))
    cols = ", ".join("p.published" if c == "published" else f"f.{c}" for c in EVENT_COLUMNS)
    sql += (
        "), p AS MATERIALIZED (SELECT id, published FROM articles "
        "WHERE id IN (SELECT article_id FROM f)) "
        f"SELECT {cols} FROM f JOIN p ON p.id = f.article_id "
        "ORDER BY f.event_date, f.article_id, f.event_index"
    )
    rows = con.execute(sql, params).fetchall()
    return [dict(zip(EVENT_COLUMNS, row, strict=True)) for row in rows]
