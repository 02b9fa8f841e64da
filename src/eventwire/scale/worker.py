"""What a worker does with one chunk: code it with a pipeline loaded once per process.

A chunk is coded with ``nlp.pipe``; if that fails, each article is retried on its own so one bad
article costs only itself. Results travel back as plain frozen dataclasses (picklable), or, for
Parquet output, are written by the worker itself so that nothing big crosses the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from eventwire.coding import CodedArticle, code_article, code_articles
from eventwire.ingest import IngestFailure
from eventwire.model import Article
from eventwire.nlp.pipeline import build_pipeline, shared_pipeline
from eventwire.scale.chunks import Chunk

__all__ = [
    "ChunkResult", "ChunkTask", "code_chunk", "code_task_with", "code_with", "worker_pipeline",
]

_MAX_REASON = 300


@dataclass(frozen=True)
class ChunkTask:
    chunk: Chunk
    actors_files: tuple[str, ...] = ()
    #: when set, the worker writes Parquet partitions here instead of returning the codings
    parquet_dir: str | None = None


@dataclass(frozen=True)
class ChunkResult:
    key: str
    coded: tuple[CodedArticle, ...]
    failures: tuple[IngestFailure, ...]
    #: articles coded (also those written to Parquet by the worker and not returned)
    articles: int
    words: int


@lru_cache(maxsize=2)
def worker_pipeline(actors_files: tuple[str, ...] = ()) -> Language:
    """This process's pipeline, loaded on first use and kept for every later chunk."""
    if actors_files:
        return build_pipeline(actors_files=tuple(Path(p) for p in actors_files))
    return shared_pipeline()


def _failure(article: Article, exc: Exception) -> IngestFailure:
    reason = f"coding failed ({type(exc).__name__}: {exc})".replace("\n", " ")
    return IngestFailure(article.source_path or article.id, reason[:_MAX_REASON])


def code_with(nlp: Language, chunk: Chunk) -> ChunkResult:
    """Code ``chunk``; an article the pipeline chokes on becomes a failure, not an exception."""
    failures: list[IngestFailure] = []
    try:
        coded = list(code_articles(chunk.articles, nlp=nlp))
    except Exception:  # noqa: BLE001 - any component may fail; retried article by article
        coded = []
        for article in chunk.articles:
            try:
                coded.append(code_article(article, nlp))
            except Exception as exc:  # noqa: BLE001 - recorded as this article's failure
                failures.append(_failure(article, exc))
    words = sum(len(c.article.text.split()) for c in coded)
    return ChunkResult(chunk.key, tuple(coded), tuple(failures), len(coded), words)


def code_task_with(nlp: Language, task: ChunkTask) -> ChunkResult:
    """Code a task's chunk with ``nlp``, writing Parquet when the task asks for it."""
    result = code_with(nlp, task.chunk)
    if task.parquet_dir is None:
        return result
    from eventwire.scale.parquet import write_partitions

    write_partitions(Path(task.parquet_dir), task.chunk, result.coded,
                     complete=not result.failures)
    return ChunkResult(result.key, (), result.failures, result.articles, result.words)


def code_chunk(task: ChunkTask) -> ChunkResult:
    """The function engines run remotely (module level, so it pickles by reference)."""
    return code_task_with(worker_pipeline(task.actors_files), task)
