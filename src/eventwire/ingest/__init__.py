"""Ingest: text, Markdown, HTML and JSON Lines files to clean :class:`eventwire.model.Article`\\ s.

``read_path`` reads a file or a folder and yields an Article per article or an IngestFailure per
bad input; ``read_file`` reads one file and raises :class:`eventwire.errors.InputError` instead.
"""

from __future__ import annotations

from eventwire.ingest.failure import IngestFailure
from eventwire.ingest.rawbytes import MAX_BYTES
from eventwire.ingest.reader import article_id, read_file, read_path

__all__ = ["MAX_BYTES", "IngestFailure", "article_id", "read_file", "read_path"]
