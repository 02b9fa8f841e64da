"""The Dask engine on a LocalCluster of two worker processes stores what the local run stores,
and writes the same articles and events as Parquet partitions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from spacy.language import Language

from eventwire.batch import code_into_parquet, ingest_into_store
from eventwire.store import open_store
from snapshots import store_snapshot

distributed = pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[1]
INPUTS = [str(REPO / "samples" / "*.md")]


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("local") / "e.duckdb"
    with open_store(db) as store:
        ingest_into_store(INPUTS, store, nlp=nlp)
    return store_snapshot(db)


@pytest.fixture(scope="module")
def engine() -> Iterator[Any]:
    from eventwire.scale.dask_engine import DaskEngine

    with (
        distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                 dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield DaskEngine(client)


def test_dask_run_stores_what_the_local_run_stores(
    tmp_path: Path, engine: Any, local: dict[str, Any]
) -> None:
    db = tmp_path / "e.duckdb"
    with open_store(db) as store:
        report = ingest_into_store(INPUTS, store, engine=engine, chunk_size=1)
    assert (report.stored, report.failures) == (4, ())
    assert store_snapshot(db) == local
    with open_store(db) as store:
        again = ingest_into_store(INPUTS, store, engine=engine, chunk_size=1)
    assert (again.stored, again.already_stored) == (0, 4)


def test_dask_workers_write_parquet_partitions(
    tmp_path: Path, engine: Any, local: dict[str, Any]
) -> None:
    out = tmp_path / "pq"
    report = code_into_parquet(INPUTS, out, engine=engine, chunk_size=2)
    assert (report.stored, report.failures) == (4, ())
    con = duckdb.connect()
    articles = con.execute(
        f"SELECT id, published FROM read_parquet('{out}/articles/*/*.parquet', "
        "hive_partitioning = true) ORDER BY id").fetchall()
    assert articles == [(row[0], row[2]) for row in local["articles"]]
    events = con.execute(
        f"SELECT article_id, event_index, type, evidence FROM read_parquet("
        f"'{out}/events/*/*.parquet') ORDER BY ALL").fetchall()
    assert events == local["event_keys"]
