"""A progress bar on stderr (tqdm): articles/s, words/s and an ETA once the inputs are counted.

Counting runs in a background thread so that coding starts at once; it is a cheap pass (line
counts for JSON Lines, record headers for WARC, item tags for feeds, one per other file) and the
bar shows a plain count until it finishes.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Protocol

from eventwire.scale.inputs import expand_paths

__all__ = ["NoProgress", "Progress", "TqdmProgress", "estimate_articles"]

_BLOCK = 1 << 20
_FEED_ITEM = re.compile(rb"<(?:item|entry)[\s>]")


class Progress(Protocol):
    def advance(self, articles: int, words: int = 0) -> None: ...

    def close(self) -> None: ...


class NoProgress:
    def advance(self, articles: int, words: int = 0) -> None:
        return None

    def close(self) -> None:
        return None


def _files(path: Path) -> Iterable[Path]:
    if not path.is_dir():
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        yield from (Path(root) / f for f in files if not f.startswith("."))


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            count += block.count(b"\n")
    return count


def _count_warc(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        return sum(
            1 for record in ArchiveIterator(handle)
            if record.rec_type == "response"
            and "html" in str((record.http_headers or record.rec_headers)
                              .get_header("Content-Type") or "")
        )


def _estimate_file(path: Path) -> int:
    name = path.name.lower()
    try:
        if name.endswith((".jsonl", ".ndjson")):
            return _count_lines(path)
        if name.endswith((".warc", ".warc.gz")):
            return _count_warc(path)
        if name.endswith((".rss", ".atom", ".xml")):
            return max(1, len(_FEED_ITEM.findall(path.read_bytes()[:50_000_000])))
    except Exception:  # noqa: BLE001
        # A file the reader will report as broken; the estimate only drives the ETA.
        return 1
    return 1


def estimate_articles(paths: Iterable[str | Path]) -> int:
    """Roughly how many articles (and failures) reading ``paths`` will give."""
    return sum(_estimate_file(f) for p in expand_paths(paths) for f in _files(p))


class TqdmProgress:
    """The bar; ``enabled=False`` (``--quiet``, stderr not a terminal) keeps only the counts."""

    def __init__(self, paths: Iterable[str | Path] | None, *, enabled: bool,
                 stream: IO[str] | None = None) -> None:
        from tqdm import tqdm

        self.articles = 0
        self.words = 0
        self._stream = stream
        self._bar = tqdm(unit=" articles", file=stream, disable=not enabled, smoothing=0.05,
                         dynamic_ncols=True)
        if enabled and paths is not None:
            listed = tuple(paths)
            threading.Thread(target=self._count, args=(listed,), daemon=True).start()

    def _count(self, paths: tuple[str | Path, ...]) -> None:
        total = estimate_articles(paths)
        self._bar.total = max(total, self._bar.n)
        self._bar.refresh()

    def advance(self, articles: int, words: int = 0) -> None:
        self.articles += articles
        self.words += words
        if self._bar.disable:
            return
        elapsed = self._bar.format_dict.get("elapsed") or 0.0
        if elapsed > 0:
            self._bar.set_postfix_str(f"{self.words / elapsed:,.0f} words/s", refresh=False)
        self._bar.update(articles)

    def write(self, line: str) -> None:
        """A message line that does not break the bar."""
        self._bar.write(line, file=self._stream)

    def close(self) -> None:
        self._bar.close()
