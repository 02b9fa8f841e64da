"""An Article from a posted body, through ``eventwire.ingest.article_from_string``."""

from __future__ import annotations

import datetime as dt

from eventwire.errors import EventwireError, InputError
from eventwire.ingest import article_from_string as ingest_string
from eventwire.model import Article

__all__ = ["NotCodable", "article_from_string"]


class NotCodable(EventwireError):
    """Posted content that holds no English article text."""


def article_from_string(
    *, text: str | None = None, html: str | None = None, title: str | None = None,
    date: dt.date | None = None, source: str = "posted",
) -> Article:
    raw = html if html is not None else text
    if raw is None:
        raise NotCodable("empty text")
    try:
        return ingest_string(raw, kind="html" if html is not None else "text", title=title,
                             date=date, source=source)
    except InputError as exc:
        # The client knows what it posted: the reason alone, without the "posted:" prefix.
        raise NotCodable(exc.reason) from exc
