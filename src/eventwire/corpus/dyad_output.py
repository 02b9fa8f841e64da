"""Dyad series as a table, CSV or JSON: one row per period, one column per count."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from eventwire.corpus.dyads import QUAD_NAMES, DyadPeriod
from eventwire.model import EVENT_TYPES

__all__ = ["dyad_columns", "dyad_csv", "dyad_json", "dyad_table"]


def dyad_columns(periods: Sequence[DyadPeriod]) -> tuple[list[str], list[list[object]]]:
    """Headers and rows; only the PLOVER types that occur get a column."""
    present = {t for p in periods for t, _ in p.by_type}
    types = [t for t in EVENT_TYPES if t in present]
    headers = ["period", "events", "mentions", "mean_goldstein", *QUAD_NAMES,
               *(t.lower() for t in types)]
    rows: list[list[object]] = [[p.label, p.events, p.mentions, p.mean_goldstein, *p.by_quad,
             *(p.count(t) for t in types)] for p in periods]
    return headers, rows


def dyad_table(periods: Sequence[DyadPeriod]) -> str:
    from eventwire.render import text_table

    headers, rows = dyad_columns(periods)
    short = [h.replace("_cooperation", "_coop") for h in headers]
    return text_table(short, rows, [12] * len(headers))


def dyad_csv(periods: Sequence[DyadPeriod]) -> str:
    headers, rows = dyad_columns(periods)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buf.getvalue()


def dyad_json(periods: Sequence[DyadPeriod]) -> str:
    """JSON Lines: one object per period."""
    lines = []
    for p in periods:
        lines.append(json.dumps({
            "period": p.label, "start": p.start.isoformat(), "events": p.events,
            "mentions": p.mentions, "mean_goldstein": p.mean_goldstein,
            "quad_classes": dict(zip(QUAD_NAMES, p.by_quad, strict=True)),
            "types": dict(p.by_type),
        }))
    return "".join(line + "\n" for line in lines)
