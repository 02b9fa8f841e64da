"""Worker processes code exactly what the in-process run codes, and an interrupted parallel
run finishes on a rerun with every article stored once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from eventwire.batch import ingest_into_store
from eventwire.store import open_store
from snapshots import store_snapshot

REPO = Path(__file__).resolve().parents[1]
INPUTS = [str(REPO / "samples" / "*.md")]


@pytest.fixture(scope="module")
def sequential(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("seq") / "e.duckdb"
    with open_store(db) as store:
        report = ingest_into_store(INPUTS, store, nlp=nlp)
    assert report.stored == 4 and not report.failures
    rows = store_snapshot(db)
    assert rows["events"], "the samples should give events"
    return rows


def test_two_workers_store_what_one_process_stores(
    tmp_path: Path, sequential: dict[str, Any]
) -> None:
    db = tmp_path / "e.duckdb"
    with open_store(db) as store:
        report = ingest_into_store(INPUTS, store, workers=2, chunk_size=1)
    assert (report.stored, report.already_stored, report.failures) == (4, 0, ())
    assert report.words > 0
    assert store_snapshot(db) == sequential


def test_interrupted_parallel_run_is_finished_by_a_rerun(
    tmp_path: Path, nlp: Language, sequential: dict[str, Any]
) -> None:
    db = tmp_path / "e.duckdb"
    stored = 0

    def interrupt(_: object) -> None:
        nonlocal stored
        stored += 1
        if stored == 2:
            raise KeyboardInterrupt

    with open_store(db) as store, pytest.raises(KeyboardInterrupt):
        ingest_into_store(INPUTS, store, workers=2, chunk_size=1, on_stored=interrupt)
    assert len(store_snapshot(db)["articles"]) == 2
    with open_store(db) as store:
        report = ingest_into_store(INPUTS, store, nlp=nlp)
    assert (report.stored, report.already_stored) == (2, 2)
    assert store_snapshot(db) == sequential
