"""Which reader a file needs: by extension first, then by a look at its first characters."""

from __future__ import annotations

import enum
import json
import re
from pathlib import Path

__all__ = ["Format", "detect_format", "looks_like_html"]


class Format(enum.Enum):
    TEXT = "text"  # plain text and Markdown share one cleaner
    HTML = "html"
    JSONL = "jsonl"
    JSON = "json"


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
}
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(
    r"</?(?:p|div|span|a|br|article|section|h[1-6]|meta|script|li|ul)\b[^>]*>", re.IGNORECASE
)
# Tag density (tags per 1000 characters) above which text is HTML rather than prose with a tag.
_TAG_DENSITY = 5
_MIN_TAGS = 5


def looks_like_html(head: str) -> bool:
    if _HTML_START.match(head):
        return True
    tags = len(_HTML_TAGS.findall(head))
    return tags >= _MIN_TAGS and tags * 1000 > _TAG_DENSITY * max(len(head), 1)


def _looks_like_jsonl(head: str) -> bool:
    first = next((line for line in head.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and "text" in record


def detect_format(path: Path, head: str) -> Format:
    """The format of a file called ``path`` whose decoded text starts with ``head``."""
    known = _BY_SUFFIX.get(path.suffix.lower())
    if known is Format.HTML or known in {Format.JSONL, Format.JSON}:
        return known
    if looks_like_html(head):
        return Format.HTML
    if known is None and _looks_like_jsonl(head):
        return Format.JSONL
    return Format.TEXT
