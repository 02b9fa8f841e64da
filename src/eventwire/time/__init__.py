"""Dates: expressions found in a Doc, resolved against the article's publication date."""

from __future__ import annotations

from eventwire.time.event_date import event_date, event_date_mention, lead_date
from eventwire.time.finder import find_dates
from eventwire.time.resolve import interpret_date, resolve_date

__all__ = [
    "event_date", "event_date_mention", "find_dates", "interpret_date", "lead_date", "resolve_date",
]
