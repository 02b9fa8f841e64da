"""Read-only endpoints: events, articles, actors, dyads, network, map points, facets."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Path, Query

from eventwire.corpus.source import EventScope, NotDeduplicated, scoped_events
from eventwire.web import article_queries, event_queries, stat_queries
from eventwire.web import dyads as dyads_module
from eventwire.web.db import connection
from eventwire.web.filters import EventQuery
from eventwire.web.models import (
    ActorCounts,
    ArticleDetail,
    ArticlePage,
    DyadSeries,
    EventDetail,
    EventPage,
    Facets,
    MapPoint,
    Network,
    UniqueEvent,
)
from eventwire.web.params import Limit, Offset, event_query

__all__ = ["router"]

router = APIRouter()
Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
Filters = Annotated[EventQuery, Depends(event_query)]
ArticleId = Annotated[str, Path(max_length=200)]
_COUNTRY = Query(pattern="^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3")


@router.get("/events", response_model=EventPage, tags=["events"],
            summary="Events matching the filters, newest first, with the total")
def events(con: Con, filters: Filters, limit: Limit = 50, offset: Offset = 0) -> EventPage:
    return event_queries.list_events(con, filters, limit, offset)


@router.get("/events/{article_id}/{event_index}", response_model=EventDetail, tags=["events"],
            responses={404: {"description": "no such event"}},
            summary="One event with its article text, evidence and participant mentions")
def event(con: Con, article_id: ArticleId,
          event_index: Annotated[int, Path(ge=0)]) -> EventDetail:
    found = event_queries.event_detail(con, article_id, event_index)
    if found is None:
        raise HTTPException(404, "no such event")
    return found


@router.get("/unique-events", response_model=list[UniqueEvent], tags=["events"],
            responses={409: {"description": "the database was never deduplicated"}},
            summary="Real-world events after `eventwire dedup`, oldest first, with report counts")
def unique_events(
    con: Con, limit: Limit = 100,
    actor: Annotated[str | None, _COUNTRY] = None,
    recipient: Annotated[str | None, _COUNTRY] = None,
    since: Annotated[dt.date | None, Query(description="event (else first report) date >=")]
    = None,
    until: Annotated[dt.date | None, Query(description="event (else first report) date <=")]
    = None,
) -> list[UniqueEvent]:
    scope = EventScope(actor=actor, recipient=recipient, since=since, until=until, unique=True)
    try:
        rows = scoped_events(con, scope, limit=limit)
    except NotDeduplicated as exc:
        raise HTTPException(409, str(exc)) from exc
    return [UniqueEvent.model_validate(r) for r in rows]


@router.get("/articles", response_model=ArticlePage, tags=["articles"],
            summary="Articles, newest first, with the total")
def articles(
    con: Con, limit: Limit = 50, offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=200, description="words in title or text")] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[dt.date | None, Query(description="published on or after")] = None,
    until: Annotated[dt.date | None, Query(description="published on or before")] = None,
) -> ArticlePage:
    return article_queries.list_articles(con, q=q or None, outlet=outlet, since=since,
                                         until=until, limit=limit, offset=offset)


@router.get("/articles/{article_id}", response_model=ArticleDetail, tags=["articles"],
            responses={404: {"description": "no such article"}},
            summary="One article with its entities, events, quotes, sources, dates, places")
def article(con: Con, article_id: ArticleId) -> ArticleDetail:
    found = article_queries.article_detail(con, article_id)
    if found is None:
        raise HTTPException(404, "no such article")
    return found


@router.get("/actors", response_model=ActorCounts, tags=["aggregates"],
            summary="Event counts per country (as actor / recipient) and per actor name")
def actors(con: Con, filters: Filters, limit: Limit = 100) -> ActorCounts:
    return stat_queries.actor_counts(con, filters, limit)


@router.get("/dyads", response_model=DyadSeries, tags=["aggregates"],
            responses={409: {"description": "unique=true on a database never deduplicated"}},
            summary="Cooperation and conflict over time between two countries")
def dyads(
    con: Con,
    a: Annotated[str, _COUNTRY], b: Annotated[str, _COUNTRY],
    by: dyads_module.Period = "month",
    directed: Annotated[bool, Query(description="only events with a as actor, b as recipient")]
    = False,
    since: Annotated[dt.date | None, Query(description="event (else publication) date >=")]
    = None,
    until: Annotated[dt.date | None, Query(description="event (else publication) date <=")]
    = None,
    unique: Annotated[bool, Query(description="count deduplicated events (`eventwire dedup`)")]
    = False,
) -> DyadSeries:
    try:
        return dyads_module.series(con, a, b, by=by, directed=directed, since=since,
                                   until=until, unique=unique)
    except NotDeduplicated as exc:
        raise HTTPException(409, str(exc)) from exc


@router.get("/network", response_model=Network, tags=["aggregates"],
            summary="Who interacts with whom: country pairs with cooperation/conflict counts")
def network(con: Con, filters: Filters, limit: Limit = 200) -> Network:
    return stat_queries.network(con, filters, limit)


@router.get("/places", response_model=list[MapPoint], tags=["aggregates"],
            summary="Event locations with counts, for the map")
def places(con: Con, filters: Filters, limit: Limit = 500) -> list[MapPoint]:
    return stat_queries.map_points(con, filters, limit)


@router.get("/facets", response_model=Facets, tags=["aggregates"],
            summary="Totals and the values present (types, outlets, countries), for filters")
def facets(con: Con) -> Facets:
    return stat_queries.facets(con)
