"""Dyad series for the API, from `eventwire.corpus.dyads` (directed) merged both ways."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Literal

import duckdb

from eventwire.corpus import DyadPeriod, DyadQuery, dyad_series
from eventwire.web.models import DyadPoint, DyadSeries

__all__ = ["Period", "series"]

Period = Literal["day", "week", "month", "year"]


def _merge(periods: list[DyadPeriod]) -> list[DyadPoint]:
    grouped: dict[dt.date, list[DyadPeriod]] = defaultdict(list)
    for p in periods:
        grouped[p.start].append(p)
    points = []
    for start in sorted(grouped):
        parts = grouped[start]
        quads = [sum(p.by_quad[i] for p in parts) for i in range(4)]
        types: dict[str, int] = defaultdict(int)
        for p in parts:
            for name, n in p.by_type:
                types[name] += n
        scored = [(p.mean_goldstein, p.events) for p in parts if p.mean_goldstein is not None]
        weight = sum(n for _, n in scored)
        points.append(DyadPoint(
            period=start, label=parts[0].label, events=sum(p.events for p in parts),
            mentions=sum(p.mentions for p in parts),
            cooperation=quads[0] + quads[1], conflict=quads[2] + quads[3],
            verbal_cooperation=quads[0], material_cooperation=quads[1],
            verbal_conflict=quads[2], material_conflict=quads[3],
            # both directions' means, weighted by their event counts
            goldstein=round(sum(g * n for g, n in scored) / weight, 3) if weight else None,
            types=dict(types),
        ))
    return points


def series(
    con: duckdb.DuckDBPyConnection, a: str, b: str, *, by: Period, directed: bool,
    since: dt.date | None, until: dt.date | None, unique: bool,
) -> DyadSeries:
    a, b = a.upper(), b.upper()
    pairs = [(a, b)] if directed or a == b else [(a, b), (b, a)]
    periods: list[DyadPeriod] = []
    for actor, recipient in pairs:
        periods.extend(dyad_series(con, DyadQuery(actor=actor, recipient=recipient, by=by,
                                                  since=since, until=until, unique=unique)))
    return DyadSeries(actor=a, recipient=b, by=by, directed=directed, unique=unique,
                      points=_merge(periods))
