"""Files and folders to Articles: the public entry points of ``eventwire.ingest``."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest.cleaned import Cleaned
from eventwire.ingest.decoding import declared_charset, decode_bytes
from eventwire.ingest.failure import IngestFailure, Rejected
from eventwire.ingest.feeds import feed_records
from eventwire.ingest.formats import Format, detect_format, streamed_format
from eventwire.ingest.htmlclean import clean_html
from eventwire.ingest.language import check_english
from eventwire.ingest.outlet import outlet_from_url
from eventwire.ingest.rawbytes import read_bytes
from eventwire.ingest.records import Record, json_records, jsonl_records
from eventwire.ingest.runon import check_sentence_length
from eventwire.ingest.streaming import jsonl_file_records
from eventwire.ingest.textclean import clean_text
from eventwire.ingest.warc import warc_records
from eventwire.model import Article

__all__ = ["article_id", "read_file", "read_path"]

_ID_LENGTH = 16
_SNIFF_CHARS = 4096


def article_id(text: str) -> str:
    """Stable id of a cleaned body: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_ID_LENGTH]


def _article(
    cleaned: Cleaned, source: str, date: dt.date | None, given_id: str | None = None
) -> Article:
    check_english(f"{cleaned.title or ''}\n\n{cleaned.text}")
    check_sentence_length(cleaned.text)
    return Article(
        id=given_id or article_id(cleaned.text),
        text=cleaned.text,
        title=cleaned.title,
        published=date or cleaned.published,
        outlet=cleaned.outlet or outlet_from_url(cleaned.url),
        byline=cleaned.byline,
        url=cleaned.url,
        source_path=source,
    )


def _from_records(
    records: Iterator[Record], source: str, date: dt.date | None
) -> Iterator[Article | IngestFailure]:
    for record in records:
        where = f"{source}{record.where}"
        if record.cleaned is None:
            yield IngestFailure(where, record.failure or "unreadable record")
            continue
        try:
            yield _article(record.cleaned, where, date, record.given_id)
        except Rejected as exc:
            yield IngestFailure(where, exc.reason)


def _read_one(path: Path, date: dt.date | None) -> Iterator[Article | IngestFailure]:
    source = str(path)
    try:
        streamed = streamed_format(path)
        if streamed is not None:
            records = warc_records(path) if streamed is Format.WARC else jsonl_file_records(path)
            yield from _from_records(records, source, date)
            return
        data = read_bytes(path)
        text = decode_bytes(data, declared_charset(data))
        if not text.strip():
            raise Rejected("empty file")
        kind = detect_format(path, text[:_SNIFF_CHARS])
        if kind is Format.JSONL:
            yield from _from_records(jsonl_records(text), source, date)
            return
        if kind is Format.JSON:
            yield from _from_records(json_records(text), source, date)
            return
        if kind is Format.FEED:
            yield from _from_records(feed_records(data), source, date)
            return
        cleaned = clean_html(text) if kind is Format.HTML else clean_text(text)
        if not cleaned.text:
            raise Rejected("no article text found")
        yield _article(cleaned, source, date)
    except Rejected as exc:
        yield IngestFailure(source, exc.reason)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path) -> list[Path]:
    """Files under ``folder``, recursively, sorted by path, hidden files and folders skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not _hidden(d)]
        found.extend(Path(root) / name for name in files if not _hidden(name))
    return sorted(found, key=lambda path: path.relative_to(folder).parts)


def read_path(
    path: str | Path, *, date: dt.date | None = None
) -> Iterator[Article | IngestFailure]:
    """Every article in a file or (recursively) a folder, or a failure for each bad input.

    ``date`` overrides the publication date of every article. A bad input never stops the rest.
    """
    path = Path(path)
    if path.is_dir():
        for file in _walk(path):
            yield from _read_one(file, date)
    else:
        yield from _read_one(path, date)


def read_file(path: str | Path, *, date: dt.date | None = None) -> list[Article]:
    """All articles of one file; raises InputError on the first problem (use ``read_path`` to
    keep the good records of a partly bad JSON Lines file)."""
    path = Path(path)
    if path.is_dir():
        raise InputError(str(path), "is a directory (use read_path for folders)")
    articles: list[Article] = []
    for item in _read_one(path, date):
        if isinstance(item, IngestFailure):
            raise InputError(item.source, item.reason)
        articles.append(item)
    return articles
