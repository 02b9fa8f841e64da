"""People named by surname, or by a name the knowledge base spells differently.

News names a leader by title and surname ("Prime Minister Rabin", "President Bouteflika") or
with the middle name left out ("Carlos Menem" for Carlos Saul Menem). This index finds the
knowledge-base people with that surname (and, when given, that first name or initial), then
picks the stint of the publication date. When several people share the surname the date must
single one country out; otherwise the name stays unresolved rather than guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from eventwire.actors.kb import OFFICE_SECTORS, KnowledgeBase, pick_stint
from eventwire.actors.records import Candidate, normalize

__all__ = ["SurnameIndex", "by_surname", "surname_index"]

#: prefixes that are part of a surname in writing but not in how it is matched ("al-Bashir")
_PREFIXES = ("al-", "el-", "al ", "el ", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-")


def surname_key(word: str) -> str:
    key = normalize(word).strip(".,")
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            return key[len(prefix):]
    return key


@dataclass(frozen=True, eq=False)
class SurnameIndex:
    #: surname key -> every person candidate (all stints) with that surname
    by_last: Mapping[str, tuple[Candidate, ...]]
    #: first-name key -> surname keys of people with that first name (for misspelt surnames)
    by_first: Mapping[str, frozenset[str]]


@lru_cache(maxsize=4)
def surname_index(kb: KnowledgeBase) -> SurnameIndex:
    last: dict[str, dict[Candidate, None]] = defaultdict(dict)
    first: dict[str, set[str]] = defaultdict(set)
    for cands in kb.index.values():
        for c in cands:
            words = c.name.split()
            if c.kind != "person" or len(words) < 2:
                continue
            key = surname_key(words[-1])
            last[key][c] = None
            first[normalize(words[0])].add(key)
    return SurnameIndex(by_last=MappingProxyType({k: tuple(v) for k, v in last.items()}),
                        by_first=MappingProxyType({k: frozenset(v) for k, v in first.items()}))


def one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, deleted or replaced letter (or are equal)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _given_fits(person: str, given: Sequence[str]) -> bool:
    """The written first name (or initial) agrees with the person's first name."""
    if not given:
        return True
    mine, theirs = normalize(given[0]).rstrip("."), normalize(person.split()[0])
    return theirs == mine or (len(mine) == 1 and theirs.startswith(mine))


def by_surname(index: SurnameIndex, words: Sequence[str], on: dt.date | None,
               titled: bool = False) -> Candidate | None:
    """The person written as ``words`` ("Rabin", "Carlos Menem") on ``on``, if one is meant.

    Only people who held an office count. ``titled``: the name follows a title of office, which
    vouches for a bare surname and for someone out of office that day (the latest office wins);
    an untitled name needs a first name and someone in office on ``on``.
    """
    if not words or (not titled and len(words) < 2):
        return None
    given, key = list(words[:-1]), surname_key(words[-1])
    found = [c for c in index.by_last.get(key, ()) if _given_fits(c.name, given)]
    if not found and given and len(key) >= 5:
        # a misspelt surname ("Gbago") is trusted only with the right first name
        near = [k for k in index.by_first.get(normalize(given[0]), ()) if one_edit(k, key)]
        found = [c for k in near for c in index.by_last[k] if _given_fits(c.name, given)]
    people: dict[tuple[int, str, str], list[Candidate]] = defaultdict(list)
    for c in found:
        people[(c.layer, c.source, c.name)].append(c)
    picks = [(rank, -k[0], c) for k, v in people.items()
             if any(s.sector in OFFICE_SECTORS for s in v) for rank, c in [pick_stint(v, on)]]
    if not picks:
        return None
    best = min(p[:2] for p in picks)
    if not titled and on is not None and best[0] != 0:
        return None
    tied = [c for rank, layer, c in picks if (rank, layer) == best]
    if best[0] >= 2 and len(tied) > 1:
        # Nobody in office that day: the most recent office is the most plausible reading.
        latest = max(c.end or dt.date.max for c in tied)
        tied = [c for c in tied if (c.end or dt.date.max) == latest]
    if len({c.country for c in tied}) != 1:
        return None  # several people, several countries: the surname does not say who
    return max(tied, key=lambda c: (c.sector in OFFICE_SECTORS, c.start or dt.date.min))
