"""Organizations whose codes changed on a known day (``data/actors/organization_periods.tsv``).

The Taliban are REB as insurgents and GOV as the government of Afghanistan from 2021-08-15; the
article's publication date picks the row. Outside every dated row the organization keeps the
codes of ``organizations.tsv``, so undated text behaves as before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from eventwire.actors.files import ActorFileError, rows
from eventwire.actors.records import Candidate, normalize

__all__ = ["Period", "dated", "load_periods"]


@dataclass(frozen=True)
class Period:
    name: str
    since: dt.date | None
    until: dt.date | None
    country: str | None
    sector: str | None
    note: str

    def covers(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


def _day(value: str, path: Path) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise ActorFileError(path, f"bad date {value!r}") from exc


@lru_cache(maxsize=4)
def load_periods(path: Path | None = None) -> Mapping[str, tuple[Period, ...]]:
    """Dated codes by normalized organization name (the package's table unless ``path``)."""
    from eventwire.actors.kb import DATA_DIR

    source = path or DATA_DIR / "organization_periods.tsv"
    if not source.is_file():
        return MappingProxyType({})
    table: dict[str, list[Period]] = {}
    for row in rows(source):
        if not row.get("name"):
            continue
        period = Period(name=row["name"], since=_day(row.get("since", ""), source),
                        until=_day(row.get("until", ""), source),
                        country=row.get("country") or None, sector=row.get("sector") or None,
                        note=row.get("note", ""))
        table.setdefault(normalize(period.name), []).append(period)
    return MappingProxyType({k: tuple(v) for k, v in table.items()})


def dated(cand: Candidate, on: dt.date | None,
          periods: Mapping[str, tuple[Period, ...]] | None = None) -> Candidate:
    """``cand`` with the codes its organization had on ``on`` (unchanged without a date)."""
    if on is None or cand.kind in ("state", "person"):
        return cand
    table = load_periods() if periods is None else periods
    period = next((p for p in table.get(normalize(cand.name), ()) if p.covers(on)), None)
    if period is None:
        return cand
    span = f"{period.since or ''}..{period.until or ''}"
    note = f"{period.sector} {span}: {period.note}" if period.note else f"{period.sector} {span}"
    return dataclasses.replace(cand, country=period.country or cand.country,
                               sector=period.sector or cand.sector, note=note)
