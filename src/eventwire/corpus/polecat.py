"""Events as PLOVER JSON Lines records with the POLECAT field names.

POLECAT, the PLOVER-coded successor of ICEWS, publishes these columns: Event ID, Event Date,
Event Type, Event Mode, Event Intensity, Quad Code, Contexts, Actor Name, Actor Country, Actor
COW, Primary Actor Sector, Actor Sectors, Actor Title, Actor Name Raw, Wikipedia Actor ID,
Recipient ... (the same for the recipient), Placename, City, District, Province, Country,
Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type, Source, Publication Date, Story
People, Story Organizations, Story Locations, Language, Version (header of the POLECAT release
files, as quoted in stored public code). The JSON form uses them in snake case, as the NGEC coder
that produced POLECAT writes its records (ahalterman/NGEC, NGEC/formatter.py: ``event_type``,
``event_mode``, ``event_text``, ``story_id``, ``pub_date``). Multi-valued fields are lists;
fields eventwire does not code (COW codes, titles, Wikipedia ids, GeoNames ids) are left out
rather than filled with nulls. ``event_intensity`` carries the Goldstein score, the scale
eventwire has. eventwire adds ``cameo``, ``date_end``, ``date_precision``, ``url`` and the
GDELT-style counts ``num_mentions``, ``num_articles``, ``num_sources``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import duckdb

from eventwire.corpus.source import EventScope, scoped_events_sql

__all__ = ["POLECAT_FIELDS", "polecat_records", "write_polecat"]

POLECAT_FIELDS: tuple[str, ...] = (
    "event_id", "event_date", "event_type", "event_mode", "event_intensity", "quad_code",
    "contexts", "actor_name", "actor_country", "primary_actor_sector", "actor_sectors",
    "recipient_name", "recipient_country", "primary_recipient_sector", "recipient_sectors",
    "placename", "country", "latitude", "longitude", "source", "publication_date", "story_id",
    "event_text", "language", "version",
    "cameo", "date_end", "date_precision", "url", "num_mentions", "num_articles", "num_sources",
)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _record(r: Mapping[str, Any]) -> dict[str, Any]:
    actor_sectors = list(r["actor_sectors"] or [])
    recipient_sectors = list(r["recipient_sectors"] or [])
    values = (
        r["event_id"], _iso(r["event_date"]), r["type"], r["mode"], r["goldstein"],
        r["quad_class"], list(r["context"] or []),
        list(r["actor_names"] or []), list(r["actor_countries"] or []),
        actor_sectors[0] if actor_sectors else None, actor_sectors,
        list(r["recipient_names"] or []), list(r["recipient_countries"] or []),
        recipient_sectors[0] if recipient_sectors else None, recipient_sectors,
        r["location_name"], r["location_country"], r["lat"], r["lon"], r["outlet"],
        _iso(r["published"]), r["article_id"], r["evidence"], "en", r["coder_version"],
        r["cameo"], _iso(r["date_end"]), r["date_precision"], r["url"], r["num_mentions"],
        r["num_articles"], r["num_sources"],
    )
    return dict(zip(POLECAT_FIELDS, values, strict=True))


def polecat_records(
    con: duckdb.DuckDBPyConnection, scope: EventScope
) -> Iterator[dict[str, Any]]:
    sql, params = scoped_events_sql(con, scope)
    cur = con.execute(f"{sql} ORDER BY event_date NULLS LAST, event_id", params)
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(10_000):
        for row in batch:
            yield _record(dict(zip(names, row, strict=True)))


def write_polecat(con: duckdb.DuckDBPyConnection, scope: EventScope, path: Path) -> int:
    """Write JSON Lines (one event per line); returns the number of records."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for record in polecat_records(con, scope):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
