"""The values that flow through eventwire: frozen dataclasses, one per concept.

Character offsets (``start``, ``end``) always index ``Article.text`` (the cleaned body that was
coded), end-exclusive. Nothing here knows about spaCy, DuckDB or JSON: later stages import this
module, never the reverse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = [
    "Article",
    "Attribution",
    "DateMention",
    "DateValue",
    "Entity",
    "Event",
    "Place",
    "Quantity",
    "Quote",
    "Source",
    "TextSpan",
]

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
AUX_MODES: tuple[str, ...] = ("historical", "future", "hypothetical", "negation")
#: Auxiliary modes under which an event is *not* asserted by the article.
BLOCKING_AUX: frozenset[str] = frozenset({"hypothetical", "negation"})


@dataclass(frozen=True)
class Article:
    """One news article after ingest: furniture removed, paragraphs separated by a blank line."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None
    source_path: str | None = None


@dataclass(frozen=True)
class TextSpan:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """A resolved mention: who or what the words stand for.

    ``country`` is ISO 3166-1 alpha-3 (None for international organizations and unknowns),
    ``sector`` a CAMEO agent code (GOV, MIL, IGO, NGO, ...). ``why`` says which knowledge-base
    entry or rule produced the resolution, for ``eventwire actors lookup`` and ``--explain``.
    """

    text: str
    start: int
    end: int
    country: str | None
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    kind: str | None = None  # state, person, organization, group, igo, reference
    entity_id: str | None = None
    why: str = ""


@dataclass(frozen=True)
class DateValue:
    start: dt.date
    end: dt.date
    precision: str  # day, week, month, year, range, unknown
    text: str | None = None


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    value: DateValue | None
    kind: str = "point"  # point, duration


@dataclass(frozen=True)
class Place:
    text: str
    start: int
    end: int
    name: str
    country: str | None
    kind: str  # city, country, region, sea, ...
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float
    unit: str
    kind: str = "count"  # casualties, money, count, distance


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: Entity | None
    speaker_span: TextSpan | None = None


@dataclass(frozen=True)
class Source:
    """A sourcing phrase: who the article says told it something, or who did not answer."""

    kind: str  # named, anonymous, official, document, no_comment
    text: str
    start: int
    end: int
    count: int | None = None
    country: str | None = None
    speaker: Entity | None = None
    #: character span of the clause(s) this source vouches for
    scope_start: int | None = None
    scope_end: int | None = None


@dataclass(frozen=True)
class Attribution:
    kind: str  # named, anonymous, official, document, outlet
    text: str
    count: int | None = None
    speaker: Entity | None = None
    country: str | None = None


@dataclass(frozen=True)
class Event:
    type: str
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    evidence: TextSpan
    trigger: TextSpan
    mode: str | None = None
    context: tuple[str, ...] = ()
    aux: tuple[str, ...] = ()
    date: DateValue | None = None
    location: Place | None = None
    attribution: Attribution | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    pattern_id: str = ""
    explanation: tuple[str, ...] = field(default=())
    #: index (in the article's event list) of the event this one answers, e.g. a denial's accusation
    responds_to: int | None = None

    @property
    def asserted(self) -> bool:
        return not (set(self.aux) & BLOCKING_AUX)
