"""WARC archives (plain or gzipped) read record by record: HTML responses become articles.

A web archive holds whatever a crawler fetched: request records, robots.txt, images, redirects.
Only ``response`` records whose HTTP payload is HTML are articles; every other record is skipped
silently. The archive is never read whole: the 10 MB limit applies to each record's payload, so a
multi-gigabyte crawl streams in constant memory. The page's own date wins over the record's
``WARC-Date`` (the fetch time, often days after publication); the target URI is the article's URL.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.ingest.dates import parse_date_value
from eventwire.ingest.decoding import declared_charset, decode_bytes
from eventwire.ingest.failure import Rejected
from eventwire.ingest.htmlclean import clean_html
from eventwire.ingest.rawbytes import MAX_BYTES, binary_kind
from eventwire.ingest.records import Record

__all__ = ["warc_records"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAX_TAIL = 4096
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _content_type(record: Any) -> str:
    headers = record.http_headers or record.rec_headers
    return str(headers.get_header("Content-Type") or "").lower()


def _charset(content_type: str, payload: bytes) -> str | None:
    match = _CHARSET.search(content_type)
    return match.group(1) if match else declared_charset(payload)


def _html_record(record: Any, limit: int) -> tuple[bytes, str] | None:
    """(payload, content type) of an HTML response, at most ``limit + 1`` bytes of it."""
    if record.rec_type != "response":
        return None
    content_type = _content_type(record)
    if not content_type.startswith(_HTML_TYPES):
        return None
    return _read_up_to(record.content_stream(), limit + 1), content_type


def _damaged_tail(path: Path, end: int) -> bool:
    """Whether bytes after the last readable record are more than blank lines."""
    extra = path.stat().st_size - end
    if extra <= 0:
        return False
    if extra > _MAX_TAIL:
        return True
    with path.open("rb") as handle:
        handle.seek(end)
        return bool(handle.read().strip())


def _payload_record(
    where: str, payload: bytes, record: Any, content_type: str, limit: int
) -> Record:
    if len(payload) > limit:
        return Record(where, failure=f"record too large (over {limit:,} bytes)")
    try:
        if binary_kind(payload) is not None:
            raise Rejected("binary payload")
        cleaned = clean_html(decode_bytes(payload, _charset(content_type, payload)))
    except Rejected as exc:
        return Record(where, failure=exc.reason)
    uri = record.rec_headers.get_header("WARC-Target-URI")
    fetched = parse_date_value(record.rec_headers.get_header("WARC-Date"))
    cleaned = dataclasses.replace(
        cleaned, url=uri or cleaned.url, published=cleaned.published or fetched
    )
    return Record(where, cleaned=cleaned)


def _read_up_to(stream: Any, size: int) -> bytes:
    """At most ``size`` bytes: warcio's decoding streams return short reads before the end."""
    parts: list[bytes] = []
    left = size
    while left > 0:
        part = stream.read(left)
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def warc_records(path: Path, limit: int = MAX_BYTES) -> Iterator[Record]:
    """One Record per HTML response in the archive (``where`` is "@byte offset"); raises
    Rejected when the file is missing or stops being a readable archive (records before the
    damage are still yielded)."""
    # Imported here: only WARC input needs it.
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as handle:
            archive = ArchiveIterator(handle)
            end = 0
            for record in archive:
                if record.format != "warc":
                    # An ARC file, or text that warcio's lenient ARC parser accepted.
                    raise Rejected("not a readable WARC archive (no WARC header)")
                item = _html_record(record, limit)
                # Only after the payload is read: asking for the offset reads to the record's end.
                offset = archive.get_record_offset()
                end = offset + archive.get_record_length()
                if item is not None:
                    payload, content_type = item
                    if len(payload) <= limit and getattr(record.raw_stream, "limit", 0) > 0:
                        # warcio reads a cut-off record without complaint; its length says so.
                        raise Rejected("damaged WARC archive (truncated record)")
                    yield _payload_record(f"@{offset}", payload, record, content_type, limit)
            if _damaged_tail(path, end):
                # warcio also ends quietly at a gzip member cut short.
                raise Rejected(f"damaged WARC archive (unreadable data after byte {end})")
    except FileNotFoundError:
        raise Rejected("no such file") from None
    except ArchiveLoadFailed as exc:
        raise Rejected(f"not a readable WARC archive ({str(exc).splitlines()[0]})") from None
    except Rejected:
        raise
    except Exception as exc:  # noqa: BLE001
        # warcio fails on damaged input in many ways (zlib, parser, even AttributeError); one
        # broken archive must not stop a corpus run.
        raise Rejected(f"damaged WARC archive ({type(exc).__name__})") from None
