"""JSON Lines collections read line by line, so a corpus of any size streams in flat memory.

The whole-file reader refuses inputs over 10 MB; a collection is read here instead, with the
limit applying to each line (one article), and the handle is never read ahead of the consumer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.ingest.decoding import decode_bytes
from eventwire.ingest.failure import Rejected
from eventwire.ingest.rawbytes import MAX_BYTES, binary_kind
from eventwire.ingest.records import Record, clean_record

__all__ = ["jsonl_file_records", "jsonl_stream"]

_SKIP_BLOCK = 1 << 20


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while True:
        block = handle.readline(_SKIP_BLOCK)
        if not block or block.endswith(b"\n"):
            return


def _record(where: str, raw: bytes) -> Record:
    try:
        value = json.loads(decode_bytes(raw))
    except Rejected as exc:
        return Record(where, failure=exc.reason)
    except (ValueError, RecursionError):
        return Record(where, failure="invalid JSON")
    try:
        cleaned, given_id = clean_record(value)
    except Rejected as exc:
        return Record(where, failure=exc.reason)
    return Record(where, cleaned=cleaned, given_id=given_id)


def jsonl_stream(handle: BinaryIO, limit: int = MAX_BYTES) -> Iterator[Record]:
    """One Record per non-blank line of ``handle`` (``where`` is ":line number"), reading one
    line per record asked for."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            _skip_rest_of_line(handle)
            yield Record(f":{number}", failure=f"record too large (over {limit:,} bytes)")
            continue
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if raw.strip():
            yield _record(f":{number}", raw)


def jsonl_file_records(path: Path, limit: int = MAX_BYTES) -> Iterator[Record]:
    """Records of a JSON Lines file; raises Rejected for a missing, empty or binary file."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise Rejected("no such file") from None
    except OSError as exc:
        raise Rejected(f"cannot read file ({exc.strerror or type(exc).__name__})") from None
    with handle:
        head = handle.read(8192)
        kind = binary_kind(head)
        if kind is not None:
            raise Rejected("binary file" if kind == "binary" else f"binary file ({kind})")
        if not head.strip():
            raise Rejected("empty file")
        handle.seek(0)
        yield from jsonl_stream(handle, limit)
