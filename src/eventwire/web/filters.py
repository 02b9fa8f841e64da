"""Event filters as SQL: fixed fragments with ``?`` marks; user values only ever go in params."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

__all__ = ["EventQuery", "like_pattern"]

#: an event's day for filtering and series: its own date, else its article's publication date
EVENT_DAY = "coalesce(e.date_start, a.published)"


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
        clauses: list[str] = []
        params: list[Any] = []
        if not self.include_unasserted:
            clauses.append("e.asserted")
        if self.actor:
            clauses.append("list_contains(e.actor_countries, ?)")
            params.append(self.actor.upper())
        if self.recipient:
            clauses.append("list_contains(e.recipient_countries, ?)")
            params.append(self.recipient.upper())
        if self.type:
            clauses.append("e.type = ?")
            params.append(self.type.upper())
        if self.quad_class is not None:
            clauses.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.since:
            clauses.append("coalesce(e.date_end, a.published) >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{EVENT_DAY} <= ?")
            params.append(self.until)
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
