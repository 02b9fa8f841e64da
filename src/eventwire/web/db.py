"""One DuckDB connection per request, via a FastAPI dependency.

Routes only ask for ``Depends(connection)``, so a later change (a pool, a shared read-only
instance) replaces this function and nothing else. A read-only server opens the file read-only,
so an `eventwire ingest` in another process is never blocked by a browser tab.
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
from fastapi import HTTPException, Request

from eventwire.web.settings import Settings

__all__ = ["connection", "settings_of"]


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    settings = settings_of(request)
    try:
        con = duckdb.connect(str(settings.db_path), read_only=not settings.writable)
    except duckdb.Error as exc:
        # Typically another process holds the write lock (an ingest in progress).
        raise HTTPException(503, f"database unavailable: {type(exc).__name__}") from exc
    try:
        yield con
    finally:
        con.close()
