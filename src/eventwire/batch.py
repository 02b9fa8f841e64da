"""Coding many inputs into a store: streamed, chunked, coded by an engine, written as they come.

Nothing is materialised: inputs are read lazily, cut into chunks, and only a bounded window of
chunks is in flight. Every article is written in its own transaction the moment its chunk comes
back, so killing the run loses at most the chunks in flight, and a rerun skips what is stored
(checked per chunk, one query) and retries what failed. A bad input or an article the pipeline
chokes on becomes a row in the ``failures`` table and never stops the batch.
Each chunk's check and writes share one ``store.window()`` (one open of the file per chunk for
a windowed store, so an API can read between chunks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from eventwire.coding import CodedArticle
from eventwire.ingest import IngestFailure, read_path
from eventwire.model import Article
from eventwire.scale.chunks import CHUNK_SIZE, Chunk, chunked
from eventwire.scale.engines import Engine, InProcessEngine, ProcessPoolEngine
from eventwire.scale.inputs import expand_paths
from eventwire.scale.parquet import chunk_is_written, write_failures, written_ids
from eventwire.scale.progress import NoProgress, Progress
from eventwire.scale.worker import ChunkResult, ChunkTask
from eventwire.store import Store

__all__ = ["BatchReport", "code_into_parquet", "ingest_into_store", "ingest_items", "read_inputs"]


@dataclass(frozen=True)
class BatchReport:
    stored: int
    already_stored: int
    failures: tuple[IngestFailure, ...]
    words: int = 0


def read_inputs(
    paths: Iterable[str | Path], date: dt.date | None = None
) -> Iterator[Article | IngestFailure]:
    """Every article (or failure) under ``paths``: files, folders and glob patterns, lazily."""
    for path in expand_paths(paths):
        yield from read_path(path, date=date)


class _Tally:
    """Counts of one run (mutated only by the run that owns it)."""

    def __init__(self, on_failure: Callable[[IngestFailure], None] | None,
                 progress: Progress) -> None:
        self.stored = 0
        self.already = 0
        self.words = 0
        self.failures: list[IngestFailure] = []
        self.on_failure = on_failure
        self.progress = progress

    def failed(self, failure: IngestFailure, record: Callable[[str, str], None] | None) -> None:
        self.failures.append(failure)
        if record is not None:
            record(failure.source, failure.reason)
        if self.on_failure is not None:
            self.on_failure(failure)
        self.progress.advance(1)

    def report(self) -> BatchReport:
        return BatchReport(self.stored, self.already, tuple(self.failures), self.words)


def _articles(items: Iterable[Article | IngestFailure], tally: _Tally,
              record: Callable[[str, str], None] | None) -> Iterator[Article]:
    for item in items:
        if isinstance(item, IngestFailure):
            tally.failed(item, record)
        else:
            yield item


def _stored_ids(store: Store, ids: list[str]) -> set[str]:
    rows = store.connection.execute(
        "SELECT id FROM articles WHERE list_contains(?, id)", [ids]
    ).fetchall()
    return {str(row[0]) for row in rows}


def _forget_failures(store: Store, sources: list[str]) -> None:
    """An input that failed once and now reads as an article already stored (the same text
    came from elsewhere) is no longer a failure."""
    if sources:
        store.connection.execute("DELETE FROM failures WHERE list_contains(?, source)", [sources])


def _engine(engine: Engine | None, nlp: Language | None, workers: int,
            actors_files: tuple[str, ...]) -> Engine:
    if engine is not None:
        return engine
    if workers > 1:
        return ProcessPoolEngine(workers, actors_files)
    return InProcessEngine(nlp)


def ingest_items(
    items: Iterable[Article | IngestFailure],
    store: Store,
    *,
    engine: Engine | None = None,
    nlp: Language | None = None,
    workers: int = 1,
    actors_files: tuple[str, ...] = (),
    on_failure: Callable[[IngestFailure], None] | None = None,
    on_stored: Callable[[CodedArticle], None] | None = None,
    progress: Progress | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> BatchReport:
    """Code and store a stream of articles (failures are recorded as they pass).

    ``engine`` decides where chunks are coded; by default in this process with ``nlp`` (or
    the shared pipeline), or in ``workers`` processes. ``on_stored`` is called after each
    article is committed.
    """
    tally = _Tally(on_failure, progress or NoProgress())

    def tasks() -> Iterator[ChunkTask]:
        for chunk in chunked(_articles(items, tally, store.record_failure), chunk_size):
            with store.window():
                stored = _stored_ids(store, [a.id for a in chunk.articles])
                _forget_failures(store, [a.source_path for a in chunk.articles
                                         if a.id in stored and a.source_path])
            todo = tuple(a for a in chunk.articles if a.id not in stored)
            tally.already += len(stored)
            tally.progress.advance(len(stored))
            if todo:
                yield ChunkTask(Chunk(todo), actors_files)

    for result in _engine(engine, nlp, workers, actors_files).run(tasks()):
        with store.window():
            for coded in result.coded:
                store.write(coded)
                tally.stored += 1
                if on_stored is not None:
                    on_stored(coded)
            _finish(result, tally, store.record_failure)
    return tally.report()


def _finish(result: ChunkResult, tally: _Tally,
            record: Callable[[str, str], None] | None) -> None:
    tally.words += result.words
    tally.progress.advance(result.articles, result.words)
    for failure in result.failures:
        tally.failed(failure, record)


def ingest_into_store(
    paths: Iterable[str | Path],
    store: Store,
    *,
    nlp: Language | None = None,
    date: dt.date | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
    workers: int = 1,
    actors_files: tuple[str, ...] = (),
    engine: Engine | None = None,
    on_stored: Callable[[CodedArticle], None] | None = None,
    progress: Progress | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> BatchReport:
    """Code every article found under ``paths`` that the store does not hold yet."""
    return ingest_items(
        read_inputs(paths, date), store, engine=engine, nlp=nlp, workers=workers,
        actors_files=actors_files, on_failure=on_failure, on_stored=on_stored,
        progress=progress, chunk_size=chunk_size,
    )


def code_into_parquet(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    nlp: Language | None = None,
    date: dt.date | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
    workers: int = 1,
    actors_files: tuple[str, ...] = (),
    engine: Engine | None = None,
    progress: Progress | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> BatchReport:
    """Code ``paths`` into Parquet partitions under ``out_dir`` (see eventwire.scale.parquet);
    chunks already written are skipped, so a rerun resumes. ``stored`` counts articles written.
    Failures are reported (``on_failure``, the report) and listed in ``out_dir/_failures.tsv``."""
    root = Path(out_dir)
    tally = _Tally(on_failure, progress or NoProgress())
    finished = written_ids(root)

    def fresh(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if article.id in finished:
                tally.already += 1
                tally.progress.advance(1)
            else:
                yield article

    def tasks() -> Iterator[ChunkTask]:
        source = fresh(_articles(read_inputs(paths, date), tally, None))
        for chunk in chunked(source, chunk_size):
            if chunk_is_written(root, chunk):
                tally.already += len(chunk)
                tally.progress.advance(len(chunk))
            else:
                yield ChunkTask(chunk, actors_files, parquet_dir=str(root))

    for result in _engine(engine, nlp, workers, actors_files).run(tasks()):
        tally.stored += result.articles
        _finish(result, tally, None)
    write_failures(root, ((f.source, f.reason) for f in tally.failures))
    return tally.report()
