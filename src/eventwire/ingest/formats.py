"""Which reader a file needs: by extension first, then by a look at its first characters."""

from __future__ import annotations

import enum
import json
import re
from pathlib import Path

__all__ = ["Format", "detect_format", "looks_like_feed", "looks_like_html", "streamed_format"]


class Format(enum.Enum):
    TEXT = "text"  # plain text and Markdown share one cleaner
    HTML = "html"
    JSONL = "jsonl"
    JSON = "json"
    FEED = "feed"  # RSS / Atom: eventwire.ingest.feeds
    WARC = "warc"  # streamed record by record: eventwire.ingest.warc


_BY_SUFFIX = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.TEXT,
    ".markdown": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".json": Format.JSON,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
}
# Collections read incrementally instead of whole (no file size limit, one per record).
_STREAMED_SUFFIXES = {".jsonl": Format.JSONL, ".ndjson": Format.JSONL}
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(
    r"</?(?:p|div|span|a|br|article|section|h[1-6]|meta|script|li|ul)\b[^>]*>", re.IGNORECASE
)
_FEED_ROOT = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*"
    r"<(?:rss|feed|rdf:RDF)\b",
    re.IGNORECASE | re.DOTALL,
)
_WARC_SUFFIXES = (".warc", ".warc.gz")
# Tag density (tags per 1000 characters) above which text is HTML rather than prose with a tag.
_TAG_DENSITY = 5
_MIN_TAGS = 5


def looks_like_html(head: str) -> bool:
    if _HTML_START.match(head):
        return True
    tags = len(_HTML_TAGS.findall(head))
    return tags >= _MIN_TAGS and tags * 1000 > _TAG_DENSITY * max(len(head), 1)


def looks_like_feed(head: str) -> bool:
    return _FEED_ROOT.match(head) is not None


def _looks_like_jsonl(head: str) -> bool:
    first = next((line for line in head.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and "text" in record


def streamed_format(path: Path) -> Format | None:
    """JSONL or WARC when ``path`` names a collection that must be streamed, else None."""
    if path.name.lower().endswith(_WARC_SUFFIXES):
        return Format.WARC
    return _STREAMED_SUFFIXES.get(path.suffix.lower())


def detect_format(path: Path, head: str) -> Format:
    """The format of a file called ``path`` whose decoded text starts with ``head``."""
    known = _BY_SUFFIX.get(path.suffix.lower())
    if known is Format.HTML or known in {Format.JSONL, Format.JSON, Format.FEED}:
        return known
    if looks_like_feed(head):
        return Format.FEED
    if looks_like_html(head):
        return Format.HTML
    if known is None and _looks_like_jsonl(head):
        return Format.JSONL
    return Format.TEXT
