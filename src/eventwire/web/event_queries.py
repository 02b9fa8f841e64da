"""Reading events (lists with a total, one event with its evidence) for the API."""

from __future__ import annotations

from typing import Any

import duckdb

from eventwire.web.filters import EVENT_DAY, EventQuery
from eventwire.web.models import (
    ArticleSummary,
    EventDetail,
    EventItem,
    EventPage,
    Mention,
    Span,
)

__all__ = [
    "ARTICLE_SUMMARY_SQL", "EVENT_SELECT", "article_events", "article_summary", "event_detail",
    "list_events", "rows_as",
]

_EVENT_COLUMNS = tuple(
    name for name in EventItem.model_fields if name not in ("title", "outlet", "published")
)
EVENT_SELECT = (
    "SELECT a.title, a.outlet, a.published, "
    + ", ".join(f"e.{c}" for c in _EVENT_COLUMNS)
    + " FROM events e JOIN articles a ON a.id = e.article_id"
)
_FIELDS = ("title", "outlet", "published", *_EVENT_COLUMNS)

ARTICLE_SUMMARY_SQL = (
    "SELECT a.id, a.title, a.published, a.outlet, a.byline, a.url, "
    "(SELECT count(*) FROM events x WHERE x.article_id = a.id AND x.asserted) AS events "
    "FROM articles a"
)
_ARTICLE_FIELDS = tuple(ArticleSummary.model_fields)


def rows_as(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _events(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[EventItem]:
    rows = con.execute(sql, params).fetchall()
    return [EventItem.model_validate(dict(zip(_FIELDS, row, strict=True))) for row in rows]


def list_events(
    con: duckdb.DuckDBPyConnection, query: EventQuery, limit: int, offset: int
) -> EventPage:
    where, params = query.where()
    total_row = con.execute(
        f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id{where}", params
    ).fetchone()
    items = _events(
        con,
        f"{EVENT_SELECT}{where} ORDER BY {EVENT_DAY} DESC NULLS LAST, e.article_id, "
        "e.event_index LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return EventPage(total=int(total_row[0]) if total_row else 0, limit=limit, offset=offset,
                     items=items)


def article_events(con: duckdb.DuckDBPyConnection, article_id: str) -> list[EventItem]:
    return _events(con, f"{EVENT_SELECT} WHERE e.article_id = ? ORDER BY e.event_index",
                   [article_id])


def article_summary(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleSummary | None:
    row = con.execute(f"{ARTICLE_SUMMARY_SQL} WHERE a.id = ?", [article_id]).fetchone()
    if row is None:
        return None
    return ArticleSummary.model_validate(dict(zip(_ARTICLE_FIELDS, row, strict=True)))


def event_detail(
    con: duckdb.DuckDBPyConnection, article_id: str, event_index: int
) -> EventDetail | None:
    found = _events(con, f"{EVENT_SELECT} WHERE e.article_id = ? AND e.event_index = ?",
                    [article_id, event_index])
    summary = article_summary(con, article_id)
    if not found or summary is None:
        return None
    event = found[0]
    text_row = con.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    text = str(text_row[0]) if text_row else ""
    # The store keeps participants by name, so their mentions are found back by name.
    entities = rows_as(con.execute(
        "SELECT entity_index, text, start, \"end\", name, country, sector, role, kind "
        "FROM entities WHERE article_id = ? ORDER BY start", [article_id]))
    mentions: list[Mention] = []
    for entity in entities:
        label = entity["name"] or entity["text"]
        for side, names in (("actor", event.actor_names), ("recipient", event.recipient_names)):
            if label in names:
                mentions.append(Mention(side=side, **entity))
    trigger = None
    if event.trigger is not None and event.trigger_start is not None \
            and event.trigger_end is not None:
        trigger = Span(text=event.trigger, start=event.trigger_start, end=event.trigger_end)
    return EventDetail(
        event=event, article=summary, text=text,
        evidence=Span(text=event.evidence, start=event.evidence_start, end=event.evidence_end),
        trigger=trigger, mentions=mentions,
    )
