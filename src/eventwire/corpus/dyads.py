"""Dyad series: how often one state acted on another, per period, by type and quad class.

Only asserted events count. A period is the event date truncated to the day, ISO week (Monday
first), month or year; an event without an event date falls back to its publication date
(unique events: to the first report). With ``unique`` each real-world event counts once however
many articles reported it; without, every article's mention counts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import duckdb

from eventwire.corpus.source import EventScope, counting_sql
from eventwire.errors import EventwireError
from eventwire.model import EVENT_TYPES

__all__ = ["PERIODS", "QUAD_NAMES", "DyadPeriod", "DyadQuery", "dyad_series", "period_label"]

PERIODS: tuple[str, ...] = ("day", "week", "month", "year")
#: CAMEO quad classes 1-4, in order
QUAD_NAMES: tuple[str, ...] = (
    "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
)


@dataclass(frozen=True)
class DyadQuery:
    actor: str | None = None
    recipient: str | None = None
    by: str = "month"
    since: dt.date | None = None
    until: dt.date | None = None
    unique: bool = False


@dataclass(frozen=True)
class DyadPeriod:
    start: dt.date
    label: str
    events: int
    mentions: int  # reports behind the events (equals events unless unique)
    by_type: tuple[tuple[str, int], ...]  # PLOVER types with a count, in ontology order
    by_quad: tuple[int, int, int, int]
    mean_goldstein: float | None

    def count(self, event_type: str) -> int:
        return dict(self.by_type).get(event_type, 0)


def period_label(start: dt.date, by: str) -> str:
    if by == "day":
        return start.isoformat()
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{start:%Y-%m}"
    return f"{start:%Y}"


def dyad_series(con: duckdb.DuckDBPyConnection, query: DyadQuery) -> list[DyadPeriod]:
    """One `DyadPeriod` per period that has at least one event, oldest first."""
    if query.by not in PERIODS:
        raise EventwireError(f"{query.by!r}: period must be one of {', '.join(PERIODS)}")
    scope = EventScope(actor=query.actor, recipient=query.recipient, since=query.since,
                       until=query.until, unique=query.unique)
    inner, params = counting_sql(con, scope)
    # query.by is one of PERIODS (checked above), so it may be spliced into the SQL text
    rows = con.execute(f"""
        SELECT date_trunc('{query.by}', event_date)::DATE AS period, type, quad_class,
               count(*), sum(num_mentions), sum(goldstein), count(goldstein)
        FROM ({inner}) s
        WHERE event_date IS NOT NULL
        GROUP BY ALL ORDER BY period
    """, params).fetchall()
    events: dict[dt.date, int] = defaultdict(int)
    mentions: dict[dt.date, int] = defaultdict(int)
    types: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    quads: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    score: dict[dt.date, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for period, etype, quad, n, n_mentions, g_sum, g_n in rows:
        events[period] += n
        mentions[period] += int(n_mentions or 0)
        types[period][etype] += n
        if quad in (1, 2, 3, 4):
            quads[period][quad - 1] += n
        score[period][0] += float(g_sum or 0.0)
        score[period][1] += float(g_n or 0)
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    out = []
    for period in sorted(events):
        g_sum, g_n = score[period]
        q = quads[period]
        out.append(DyadPeriod(
            start=period, label=period_label(period, query.by), events=events[period],
            mentions=mentions[period],
            by_type=tuple(sorted(types[period].items(), key=lambda kv: order.get(kv[0], 99))),
            by_quad=(q[0], q[1], q[2], q[3]),
            mean_goldstein=round(g_sum / g_n, 3) if g_n else None,
        ))
    return out
