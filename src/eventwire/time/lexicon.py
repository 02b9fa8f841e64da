"""The vocabulary date resolution reads, loaded once from ``data/time/lexicon.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from eventwire.errors import EventwireError

__all__ = ["TimeLexicon", "time_lexicon"]


class LexiconError(EventwireError):
    """A data file under ``data/time`` is missing or malformed."""


@dataclass(frozen=True)
class TimeLexicon:
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    seasons: Mapping[str, tuple[int, int]]
    period_parts: Mapping[str, tuple[float, float]]
    generic_weekday_cues: frozenset[str]
    vague_periods: tuple[str, ...]
    future_auxiliaries: frozenset[str]
    future_phrases: tuple[str, ...]
    future_date_cues: tuple[str, ...]
    time_head_nouns: frozenset[str]
    occasion_nouns: frozenset[str]
    number_words: Mapping[str, float]
    multipliers: Mapping[str, float]
    vague_numbers: Mapping[str, float]


def _mapping(raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise LexiconError(f"data/time/lexicon.yaml: '{key}' must be a mapping")
    return {str(k).lower(): v for k, v in value.items()}


def _words(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key)
    if not isinstance(value, list):
        raise LexiconError(f"data/time/lexicon.yaml: '{key}' must be a list")
    return tuple(str(v).lower() for v in value)


@lru_cache(maxsize=1)
def time_lexicon() -> TimeLexicon:
    text = resources.files("eventwire").joinpath("data/time/lexicon.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    if not isinstance(raw, dict):
        raise LexiconError("data/time/lexicon.yaml: top level must be a mapping")
    return TimeLexicon(
        months=MappingProxyType({k: int(v) for k, v in _mapping(raw, "months").items()}),
        weekdays=MappingProxyType({k: int(v) for k, v in _mapping(raw, "weekdays").items()}),
        seasons=MappingProxyType(
            {k: (int(v[0]), int(v[1])) for k, v in _mapping(raw, "seasons").items()}
        ),
        period_parts=MappingProxyType(
            {k: (float(v[0]), float(v[1])) for k, v in _mapping(raw, "period_parts").items()}
        ),
        generic_weekday_cues=frozenset(_words(raw, "generic_weekday_cues")),
        vague_periods=_words(raw, "vague_periods"),
        future_auxiliaries=frozenset(_words(raw, "future_auxiliaries")),
        future_phrases=_words(raw, "future_phrases"),
        future_date_cues=_words(raw, "future_date_cues"),
        time_head_nouns=frozenset(_words(raw, "time_head_nouns")),
        occasion_nouns=frozenset(_words(raw, "occasion_nouns")),
        number_words=MappingProxyType(
            {k: float(v) for k, v in _mapping(raw, "number_words").items()}
        ),
        multipliers=MappingProxyType({k: float(v) for k, v in _mapping(raw, "multipliers").items()}),
        vague_numbers=MappingProxyType(
            {k: float(v) for k, v in _mapping(raw, "vague_numbers").items()}
        ),
    )
