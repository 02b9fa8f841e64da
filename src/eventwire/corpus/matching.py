"""When are two event mentions the same real-world event?

Mentions are only compared inside a block of the same PLOVER type and the same actor and
recipient country sets (see `Mention.block`). Inside a block two mentions match when

* their dates are compatible: ranges overlapping once widened by ``date_window_days`` (for two
  day-precision dates: at most that many days apart); a mention without an event date falls back
  to its article's publication date;
* their locations do not contradict each other: different location countries never match, and
  two different named places ask for the strong evidence threshold;
* and their evidence says the same thing: the content-word Jaccard index reaches ``min_jaccard``,
  or the mentions share a trigger (same pattern or trigger word) and a named actor or recipient
  and the index still reaches ``min_jaccard_shared_trigger``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from eventwire.corpus.similarity import content_words, jaccard

__all__ = ["DedupSettings", "Mention", "match_score"]


@dataclass(frozen=True)
class DedupSettings:
    date_window_days: int = 1
    min_jaccard: float = 0.5
    #: two different place names (same country) need this much agreement
    min_jaccard_other_place: float = 0.65
    min_jaccard_shared_trigger: float = 0.25


@dataclass(frozen=True)
class Mention:
    """One stored event, as the deduplicator sees it."""

    article_id: str
    event_index: int
    type: str
    actor_countries: tuple[str, ...]
    recipient_countries: tuple[str, ...]
    names: frozenset[str]
    start: dt.date | None  # event date, else publication date
    end: dt.date | None
    location_name: str | None
    location_country: str | None
    trigger: str
    pattern: str
    evidence: str
    published: dt.date | None
    fingerprint: str
    words: frozenset[str] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", content_words(self.evidence))

    @property
    def key(self) -> tuple[str, int]:
        return (self.article_id, self.event_index)

    @property
    def block(self) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        return (self.type, self.actor_countries, self.recipient_countries)


def _dates_compatible(a: Mention, b: Mention, window: int) -> bool:
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return a.start is None and b.start is None
    slack = dt.timedelta(days=window)
    return a.start - slack <= b.end and b.start - slack <= a.end


def _same_trigger(a: Mention, b: Mention) -> bool:
    if a.pattern and a.pattern == b.pattern:
        return True
    return bool(a.trigger) and a.trigger.lower() == b.trigger.lower()


def match_score(a: Mention, b: Mention, settings: DedupSettings) -> float | None:
    """The evidence similarity of two mentions of one event, or None when they are not one."""
    if a.block != b.block or not _dates_compatible(a, b, settings.date_window_days):
        return None
    if a.location_country and b.location_country and a.location_country != b.location_country:
        return None
    threshold = settings.min_jaccard
    if (a.location_name and b.location_name
            and a.location_name.casefold() != b.location_name.casefold()):
        threshold = settings.min_jaccard_other_place
    score = jaccard(a.words, b.words)
    if score >= threshold:
        return score
    if (score >= settings.min_jaccard_shared_trigger and _same_trigger(a, b)
            and a.names & b.names):
        return score
    return None
