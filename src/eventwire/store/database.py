"""Writing coded articles to DuckDB, idempotently: an article id is stored once.

Re-coding an article replaces its rows in one transaction, so a crash never leaves half an
article behind and a rerun never duplicates one.

DuckDB lets one process hold a database file for writing and then locks every other process out,
readers included. ``open_store(path, windowed=True)`` therefore writes in short *windows*: the
file is opened for one article (or one ``store.window()`` block) and closed again, so the API's
read-only connections get in between. Both sides retry a lock conflict with a short backoff
(``connect_retrying``); see "Failure modes" in the README.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from eventwire import __version__
from eventwire.coding import CodedArticle
from eventwire.errors import EventwireError
from eventwire.model import Entity

__all__ = ["Store", "StoreBusy", "WindowedStore", "connect_retrying", "open_store"]

#: How long a writer waits for readers to let go of the file before giving up. Readers (API
#: requests) hold it for milliseconds; this only runs out if something holds it for good.
WRITE_WAIT_SECONDS = 60.0
_FIRST_DELAY = 0.005
_MAX_DELAY = 0.2

#: rows per INSERT statement (bounded so a statement's parameter list stays small)
INSERT_BLOCK_ROWS = 200

ARTICLE_TABLES = ("events", "entities", "quotes", "sources", "dates", "places", "quantities")


def _schema_sql() -> str:
    return resources.files("eventwire.store").joinpath("schema.sql").read_text(encoding="utf-8")


def _countries(entities: Sequence[Entity]) -> list[str]:
    return sorted({e.country for e in entities if e.country})


def _names(entities: Sequence[Entity]) -> list[str]:
    return [e.name or e.text for e in entities]


def _sectors(entities: Sequence[Entity]) -> list[str]:
    return sorted({e.sector for e in entities if e.sector})


class StoreBusy(EventwireError):
    """Another process kept the database file locked for longer than we were willing to wait."""


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def connect_retrying(
    path: str | Path, *, read_only: bool, wait: float
) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect``, retried with exponential backoff (5 ms to 200 ms) while another
    process holds the file's lock; raises StoreBusy naming the file after ``wait`` seconds."""
    deadline = time.monotonic() + wait
    delay = _FIRST_DELAY
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            if not _is_lock_conflict(exc):
                raise
            if time.monotonic() + delay > deadline:
                raise StoreBusy(f"{path}: database locked by another process "
                                f"(waited {wait:g} s)") from None
        time.sleep(delay)
        delay = min(delay * 2, _MAX_DELAY)


class Store:
    """A DuckDB database of coded articles."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection
        connection.execute(_schema_sql())

    @contextmanager
    def window(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection for a block of writes; a plain Store holds it all along, so this only
        matters for a WindowedStore (callers may use it on either)."""
        yield self.connection

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
                d.start if d else a.published, d.end if d else a.published,
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
        # One multi-row INSERT per block: DuckDB's executemany pays per row (~8x slower here).
        for first in range(0, len(rows), INSERT_BLOCK_ROWS):
            block = rows[first : first + INSERT_BLOCK_ROWS]
            row_marks = "(" + ", ".join("?" * len(block[0])) + ")"
            self.connection.execute(
                f"INSERT INTO {table} VALUES " + ", ".join([row_marks] * len(block)),
                [value for row in block for value in row],
            )

    def close(self) -> None:
        self.connection.close()


class WindowedStore(Store):
    """A Store that holds the file only while it writes.

    ``write`` and ``record_failure`` each open, commit and close the file unless a
    ``window()`` block is open, in which case they share its connection (one open per chunk).
    ``connection`` outside a window is a fresh connection that closes when the caller drops it
    (so ``store.connection.execute(...).fetchall()`` releases the lock at once).
    """

    def __init__(self, path: str | Path, *, wait: float = WRITE_WAIT_SECONDS) -> None:
        # Store.__init__ is not called: there is no lasting connection to give it.
        self.path = Path(path)
        self._wait = wait
        self._open: duckdb.DuckDBPyConnection | None = None
        with self.window() as con:
            con.execute(_schema_sql())

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:  # type: ignore[override]
        if self._open is not None:
            return self._open
        return connect_retrying(self.path, read_only=False, wait=self._wait)

    @contextmanager
    def window(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Hold the file open for the block (nested windows share the outer one)."""
        if self._open is not None:
            yield self._open
            return
        con = connect_retrying(self.path, read_only=False, wait=self._wait)
        self._open = con
        try:
            yield con
        finally:
            self._open = None
            con.close()

    def has_article(self, article_id: str) -> bool:
        with self.window():
            return super().has_article(article_id)

    def write(self, coded: CodedArticle) -> None:
        with self.window():
            super().write(coded)

    def record_failure(self, source: str, reason: str) -> None:
        with self.window():
            super().record_failure(source, reason)

    def failures(self) -> list[tuple[str, str]]:
        with self.window():
            return super().failures()

    def close(self) -> None:
        if self._open is not None:
            self._open.close()
            self._open = None


@contextmanager
def open_store(
    path: str | Path, *, read_only: bool = False, windowed: bool = False
) -> Iterator[Store]:
    """Open (creating when needed) the database at ``path``.

    ``windowed=True`` gives a WindowedStore, which lets other processes (the API) read between
    writes; use it for long ingests next to a running server.
    """
    if windowed and not read_only:
        windowed_store = WindowedStore(path)
        try:
            yield windowed_store
        finally:
            windowed_store.close()
        return
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
