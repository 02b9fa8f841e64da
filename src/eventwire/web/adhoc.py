"""An Article from text or HTML held in memory (a POST body), through ingest's own cleaners."""

from __future__ import annotations

import datetime as dt

from eventwire.errors import EventwireError
from eventwire.ingest import article_id
from eventwire.ingest.failure import Rejected
from eventwire.ingest.htmlclean import clean_html
from eventwire.ingest.language import check_english
from eventwire.ingest.outlet import outlet_from_url
from eventwire.ingest.textclean import clean_text
from eventwire.model import Article

__all__ = ["NotCodable", "article_from_string"]


class NotCodable(EventwireError):
    """Posted content that holds no English article text."""


def article_from_string(
    *, text: str | None = None, html: str | None = None, title: str | None = None,
    date: dt.date | None = None, source: str = "posted",
) -> Article:
    raw = html if html is not None else text
    if raw is None or not raw.strip():
        raise NotCodable("empty text")
    try:
        cleaned = clean_html(raw) if html is not None else clean_text(raw)
        if not cleaned.text.strip():
            raise Rejected("no article text found")
        check_english(f"{title or cleaned.title or ''}\n\n{cleaned.text}")
    except Rejected as exc:
        raise NotCodable(exc.reason) from exc
    return Article(
        id=article_id(cleaned.text), text=cleaned.text, title=title or cleaned.title,
        published=date or cleaned.published,
        outlet=cleaned.outlet or outlet_from_url(cleaned.url),
        byline=cleaned.byline, url=cleaned.url, source_path=source,
    )
