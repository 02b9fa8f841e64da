"""One writer, many readers (issue 9): an ingest writing in short windows
(``open_store(..., windowed=True)``) while the API keeps answering reads from another process.

DuckDB lets one process hold the file for writing and locks out every other process, readers
too; so the writer lets go after each article and both sides retry a lock conflict with a short
backoff (eventwire.store.database.connect_retrying). See "Failure modes" in README.md.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from collections import Counter
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire.store import open_store
from eventwire.store.database import StoreBusy, WindowedStore, connect_retrying
from eventwire.web import create_app
from eventwire.web import db as web_db

# A second process holding the database open for writing until its stdin closes.
_HOLD = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1])
    print("locked", flush=True)
    sys.stdin.read()
    con.close()
""")
_INGEST = textwrap.dedent("""
    import sys
    from eventwire.batch import ingest_into_store
    from eventwire.store import open_store
    with open_store(sys.argv[2], windowed=True) as store:
        report = ingest_into_store([sys.argv[1]], store, workers=1, chunk_size=4)
    print(report.stored, len(report.failures))
""")
STORIES = 60
SUBJECTS = ("Russia", "France", "Japan", "Brazil", "Kenya", "Canada", "India", "Egypt", "Peru")


def story(i: int) -> str:
    a, b = SUBJECTS[i % len(SUBJECTS)], SUBJECTS[(i + 4) % len(SUBJECTS)]
    return (f"{a} accused {b} on Tuesday of violating the trade agreement signed in case {i}, "
            f"the foreign ministry said. {b} denied the charge and called for talks.")


class _Holder:
    """A subprocess that keeps the write lock of ``db`` until released."""

    def __init__(self, db: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", _HOLD, str(db)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    db = tmp_path / "store.duckdb"
    with open_store(db):
        pass
    return db


def test_connect_retrying_gives_up_with_store_busy(empty_db: Path) -> None:
    holder = _Holder(empty_db)
    try:
        with pytest.raises(StoreBusy, match="database locked by another process"):
            connect_retrying(empty_db, read_only=True, wait=0.2)
    finally:
        holder.release()
    connect_retrying(empty_db, read_only=True, wait=0.2).close()


def test_connect_retrying_waits_for_the_lock_to_go(empty_db: Path) -> None:
    holder = _Holder(empty_db)
    timer = threading.Timer(0.3, holder.release)
    timer.start()
    try:
        con = connect_retrying(empty_db, read_only=False, wait=30)
    finally:
        timer.join()
    con.execute("INSERT INTO failures VALUES ('x', 'y', now())")
    con.close()


def test_windowed_store_lets_go_between_writes(empty_db: Path) -> None:
    probe = [sys.executable, "-c",
             "import duckdb, sys; duckdb.connect(sys.argv[1], read_only=True).close()",
             str(empty_db)]
    with open_store(empty_db, windowed=True) as store:
        assert isinstance(store, WindowedStore)
        store.record_failure("a.txt", "empty file")
        rows = store.connection.execute("SELECT count(*) FROM failures").fetchall()
        assert rows == [(1,)]
        # Between operations another process can open the file.
        assert subprocess.run(probe, check=False).returncode == 0
        with store.window() as con:
            con.execute("SELECT 1")
            assert subprocess.run(probe, check=False, capture_output=True).returncode != 0
        assert store.failures() == [("a.txt", "empty file")]


def test_api_answers_503_with_retry_after_when_the_lock_is_held_too_long(
        empty_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_db, "READ_WAIT_SECONDS", 0.2)
    with TestClient(create_app(empty_db)) as client:
        holder = _Holder(empty_db)
        try:
            busy = client.get("/articles")
        finally:
            holder.release()
        assert busy.status_code == 503
        assert busy.headers["Retry-After"] == str(web_db.RETRY_AFTER_SECONDS)
        assert client.get("/articles").status_code == 200


def test_api_keeps_answering_while_an_ingest_writes(empty_db: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # enough chunks that the ingest outlasts several polls, however fast coding gets
    for i in range(STORIES):
        (corpus / f"story-{i:02d}.txt").write_text(story(i), encoding="utf-8")
    statuses: Counter[int] = Counter()
    totals: list[int] = []
    with TestClient(create_app(empty_db)) as client:
        ingest = subprocess.Popen([sys.executable, "-c", _INGEST, str(corpus), str(empty_db)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while ingest.poll() is None:
            for path in ("/articles?limit=1", "/events?limit=5", "/facets"):
                response = client.get(path)
                statuses[response.status_code] += 1
                if path.startswith("/articles") and response.status_code == 200:
                    totals.append(response.json()["total"])
            time.sleep(0.02)
        out, err = ingest.communicate()
        assert ingest.returncode == 0, err
        assert out.split() == [str(STORIES), "0"]
        final = client.get("/articles?limit=1")
    assert final.status_code == 200 and final.json()["total"] == STORIES
    assert set(statuses) == {200}, statuses
    # The reads really overlapped the writes: they saw the store part-filled.
    assert any(0 < total < STORIES for total in totals), sorted(set(totals))
    con = duckdb.connect(str(empty_db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchall() == [(STORIES,)]
    finally:
        con.close()


def test_a_plain_store_window_is_its_lasting_connection(empty_db: Path) -> None:
    with open_store(empty_db) as store, store.window() as con:
        assert con is store.connection
        con.execute("INSERT INTO failures VALUES ('b.txt', 'binary file', now())")
    with open_store(empty_db, windowed=True) as windowed:
        assert windowed.failures() == [("b.txt", "binary file")]
