"""Crash safety (issue 9): `eventwire ingest` killed with SIGKILL in the middle of a batch,
three times, then rerun to the end, stores exactly what one clean run stores: every article
once, no orphan rows, the same failures."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwire.store.database import ARTICLE_TABLES

EVENTWIRE = Path(sys.executable).with_name("eventwire")
SUBJECTS = ("Russia", "France", "Japan", "Brazil", "Kenya", "Canada", "India", "Egypt")
OBJECTS = ("Germany", "Turkey", "Mexico", "Nigeria", "Australia", "Spain", "Iran", "Chile")
ACTS = ("condemned", "accused", "met with", "criticised", "praised")
KILLS = 3


def story(i: int) -> str:
    """A short, distinct article with events, quotes, dates and numbers to store."""
    a, b = SUBJECTS[i % len(SUBJECTS)], OBJECTS[(i * 3) % len(OBJECTS)]
    act = ACTS[i % len(ACTS)]
    return (f"{a} {act} {b} on Monday over the border dispute, officials said in statement "
            f"number {i}. \"We will not accept this,\" a spokesman for {b} said. "
            f"About {100 + i} soldiers were sent to the area last week.")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash-corpus")
    for i in range(16):
        (folder / f"story-{i:02d}.txt").write_text(story(i), encoding="utf-8")
    (folder / "more.jsonl").write_text(
        "\n".join(json.dumps({"text": story(i), "title": f"Story {i}"}) for i in range(16, 20))
        + "\n{broken\n", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.5\n\x00\x00")
    return folder


def _command(corpus: Path, db: Path) -> list[str]:
    return [str(EVENTWIRE), "ingest", str(corpus), "--db", str(db), "--workers", "1", "--quiet"]


def _run(corpus: Path, db: Path) -> int:
    done = subprocess.run(_command(corpus, db), capture_output=True, timeout=600, check=False)
    return done.returncode


def _kill_after(corpus: Path, db: Path, delay: float) -> bool:
    """Start an ingest, SIGKILL it after ``delay`` seconds; True when it was still running."""
    process = subprocess.Popen(_command(corpus, db), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True


def _snapshot(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        def scalar(sql: str) -> int:
            row = con.execute(sql).fetchone()
            assert row is not None
            return int(row[0])

        ids = sorted(r[0] for r in con.execute("SELECT id FROM articles").fetchall())
        state: dict[str, object] = {
            "articles": ids,
            "duplicate ids": scalar("SELECT count(*) - count(DISTINCT id) FROM articles"),
            "failures": sorted(con.execute("SELECT source, reason FROM failures").fetchall()),
        }
        for table in ARTICLE_TABLES:
            index = {"events": "event_index"}.get(table)
            state[f"{table} rows"] = scalar(f"SELECT count(*) FROM {table}")
            state[f"{table} orphans"] = scalar(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
            if index:
                state[f"{table} duplicates"] = scalar(
                    f"SELECT count(*) - count(DISTINCT (article_id, {index})) FROM {table}")
        return state
    finally:
        con.close()


def test_killed_ingests_then_a_rerun_store_what_a_clean_run_stores(
        corpus: Path, tmp_path: Path) -> None:
    clean_db, crashed_db = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    started = time.monotonic()
    assert _run(corpus, clean_db) == 1  # the PDF and the broken JSON line are failures
    clean_seconds = time.monotonic() - started
    clean = _snapshot(clean_db)
    assert len(clean["articles"]) == 20  # type: ignore[arg-type]
    assert len(clean["failures"]) == 2  # type: ignore[arg-type]

    rng = random.Random(9)
    # Somewhere between "pipeline loaded" and "batch done" of a clean run.
    killed = [_kill_after(corpus, crashed_db, rng.uniform(0.4, 0.95) * clean_seconds)
              for _ in range(KILLS)]
    assert killed[0], "the first ingest finished before it could be killed"
    assert _run(corpus, crashed_db) == 1
    assert _snapshot(crashed_db) == clean
    for key, value in clean.items():
        if key.endswith(("orphans", "duplicates", "duplicate ids")):
            assert value == 0, key
