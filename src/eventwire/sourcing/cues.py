"""Cached loaders for the sourcing cue lists in ``eventwire/data/sourcing``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from eventwire.errors import EventwireError

__all__ = ["CueDataError", "NoCommentPattern", "SourcingCues", "sourcing_cues"]


class CueDataError(EventwireError):
    """A sourcing data file is missing or malformed."""


@dataclass(frozen=True)
class NoCommentPattern:
    kind: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class SourcingCues:
    speech_verbs: frozenset[str]
    document_verbs: frozenset[str]
    quote_framing_verbs: frozenset[str]
    anonymous_nouns: frozenset[str]
    role_nouns: frozenset[str]
    anonymity_cues: tuple[str, ...]
    counts: Mapping[str, int]
    back_reference: frozenset[str]
    institutions: frozenset[str]
    channels: tuple[str, ...]
    document_nouns: frozenset[str]
    no_comment: tuple[NoCommentPattern, ...]
    denial_verbs: frozenset[str]
    accusation_nouns: frozenset[str]


def _load(name: str) -> dict[str, Any]:
    path = resources.files("eventwire").joinpath("data").joinpath("sourcing").joinpath(name)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CueDataError(f"sourcing/{name}: {exc}") from exc
    if not isinstance(data, dict):
        raise CueDataError(f"sourcing/{name}: expected a mapping at top level")
    return data


def _words(data: dict[str, Any], key: str, name: str) -> frozenset[str]:
    values = data.get(key)
    if not isinstance(values, list):
        raise CueDataError(f"sourcing/{name}: '{key}' must be a list")
    return frozenset(str(v).lower() for v in values)


@lru_cache(maxsize=1)
def sourcing_cues() -> SourcingCues:
    verbs = _load("reporting_verbs.yaml")
    anon = _load("anonymous.yaml")
    official = _load("official.yaml")
    documents = _load("documents.yaml")
    no_comment = _load("no_comment.yaml")
    denials = _load("denials.yaml")
    try:
        patterns = tuple(
            NoCommentPattern(str(p["kind"]), re.compile(str(p["regex"]), re.IGNORECASE))
            for p in no_comment["patterns"]
        )
    except (KeyError, TypeError, re.error) as exc:
        raise CueDataError(f"sourcing/no_comment.yaml: bad pattern ({exc})") from exc
    counts = anon.get("counts")
    if not isinstance(counts, dict):
        raise CueDataError("sourcing/anonymous.yaml: 'counts' must be a mapping")
    return SourcingCues(
        speech_verbs=_words(verbs, "speech", "reporting_verbs.yaml"),
        document_verbs=_words(verbs, "document", "reporting_verbs.yaml"),
        quote_framing_verbs=_words(verbs, "quote_framing", "reporting_verbs.yaml"),
        anonymous_nouns=_words(anon, "nouns", "anonymous.yaml"),
        role_nouns=_words(anon, "role_nouns", "anonymous.yaml"),
        # longest first, so the widest cue wins when several match at one place
        anonymity_cues=tuple(sorted(_words(anon, "cues", "anonymous.yaml"), key=len, reverse=True)),
        counts=MappingProxyType({str(k).lower(): int(v) for k, v in counts.items()}),
        back_reference=_words(anon, "back_reference", "anonymous.yaml"),
        institutions=_words(official, "institutions", "official.yaml"),
        channels=tuple(sorted(_words(official, "channels", "official.yaml"), key=len, reverse=True)),
        document_nouns=_words(documents, "nouns", "documents.yaml"),
        no_comment=patterns,
        denial_verbs=_words(denials, "verbs", "denials.yaml"),
        accusation_nouns=_words(denials, "accusation_nouns", "denials.yaml"),
    )
