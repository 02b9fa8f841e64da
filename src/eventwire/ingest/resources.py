"""Cached loaders for the ingest data files (``eventwire/data/ingest``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

__all__ = ["Furniture", "function_words", "furniture", "outlets"]

_PACKAGE = "eventwire"


@dataclass(frozen=True)
class Furniture:
    """Compiled furniture patterns; each ``*_re`` must match a whole line (``fullmatch``)."""

    credit_re: re.Pattern[str]
    credit_max_words: int
    name_credit_re: re.Pattern[str]
    name_credit_max_words: int
    boilerplate_re: re.Pattern[str]
    boilerplate_max_words: int
    url_label_re: re.Pattern[str]
    date_prefix_re: re.Pattern[str]
    #: a whole byline line; group ``names`` is what follows "By"
    byline_re: re.Pattern[str]


def _read(name: str) -> str:
    return resources.files(_PACKAGE).joinpath("data", "ingest", name).read_text(encoding="utf-8")


def _load_yaml(name: str) -> Any:
    return yaml.safe_load(_read(name))


def _alternation(patterns: list[Any]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=1)
def furniture() -> Furniture:
    data = _load_yaml("furniture.yaml")
    flags = re.IGNORECASE
    return Furniture(
        credit_re=re.compile(_alternation(data["credits"]["patterns"]), flags),
        credit_max_words=int(data["credits"]["max_words"]),
        name_credit_re=re.compile(_alternation(data["name_credit"]["patterns"])),
        name_credit_max_words=int(data["name_credit"]["max_words"]),
        boilerplate_re=re.compile(_alternation(data["boilerplate"]["patterns"]), flags),
        boilerplate_max_words=int(data["boilerplate"]["max_words"]),
        url_label_re=re.compile(_alternation(data["url_labels"]), flags),
        date_prefix_re=re.compile(_alternation(data["date_prefixes"]), flags),
        byline_re=re.compile(
            r"(?:" + _alternation(data["byline_prefixes"]) + r")\s*:?\s+(?P<names>.+)", flags
        ),
    )


@lru_cache(maxsize=1)
def function_words() -> tuple[tuple[str, frozenset[str]], ...]:
    """``(language, words)`` pairs, English first."""
    data = _load_yaml("function_words.yaml")
    pairs = [(str(lang), frozenset(str(w).lower() for w in words)) for lang, words in data.items()]
    pairs.sort(key=lambda pair: pair[0] != "english")
    return tuple(pairs)


@lru_cache(maxsize=1)
def outlets() -> MappingProxyType[str, str]:
    """Outlet name by web domain (``reuters.com`` -> ``Reuters``)."""
    table: dict[str, str] = {}
    for line in _read("outlets.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            domain, name = line.split("\t")
            table[domain.strip().lower()] = name.strip()
    return MappingProxyType(table)
