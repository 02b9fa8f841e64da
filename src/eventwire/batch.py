"""Coding many inputs into a store: failures are recorded, successes kept, reruns resume."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from eventwire.coding import code_articles
from eventwire.ingest import IngestFailure, read_path
from eventwire.model import Article
from eventwire.store import Store

__all__ = ["BatchReport", "ingest_into_store"]


@dataclass(frozen=True)
class BatchReport:
    stored: int
    already_stored: int
    failures: tuple[IngestFailure, ...]


def _articles(
    paths: Iterable[str | Path], date: dt.date | None
) -> Iterator[Article | IngestFailure]:
    for path in paths:
        yield from read_path(path, date=date)


def ingest_into_store(
    paths: Iterable[str | Path],
    store: Store,
    *,
    nlp: Language | None = None,
    date: dt.date | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
) -> BatchReport:
    """Code every article found under ``paths`` that the store does not hold yet."""
    failures: list[IngestFailure] = []
    already = 0

    def pending() -> Iterator[Article]:
        nonlocal already
        for item in _articles(paths, date):
            if isinstance(item, IngestFailure):
                failures.append(item)
                store.record_failure(item.source, item.reason)
                if on_failure:
                    on_failure(item)
            elif store.has_article(item.id):
                already += 1
            else:
                yield item

    stored = 0
    for coded in code_articles(pending(), nlp=nlp):
        store.write(coded)
        stored += 1
    return BatchReport(stored=stored, already_stored=already, failures=tuple(failures))
