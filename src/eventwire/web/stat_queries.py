"""Aggregates over asserted events: actor counts, dyad series, the interaction network, places.

Quad classes follow CAMEO: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict.
"""

from __future__ import annotations

from typing import Any

import duckdb

from eventwire.web.event_queries import rows_as
from eventwire.web.filters import EVENT_DAY, EventQuery
from eventwire.web.models import (
    ActorCounts,
    CountryCount,
    Facets,
    MapPoint,
    NameCount,
    Network,
    NetworkEdge,
    NetworkNode,
    TypeCount,
)

__all__ = ["actor_counts", "facets", "map_points", "network"]

_FROM = " FROM events e JOIN articles a ON a.id = e.article_id"
_COOP = "count(*) FILTER (WHERE e.quad_class IN (1, 2))"
_CONFLICT = "count(*) FILTER (WHERE e.quad_class IN (3, 4))"


def actor_counts(con: duckdb.DuckDBPyConnection, query: EventQuery, limit: int) -> ActorCounts:
    where, params = query.where()
    countries = rows_as(con.execute(
        "WITH s AS ("
        f" SELECT unnest(e.actor_countries) AS country, 1 AS actor, 0 AS recipient{_FROM}{where}"
        " UNION ALL"
        f" SELECT unnest(e.recipient_countries), 0, 1{_FROM}{where})"
        " SELECT country, sum(actor)::INTEGER AS as_actor, sum(recipient)::INTEGER AS as_recipient"
        " FROM s GROUP BY country ORDER BY count(*) DESC, country LIMIT ?",
        [*params, *params, limit]))
    names = rows_as(con.execute(
        f"WITH n AS (SELECT unnest(list_concat(e.actor_names, e.recipient_names)) AS name"
        f"{_FROM}{where}),"
        " c AS (SELECT coalesce(name, text) AS name, mode(country) AS country FROM entities"
        " GROUP BY 1)"
        " SELECT n.name, any_value(c.country) AS country, count(*) AS events"
        " FROM n LEFT JOIN c ON c.name = n.name GROUP BY n.name"
        " ORDER BY events DESC, n.name LIMIT ?", [*params, limit]))
    return ActorCounts(countries=[CountryCount.model_validate(r) for r in countries],
                       names=[NameCount.model_validate(r) for r in names])


def network(con: duckdb.DuckDBPyConnection, query: EventQuery, limit: int) -> Network:
    """Undirected country pairs (actor x recipient of each event), strongest first."""
    where, params = query.where()
    rows = rows_as(con.execute(
        "WITH x AS (SELECT unnest(e.actor_countries) AS a, e.recipient_countries,"
        f" e.quad_class, e.goldstein{_FROM}{where}),"
        " y AS (SELECT a, unnest(recipient_countries) AS r, quad_class, goldstein FROM x)"
        " SELECT least(a, r) AS source, greatest(a, r) AS target, count(*) AS events,"
        " count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,"
        " count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,"
        " avg(goldstein) AS goldstein"
        " FROM y WHERE a <> r GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT ?",
        [*params, limit]))
    edges = [NetworkEdge.model_validate(r) for r in rows]
    weight: dict[str, int] = {}
    for edge in edges:
        for node in (edge.source, edge.target):
            weight[node] = weight.get(node, 0) + edge.events
    nodes = [NetworkNode(id=k, events=v) for k, v in sorted(weight.items())]
    return Network(nodes=nodes, edges=edges)


def map_points(con: duckdb.DuckDBPyConnection, query: EventQuery, limit: int) -> list[MapPoint]:
    where, params = query.where()
    located = "e.lat IS NOT NULL AND e.lon IS NOT NULL"
    where = f"{where} AND {located}" if where else f" WHERE {located}"
    rows = rows_as(con.execute(
        "SELECT e.location_name AS name, e.location_country AS country, e.lat, e.lon,"
        f" count(*) AS events, {_COOP} AS cooperation, {_CONFLICT} AS conflict"
        f"{_FROM}{where} GROUP BY 1, 2, 3, 4 ORDER BY events DESC LIMIT ?", [*params, limit]))
    return [MapPoint.model_validate(r) for r in rows]


def _counts(con: duckdb.DuckDBPyConnection, sql: str) -> list[TypeCount]:
    return [TypeCount(value=str(v), count=int(n)) for v, n in con.execute(sql).fetchall()]


def facets(con: duckdb.DuckDBPyConnection) -> Facets:
    totals: Any = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events WHERE asserted),"
        f" (SELECT min({EVENT_DAY}){_FROM}), (SELECT max({EVENT_DAY}){_FROM})").fetchone()
    return Facets(
        articles=totals[0], events=totals[1], first_date=totals[2], last_date=totals[3],
        types=_counts(con, "SELECT type, count(*) FROM events WHERE asserted GROUP BY 1 "
                           "ORDER BY 2 DESC, 1"),
        outlets=_counts(con, "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL "
                             "GROUP BY 1 ORDER BY 2 DESC, 1"),
        countries=_counts(con, "SELECT c, count(*) FROM (SELECT unnest(list_concat("
                               "actor_countries, recipient_countries)) AS c FROM events "
                               "WHERE asserted) GROUP BY 1 ORDER BY 2 DESC, 1"),
    )
