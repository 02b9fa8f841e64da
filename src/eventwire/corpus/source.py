"""One relation of asserted events for the corpus tools, per article or deduplicated.

Dyad series and exports read the same columns whether they count every article's mention
(``unique=False``: each event stands alone, its counts are 1) or the unique events built by
`eventwire.corpus.dedup` (``unique=True``). Filters become bound parameters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

from eventwire.errors import EventwireError

__all__ = [
    "EventScope", "NotDeduplicated", "counting_sql", "has_unique_events", "scoped_events",
    "scoped_events_sql",
]

# The first paragraph ends at the first blank line (ingest separates paragraphs so); GDELT's
# IsRootEvent marks events of the lead.
_LEAD_END = "coalesce(nullif(strpos(a.text, chr(10) || chr(10)), 0), length(a.text) + 1)"

_PER_ARTICLE = f"""
SELECT e.article_id || ':' || e.event_index AS event_id, e.article_id, e.event_index, e.type,
       e.mode, e.context, e.actor_countries, e.recipient_countries, e.actor_names,
       e.recipient_names, e.actor_sectors, e.recipient_sectors, e.date_start, e.date_end,
       e.date_precision, e.event_date, e.location_name,
       e.location_country, e.lat, e.lon, e.evidence, e.cameo, e.goldstein, e.quad_class,
       1 AS num_mentions, 1 AS num_articles, 1 AS num_sources, a.published, a.outlet, a.url,
       a.title, a.coded_at AS added_at, a.coder_version,
       e.evidence_start < {_LEAD_END} AS in_lead
FROM events e JOIN articles a ON a.id = e.article_id
WHERE e.asserted
"""

_UNIQUE = f"""
SELECT u.id AS event_id, u.article_id, u.event_index, u.type, u.mode, u.context,
       u.actor_countries, u.recipient_countries, u.actor_names, u.recipient_names,
       u.actor_sectors, u.recipient_sectors, u.date_start, u.date_end, u.date_precision,
       coalesce(u.date_start, u.first_seen) AS event_date, u.location_name, u.location_country,
       u.lat, u.lon, u.evidence, u.cameo, u.goldstein, u.quad_class, u.num_mentions,
       u.num_articles, u.num_sources, a.published, a.outlet, a.url, a.title,
       u.updated_at AS added_at, a.coder_version, e.evidence_start < {_LEAD_END} AS in_lead
FROM unique_events u
JOIN articles a ON a.id = u.article_id
JOIN events e ON e.article_id = u.article_id AND e.event_index = u.event_index
"""


class NotDeduplicated(EventwireError):
    """Unique events were asked for but the store has never been deduplicated."""


@dataclass(frozen=True)
class EventScope:
    actor: str | None = None  # ISO3 in actor_countries
    recipient: str | None = None  # ISO3 in recipient_countries
    since: dt.date | None = None  # event date (else publication date) on or after
    until: dt.date | None = None
    unique: bool = False


def has_unique_events(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'unique_events'"
    ).fetchone()
    if not row or not row[0]:
        return False
    filled = con.execute("SELECT count(*) > 0 FROM unique_events").fetchone()
    return bool(filled and filled[0])


def _country_filters(scope: EventScope) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if scope.actor:
        where.append("list_contains(actor_countries, ?)")
        params.append(scope.actor.upper())
    if scope.recipient:
        where.append("list_contains(recipient_countries, ?)")
        params.append(scope.recipient.upper())
    return where, params


def counting_sql(
    con: duckdb.DuckDBPyConnection, scope: EventScope
) -> tuple[str, list[Any]]:
    """Lean SQL for counting: event_date, type, quad_class, goldstein, num_mentions.

    Events carry their effective date (``event_date``: their own, else the publication date),
    so counting never joins the articles table.
    """
    if scope.unique and not has_unique_events(con):
        raise NotDeduplicated("the database has no unique events: run `eventwire dedup` first")
    where, params = _country_filters(scope)
    if scope.unique:
        sql = ("SELECT coalesce(date_start, first_seen) AS event_date, type, quad_class, "
               "goldstein, num_mentions FROM unique_events")
        if where:
            sql += " WHERE " + " AND ".join(where)
    else:
        sql = ("SELECT event_date, type, quad_class, goldstein, 1 AS num_mentions FROM events "
               "WHERE " + " AND ".join(["asserted", *where]))
    dated: list[str] = []
    if scope.since:
        dated.append("event_date >= ?")
        params.append(scope.since)
    if scope.until:
        dated.append("event_date <= ?")
        params.append(scope.until)
    if dated:
        sql = f"SELECT * FROM ({sql}) c WHERE " + " AND ".join(dated)
    return sql, params


def scoped_events_sql(
    con: duckdb.DuckDBPyConnection, scope: EventScope
) -> tuple[str, list[Any]]:
    """SQL (and its parameters) selecting the asserted events in ``scope``."""
    if scope.unique and not has_unique_events(con):
        raise NotDeduplicated("the database has no unique events: run `eventwire dedup` first")
    where, params = _country_filters(scope)
    if scope.since:
        where.append("event_date >= ?")
        params.append(scope.since)
    if scope.until:
        where.append("event_date <= ?")
        params.append(scope.until)
    sql = f"SELECT * FROM ({_UNIQUE if scope.unique else _PER_ARTICLE}) ev"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, params


def scoped_events(
    con: duckdb.DuckDBPyConnection, scope: EventScope, limit: int | None = None
) -> list[dict[str, Any]]:
    """The events in ``scope`` as dicts (column -> value), oldest first; e.g. for the web API."""
    sql, params = scoped_events_sql(con, scope)
    sql += " ORDER BY event_date NULLS LAST, event_id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
