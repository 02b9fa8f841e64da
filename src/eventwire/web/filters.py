"""Event filters as SQL: fixed fragments with ``?`` marks; user values only ever go in params."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from eventwire.store.queries import EventFilter, event_clauses

__all__ = ["EventQuery", "like_pattern"]

#: an event's day for filtering and series: its own date, else its article's publication date
EVENT_DAY = "e.event_date"


def like_pattern(text: str) -> str:
    """``text`` as a literal ILIKE substring (``%`` and ``_`` in the input match themselves)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class EventQuery:
    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # actor, recipient or location
    outlet: str | None = None
    q: str | None = None  # substring of evidence, title or participant names
    include_unasserted: bool = False

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause over ``events e JOIN articles a`` and its parameters."""
        clauses, params = event_clauses(EventFilter(
            actor=self.actor, recipient=self.recipient, type=self.type, since=self.since,
            until=self.until, include_unasserted=self.include_unasserted))
        if self.quad_class is not None:
            clauses.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.country:
            clauses.append("(list_contains(e.actor_countries, ?) OR "
                           "list_contains(e.recipient_countries, ?) OR e.location_country = ?)")
            params.extend([self.country.upper()] * 3)
        if self.outlet:
            clauses.append("lower(a.outlet) = lower(?)")
            params.append(self.outlet)
        if self.q:
            clauses.append(
                "(e.evidence ILIKE ? ESCAPE '\\' OR a.title ILIKE ? ESCAPE '\\' OR "
                "array_to_string(list_concat(e.actor_names, e.recipient_names), ' ') "
                "ILIKE ? ESCAPE '\\')")
            params.extend([like_pattern(self.q)] * 3)
        sql = " WHERE " + " AND ".join(clauses) if clauses else ""
        return sql, params
