"""Dates: expressions found in a Doc, resolved against the article's publication date."""

from __future__ import annotations

from eventwire.time.resolve import interpret_date, resolve_date

__all__ = ["interpret_date", "resolve_date"]
