"""Writing coded articles to DuckDB, idempotently: an article id is stored once.

Re-coding an article replaces its rows in one transaction, so a crash never leaves half an
article behind and a rerun never duplicates one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from eventwire import __version__
from eventwire.coding import CodedArticle
from eventwire.model import Entity

__all__ = ["Store", "open_store"]

ARTICLE_TABLES = ("events", "entities", "quotes", "sources", "dates", "places", "quantities")


def _schema_sql() -> str:
    return resources.files("eventwire.store").joinpath("schema.sql").read_text(encoding="utf-8")


def _countries(entities: Sequence[Entity]) -> list[str]:
    return sorted({e.country for e in entities if e.country})


def _names(entities: Sequence[Entity]) -> list[str]:
    return [e.name or e.text for e in entities]


def _sectors(entities: Sequence[Entity]) -> list[str]:
    return sorted({e.sector for e in entities if e.sector})


class Store:
    """A DuckDB database of coded articles."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection
        connection.execute(_schema_sql())

    def has_article(self, article_id: str) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return row is not None

    def write(self, coded: CodedArticle) -> None:
        """Store one coded article, replacing an earlier coding of the same id."""
        con = self.connection
        aid = coded.article.id
        con.execute("BEGIN TRANSACTION")
        try:
            for table in ARTICLE_TABLES:
                con.execute(f"DELETE FROM {table} WHERE article_id = ?", [aid])
            con.execute("DELETE FROM articles WHERE id = ?", [aid])
            self._insert(coded)
            if coded.article.source_path:
                con.execute("DELETE FROM failures WHERE source = ?", [coded.article.source_path])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def record_failure(self, source: str, reason: str) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO failures VALUES (?, ?, ?)",
            [source, reason, dt.datetime.now(dt.UTC).replace(tzinfo=None)],
        )

    def failures(self) -> list[tuple[str, str]]:
        rows = self.connection.execute(
            "SELECT source, reason FROM failures ORDER BY source"
        ).fetchall()
        return [(str(s), str(r)) for s, r in rows]

    def _insert(self, coded: CodedArticle) -> None:
        con = self.connection
        a = coded.article
        aid = a.id
        con.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [aid, a.title, a.published, a.outlet, a.byline, a.url, a.source_path, a.text,
             dt.datetime.now(dt.UTC).replace(tzinfo=None), __version__],
        )
        event_rows: list[list[Any]] = []
        for i, ev in enumerate(coded.events):
            d, loc, att = ev.date, ev.location, ev.attribution
            event_rows.append([
                aid, i, ev.type, ev.mode, list(ev.context), list(ev.aux), ev.asserted,
                _countries(ev.actor), _countries(ev.recipient),
                _names(ev.actor), _names(ev.recipient),
                _sectors(ev.actor), _sectors(ev.recipient),
                d.start if d else None, d.end if d else None, d.precision if d else None,
                loc.name if loc else None, loc.country if loc else None,
                loc.lat if loc else None, loc.lon if loc else None,
                ev.evidence.text, ev.evidence.start, ev.evidence.end,
                ev.trigger.text, ev.trigger.start, ev.trigger.end,
                att.kind if att else None, att.text if att else None,
                att.count if att else None,
                ev.cameo, ev.goldstein, ev.quad_class, ev.pattern_id, ev.responds_to,
            ])
        self._many("events", event_rows)
        self._many("entities", [
            [aid, i, e.text, e.start, e.end, e.name, e.country, e.sector, e.role, e.kind]
            for i, e in enumerate(coded.entities)
        ])
        self._many("quotes", [
            [aid, i, q.text, q.start, q.end,
             (q.speaker.name or q.speaker.text) if q.speaker else None,
             q.speaker.country if q.speaker else None,
             q.speaker.sector if q.speaker else None,
             q.speaker.role if q.speaker else None]
            for i, q in enumerate(coded.quotes)
        ])
        self._many("sources", [
            [aid, i, s.kind, s.text, s.start, s.end, s.count, s.country]
            for i, s in enumerate(coded.sources)
        ])
        self._many("dates", [
            [aid, i, m.text, m.start, m.end, m.kind,
             m.value.start if m.value else None, m.value.end if m.value else None,
             m.value.precision if m.value else None]
            for i, m in enumerate(coded.dates)
        ])
        self._many("places", [
            [aid, i, p.text, p.start, p.end, p.name, p.country, p.kind, p.lat, p.lon]
            for i, p in enumerate(coded.places)
        ])
        self._many("quantities", [
            [aid, i, q.text, q.start, q.end, q.value, q.unit, q.kind]
            for i, q in enumerate(coded.quantities)
        ])

    def _many(self, table: str, rows: list[list[Any]]) -> None:
        if not rows:
            return
        marks = ", ".join("?" * len(rows[0]))
        self.connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    def close(self) -> None:
        self.connection.close()


@contextmanager
def open_store(path: str | Path, *, read_only: bool = False) -> Iterator[Store]:
    """Open (creating when needed) the database at ``path``."""
    if read_only:
        con = duckdb.connect(str(path), read_only=True)
        store = Store.__new__(Store)
        store.connection = con
    else:
        store = Store(duckdb.connect(str(path)))
    try:
        yield store
    finally:
        store.close()
