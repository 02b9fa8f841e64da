"""One DuckDB connection per request, via a FastAPI dependency.

Routes only ask for ``Depends(connection)``, so a later change (a pool, a shared read-only
instance) replaces this function and nothing else. A read-only server opens the file read-only,
so an `eventwire ingest` in another process is never blocked by a browser tab.

DuckDB locks the whole file while another process writes; an ingest run with a windowed store
(``open_store(..., windowed=True)``) lets go between articles, so the open is retried with a
short backoff for up to ``READ_WAIT_SECONDS`` before the request gets 503 with Retry-After.
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
from fastapi import HTTPException, Request

from eventwire.store.database import StoreBusy, connect_retrying
from eventwire.web.settings import Settings

__all__ = ["READ_WAIT_SECONDS", "RETRY_AFTER_SECONDS", "connection", "settings_of"]

#: Longest a request waits for an ingest's write window to close (one article's commit).
READ_WAIT_SECONDS = 5.0
RETRY_AFTER_SECONDS = 2


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    settings = settings_of(request)
    try:
        con = connect_retrying(settings.db_path, read_only=not settings.writable,
                               wait=READ_WAIT_SECONDS)
    except (StoreBusy, duckdb.Error) as exc:
        raise HTTPException(503, f"database busy, retry shortly: {type(exc).__name__}",
                            headers={"Retry-After": str(RETRY_AFTER_SECONDS)}) from exc
    try:
        yield con
    finally:
        con.close()
