"""Ingest: text, Markdown, HTML and JSON Lines files to clean :class:`eventwire.model.Article`\\ s.

``read_path`` reads a file or a folder and yields an Article per article or an IngestFailure per
bad input; ``read_file`` reads one file and raises :class:`eventwire.errors.InputError` instead.
``article_from_string`` builds one Article from text or HTML held in memory (InputError if bad).
"""

from __future__ import annotations

from eventwire.ingest.failure import IngestFailure
from eventwire.ingest.inmemory import article_from_string
from eventwire.ingest.rawbytes import MAX_BYTES
from eventwire.ingest.reader import article_id, read_file, read_path

__all__ = [
    "MAX_BYTES", "IngestFailure", "article_from_string", "article_id", "read_file", "read_path",
]
