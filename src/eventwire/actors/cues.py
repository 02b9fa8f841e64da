"""Loader for ``data/actors/resolution_cues.yaml``: actor resolution's cue words, immutable."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["AmbiguousName", "Cues", "Reference", "StateGroup", "load_cues"]


@dataclass(frozen=True)
class Reference:
    noun: str
    kinds: frozenset[str]
    agent_words: frozenset[str]
    any_country: bool
    #: "the North": the state whose name starts with this word ("North Korea")
    name_prefix: str | None = None
    #: only as a capitalised bare noun ("the Community", not "the international community")
    capitalised: bool = False
    #: "its neighbour": a state other than the possessor's
    neighbour: bool = False


@dataclass(frozen=True)
class StateGroup:
    name: str
    aliases: tuple[str, ...]
    sector: str | None


@dataclass(frozen=True)
class AmbiguousName:
    default: str
    #: (country, context words) in order of preference
    contexts: tuple[tuple[str, frozenset[str]], ...]


@dataclass(frozen=True)
class Cues:
    actor_deps: frozenset[str]
    locative_preps: frozenset[str]
    place_verbs: frozenset[str]
    person_pronouns: frozenset[str]
    body_pronouns: frozenset[str]
    expletive_verbs: frozenset[str]
    references: tuple[Reference, ...]
    pair_references: tuple[str, ...]
    compound_joiners: frozenset[str]
    government_nouns: frozenset[str]
    apposition_roles: frozenset[str]
    ngo_words: tuple[str, ...]
    government_words: tuple[str, ...]
    state_groups: tuple[StateGroup, ...]
    ambiguous: tuple[tuple[str, AmbiguousName], ...]
    name_particles: frozenset[str]
    general_titles: frozenset[str]
    #: modifiers that make a definite noun a new referent ("the first country to ...")
    reference_blockers: frozenset[str] = frozenset()
    #: region word -> continents its state lies in ("African" -> AF)
    region_words: tuple[tuple[str, frozenset[str]], ...] = ()
    #: compass words between "in"/"of" and a people's state ("of southern Serbia")
    direction_words: frozenset[str] = frozenset()

    def regions(self, word: str) -> frozenset[str] | None:
        return next((r for w, r in self.region_words if w == word), None)

    def reference(self, noun: str) -> Reference | None:
        return self._references_by_noun.get(noun)

    @cached_property
    def coreferring_words(self) -> frozenset[str]:
        """Every word ``resolve_references`` looks at: pronouns and reference nouns."""
        return self.person_pronouns | self.body_pronouns | frozenset(self._references_by_noun)

    @cached_property
    def _references_by_noun(self) -> dict[str, Reference]:
        # asked for every token of an article: a map, built once, where the first entry wins
        index: dict[str, Reference] = {}
        for r in self.references:
            index.setdefault(r.noun, r)
        return index

    def ambiguity(self, key: str) -> AmbiguousName | None:
        return next((a for k, a in self.ambiguous if k == key), None)


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or ())


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    path = resources.files("eventwire") / "data" / "actors" / "resolution_cues.yaml"
    text = path.read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    references = tuple(
        Reference(noun=str(noun), kinds=frozenset(spec.get("kinds") or ()),
                  agent_words=frozenset(spec.get("agent_words") or ()),
                  any_country=bool(spec.get("any_country")),
                  name_prefix=spec.get("name_prefix"), capitalised=bool(spec.get("capitalised")),
                  neighbour=bool(spec.get("neighbour")))
        for noun, spec in (data.get("references") or {}).items()
    )
    groups = tuple(
        StateGroup(name=str(g["name"]), aliases=tuple(str(a) for a in g.get("aliases") or ()),
                   sector=g.get("sector"))
        for g in data.get("state_groups") or ()
    )
    ambiguous = tuple(
        (str(key), AmbiguousName(
            default=str(spec["default"]),
            contexts=tuple((str(c["country"]), frozenset(str(w).lower() for w in c["words"]))
                           for c in spec.get("contexts") or ()),
        ))
        for key, spec in (data.get("ambiguous") or {}).items()
    )
    return Cues(
        actor_deps=_words(data, "actor_deps"),
        locative_preps=_words(data, "locative_preps"),
        place_verbs=_words(data, "place_verbs"),
        person_pronouns=_words(data, "person_pronouns"),
        body_pronouns=_words(data, "body_pronouns"),
        expletive_verbs=_words(data, "expletive_verbs"),
        references=references,
        pair_references=tuple(str(p).lower() for p in data.get("pair_references") or ()),
        compound_joiners=_words(data, "compound_joiners"),
        government_nouns=_words(data, "government_nouns"),
        apposition_roles=_words(data, "apposition_roles"),
        ngo_words=tuple(str(w).lower() for w in data.get("ngo_words") or ()),
        government_words=tuple(str(w).lower() for w in data.get("government_words") or ()),
        state_groups=groups,
        ambiguous=ambiguous,
        name_particles=_words(data, "name_particles"),
        general_titles=_words(data, "general_titles"),
        reference_blockers=_words(data, "reference_blockers"),
        direction_words=_words(data, "direction_words"),
        region_words=tuple((str(w).lower(), frozenset(str(c) for c in codes))
                           for w, codes in (data.get("region_words") or {}).items()),
    )
