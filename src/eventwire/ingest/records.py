"""JSON Lines / JSON articles: ``{"title", "text", "date", "url"}`` plus optional "id", "outlet".

Each record is cleaned like a text article (its text may carry Markdown furniture too, or be a
whole HTML page), but the record's own fields win over anything the cleaner finds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.ingest.cleaned import Cleaned
from eventwire.ingest.dates import parse_date_value
from eventwire.ingest.failure import Rejected
from eventwire.ingest.formats import looks_like_html
from eventwire.ingest.htmlclean import clean_html
from eventwire.ingest.inline import collapse_spaces
from eventwire.ingest.textclean import clean_text

__all__ = ["Record", "clean_record", "json_records", "jsonl_records"]


@dataclass(frozen=True)
class Record:
    """One article record; ``where`` locates it in its file (":17" for line 17 of a JSON Lines
    file, "[3]" for the third item of a JSON array, "" for a lone JSON object)."""

    where: str
    cleaned: Cleaned | None = None
    given_id: str | None = None
    failure: str | None = None


def _string(record: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            text = collapse_spaces(str(value))
            if text:
                return text
    return None


def clean_record(record: object) -> tuple[Cleaned, str | None]:
    """(cleaned article, id the record gives); raises Rejected for a record without text."""
    if not isinstance(record, dict):
        raise Rejected("not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise Rejected('no "text" field' if text is None else '"text" is not a string')
    if not text.strip():
        raise Rejected("empty text")
    title = _string(record, "title", "headline")
    if looks_like_html(text[:4096]):
        cleaned = clean_html(text)
    else:
        cleaned = clean_text(text, find_title=title is None, guess_title=False)
    if not cleaned.text:
        raise Rejected("no article text left after cleaning")
    return (
        Cleaned(
            text=cleaned.text,
            title=title or cleaned.title,
            byline=_string(record, "byline", "author") or cleaned.byline,
            published=parse_date_value(record.get("date", record.get("published")))
            or cleaned.published,
            url=_string(record, "url", "link") or cleaned.url,
            outlet=_string(record, "outlet", "source", "publisher") or cleaned.outlet,
        ),
        _string(record, "id"),
    )


def _record(where: str, value: object) -> Record:
    try:
        cleaned, given_id = clean_record(value)
    except Rejected as exc:
        return Record(where, failure=exc.reason)
    return Record(where, cleaned=cleaned, given_id=given_id)


def jsonl_records(text: str) -> Iterator[Record]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):
            yield Record(f":{number}", failure="invalid JSON")
            continue
        yield _record(f":{number}", value)


def json_records(text: str) -> Iterator[Record]:
    """A .json file: one article object, or a list of them."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise Rejected("invalid JSON") from None
    if isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield _record(f"[{index}]", item)
    else:
        yield _record("", value)
