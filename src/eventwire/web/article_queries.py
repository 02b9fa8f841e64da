"""Reading articles: a filtered list with a total, and one article with all it was coded with."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from eventwire.web.event_queries import (
    ARTICLE_SUMMARY_SQL,
    article_events,
    article_summary,
    rows_as,
)
from eventwire.web.filters import like_pattern
from eventwire.web.models import (
    ArticleDetail,
    ArticlePage,
    ArticleSummary,
    DateItem,
    EntityItem,
    PlaceItem,
    QuantityItem,
    QuoteItem,
    SourceItem,
)

__all__ = ["article_detail", "list_articles"]

#: per table: its rows' SELECT list (fixed text, never from input) and the model of a row
_PARTS: dict[str, tuple[str, type[Any]]] = {
    "entities": ("entity_index, text, start, \"end\", name, country, sector, role, kind",
                 EntityItem),
    "quotes": (("quote_index, text, start, \"end\", speaker, speaker_country, speaker_sector, "
                "speaker_role"), QuoteItem),
    "sources": ("source_index, kind, text, start, \"end\", count, country", SourceItem),
    "dates": ("date_index, text, start, \"end\", kind, value_start, value_end, precision",
              DateItem),
    "places": ("place_index, text, start, \"end\", name, country, kind, lat, lon", PlaceItem),
    "quantities": ("quantity_index, text, start, \"end\", value, unit, kind", QuantityItem),
}


def list_articles(
    con: duckdb.DuckDBPyConnection, *, q: str | None, outlet: str | None,
    since: dt.date | None, until: dt.date | None, limit: int, offset: int,
) -> ArticlePage:
    clauses: list[str] = []
    params: list[Any] = []
    if q:
        clauses.append("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')")
        params.extend([like_pattern(q)] * 2)
    if outlet:
        clauses.append("lower(a.outlet) = lower(?)")
        params.append(outlet)
    if since:
        clauses.append("a.published >= ?")
        params.append(since)
    if until:
        clauses.append("a.published <= ?")
        params.append(until)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    total = con.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()
    rows = rows_as(con.execute(
        f"{ARTICLE_SUMMARY_SQL}{where} ORDER BY a.published DESC NULLS LAST, a.id "
        "LIMIT ? OFFSET ?", [*params, limit, offset]))
    return ArticlePage(total=int(total[0]) if total else 0, limit=limit, offset=offset,
                       items=[ArticleSummary.model_validate(r) for r in rows])


def article_detail(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleDetail | None:
    summary = article_summary(con, article_id)
    row = con.execute("SELECT text, coder_version FROM articles WHERE id = ?",
                      [article_id]).fetchone()
    if summary is None or row is None:
        return None
    parts: dict[str, list[Any]] = {}
    for table, (columns, model) in _PARTS.items():
        # `table` and `columns` come from the constant above, never from the request.
        found = rows_as(con.execute(
            f"SELECT {columns} FROM {table} WHERE article_id = ? ORDER BY start",
            [article_id]))
        parts[table] = [model.model_validate(r) for r in found]
    return ArticleDetail.model_validate({
        **summary.model_dump(), "text": str(row[0]), "coder_version": str(row[1]),
        "event_items": article_events(con, article_id), **parts,
    })
