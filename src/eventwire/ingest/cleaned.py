"""The result of cleaning one article body, before it becomes an Article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Cleaned"]


@dataclass(frozen=True)
class Cleaned:
    """Body paragraphs joined by a blank line, plus what the furniture said about the article."""

    text: str
    title: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
