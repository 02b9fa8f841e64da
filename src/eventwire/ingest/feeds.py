"""RSS and Atom feed files: each item carrying text (full content, else its summary) is an article.

feedparser (https://feedparser.readthedocs.io) copes with every RSS and Atom dialect and their
broken encodings; it is given the raw bytes so the feed's own encoding declaration is honoured,
and a stream object so it never mistakes the input for a URL to fetch. Item HTML is flattened
into paragraphs here, not by trafilatura: a feed item is a fragment without page furniture, and
trafilatura rejects short fragments such as summaries.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from typing import Any

from eventwire.ingest.failure import Rejected
from eventwire.ingest.records import Record, clean_record

__all__ = ["feed_records", "fragment_text"]

_BLOCK_TAGS = (
    "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
    "article", "figure", "pre", "ul", "ol", "table",
)
_DROPPED_TAGS = ("script", "style", "figcaption", "iframe", "noscript")
_BLANK_RUNS = re.compile(r"\n\s*\n\s*")
_WHITE = re.compile(r"\s+")
_PARAGRAPH = "\ue000"
_LINE = "\ue001"


def fragment_text(fragment: str) -> str:
    """An HTML fragment as paragraphs separated by blank lines (``<br>`` a line break)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    # Markers, not newlines: newlines in HTML source are plain white space.
    for element in root.iter("br"):
        element.tail = _LINE + (element.tail or "")
    for element in root.iter(*_BLOCK_TAGS):
        element.text = _PARAGRAPH + (element.text or "")
        element.tail = _PARAGRAPH + (element.tail or "")
    flat = _WHITE.sub(" ", root.text_content())
    text = flat.replace(_PARAGRAPH, "\n\n").replace(_LINE, "\n")
    lines = (line.strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def _body(entry: Any) -> tuple[str, str] | None:
    """(text, MIME type) of the fullest text an item has."""
    for content in entry.get("content") or ():
        if str(content.get("value") or "").strip():
            return str(content["value"]), str(content.get("type") or "text/html")
    summary = str(entry.get("summary") or "")
    if summary.strip():
        detail = entry.get("summary_detail") or {}
        return summary, str(detail.get("type") or "text/html")
    return None


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    return None


def _record(where: str, entry: Any) -> Record:
    body = _body(entry)
    if body is None:
        return Record(where, failure="feed item without content or summary")
    text, mime = body
    fields = {
        "text": fragment_text(text) if "html" in mime else text,
        "title": entry.get("title"),
        "date": _date(entry),
        "url": entry.get("link"),
        "byline": entry.get("author"),
    }
    try:
        cleaned, _ = clean_record({k: v for k, v in fields.items() if v})
    except Rejected as exc:
        return Record(where, failure=exc.reason)
    return Record(where, cleaned=cleaned)


def feed_records(data: bytes) -> Iterator[Record]:
    """One Record per feed item (``where`` is "#item number"); raises Rejected when ``data`` is
    not a feed at all."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            raise Rejected("not a readable RSS/Atom feed")
        raise Rejected("feed without items")
    for number, entry in enumerate(parsed.entries, start=1):
        yield _record(f"#{number}", entry)
