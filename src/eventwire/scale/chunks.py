"""Cutting a stream of articles into chunks: the unit shipped to a worker and written at once."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from eventwire.model import Article

__all__ = ["Chunk", "chunk_key", "chunked"]

#: articles per chunk: big enough to amortise shipping a chunk to a process, small enough that
#: an interrupted run loses little work and memory stays flat
CHUNK_SIZE = 16


def chunk_key(ids: Iterable[str]) -> str:
    """A name fixed by the chunk's content (its sorted article ids), whatever the run."""
    joined = "\n".join(sorted(ids)).encode("utf-8")
    return hashlib.sha256(joined).hexdigest()[:16]


@dataclass(frozen=True)
class Chunk:
    articles: tuple[Article, ...]

    @property
    def key(self) -> str:
        return chunk_key(a.id for a in self.articles)

    def __len__(self) -> int:
        return len(self.articles)


def chunked(articles: Iterable[Article], size: int = CHUNK_SIZE) -> Iterator[Chunk]:
    """Consecutive chunks of ``size`` articles, pulling only one chunk ahead; an id repeated
    inside a chunk (the same text twice) is coded once."""
    buffer: dict[str, Article] = {}
    for article in articles:
        buffer.setdefault(article.id, article)
        if len(buffer) >= size:
            yield Chunk(tuple(buffer.values()))
            buffer = {}
    if buffer:
        yield Chunk(tuple(buffer.values()))
