"""Validated query parameters shared by the read endpoints."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query

from eventwire.model import EVENT_TYPES
from eventwire.web.filters import EventQuery

__all__ = ["ISO3", "Limit", "Offset", "event_query"]

ISO3 = Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3")]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
_TYPE_PATTERN = "^(?i:" + "|".join(EVENT_TYPES) + ")$"


def event_query(
    actor: ISO3 = None,
    recipient: ISO3 = None,
    type: Annotated[str | None, Query(pattern=_TYPE_PATTERN, description="PLOVER type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description=(
        "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"
    ))] = None,
    since: Annotated[dt.date | None, Query(description="event (else publication) date >=")] = None,
    until: Annotated[dt.date | None, Query(description="event (else publication) date <=")] = None,
    country: Annotated[str | None, Query(
        pattern="^[A-Za-z]{3}$", description="actor, recipient or location country")] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    q: Annotated[str | None, Query(
        max_length=200, description="words in the evidence, the title or participant names")
    ] = None,
    all: Annotated[bool, Query(description="include hypothetical and negated events")] = False,
) -> EventQuery:
    return EventQuery(actor=actor, recipient=recipient, type=type, quad_class=quad_class,
                      since=since, until=until, country=country, outlet=outlet,
                      q=q or None, include_unasserted=all)
