"""The place where an act happens as its recipient, when the sentence names no other.

"Serbia lifted a night curfew IN MONTENEGRO", "demonstrated IN SERBIA", "imposed a curfew in the
town of Cizre IN SOUTHEASTERN TURKEY": PLOVER and CAMEO code such acts against the state of the
place (for domestic acts, the actor's own).  Which types take this fallback, and which of them
keep a place in the actor's own country, is data (``data/events/roles_locative.yaml``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventwire.events.cameo import DATA_DIR
from eventwire.events.yamlfile import read_mapping
from eventwire.model import Entity

__all__ = ["EntitiesAt", "Locative", "LocativeRoles", "act_heads", "load_locative_roles", "locative_recipient", "party_place", "place_in"]

#: dependents that open a clause of their own: a place there is not where the act happens
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "appos", "conj", "cc", "punct"})
_MAX_DEPTH = 4


@dataclass(frozen=True)
class LocativeRoles:
    types: frozenset[str]
    home_types: frozenset[str]
    preps: frozenset[str]
    #: acts a state commonly directs at its own people
    domestic_types: frozenset[str] = frozenset()
    #: acts whose absorbed complement is the actor's own act ("threatened TO BAN")
    own_complement_types: frozenset[str] = frozenset()
    #: acts by a domestic group directed at its own government when no target is named
    home_default_types: frozenset[str] = frozenset()
    #: sectors of a country-less group that a domestic act's actor does it to at home
    domestic_group_sectors: frozenset[str] = frozenset()


def _words(raw: object) -> frozenset[str]:
    return frozenset(str(w).strip().lower() for w in raw or ()) if isinstance(raw, list) else frozenset()


@lru_cache(maxsize=1)
def load_locative_roles() -> LocativeRoles:
    data = read_mapping(DATA_DIR / "roles_locative.yaml")
    return LocativeRoles(
        types=frozenset(t.upper() for t in _words(data.get("types"))),
        home_types=frozenset(t.upper() for t in _words(data.get("home_types"))),
        preps=_words(data.get("preps")),
        domestic_types=frozenset(t.upper() for t in _words(data.get("domestic_types"))),
        own_complement_types=frozenset(t.upper() for t in _words(data.get("own_complement_types"))),
        home_default_types=frozenset(t.upper() for t in _words(data.get("home_default_types"))),
        domestic_group_sectors=frozenset(t.upper() for t in _words(data.get("domestic_group_sectors"))),
    )


#: the resolved entities standing for a token (``EntityIndex.at``)
EntitiesAt = Callable[[Token], tuple[Entity, ...]]


@dataclass(frozen=True)
class Locative:
    entity: Entity
    #: the object of the locative preposition
    token: Token
    via: str


#: what a party's own description can hold: "refugees FLEEING the war in Liberia"
_DESCRIPTION_CLAUSES = _CLAUSES - {"acl"}


def place_in(
    root: Token, doc: Doc, entities_at: EntitiesAt, skip: frozenset[str] = _CLAUSES
) -> Entity | None:
    """The first place (gazetteer) or state entity in the phrase headed by ``root``, nearest first
    ("the town of CIZRE in southeastern Turkey", "the capital city of ALGIERS")."""
    places = [p for p in doc._.ew_places or () if p.country]
    queue: deque[tuple[Token, int]] = deque([(root, 0)])
    while queue:
        tok, depth = queue.popleft()
        for place in places:
            if place.start <= tok.idx < place.end:
                return Entity(place.text, place.start, place.end, place.country, kind="place",
                              why=f"place {place.name}")
        for ent in entities_at(tok):
            if ent.kind == "state" and ent.country:
                return ent
        if depth < _MAX_DEPTH:
            queue.extend((c, depth + 1) for c in tok.children if c.dep_ not in skip)
    return None


def act_heads(head: Token, absorb: bool) -> list[Token]:
    """Tokens whose locative phrases can say where the act of ``head`` happens: the trigger, its
    objects ("lifted a curfew IN X" often hangs on "curfew") and, for an act that absorbs its
    complement ("threatened to impose a curfew IN X"), the complement and its objects."""
    heads = [head]
    if absorb:
        heads += [c for c in head.children if c.dep_ in ("xcomp", "ccomp")]
    heads += [o for h in list(heads) for o in h.children if o.dep_ in ("dobj", "nsubjpass")]
    return heads


def locative_recipient(
    heads: Iterable[Token], doc: Doc, entities_at: EntitiesAt, typ: str, actor_countries: frozenset[str]
) -> Locative | None:
    """The state where an act of PLOVER type ``typ`` happens, by a locative phrase on one of
    ``heads``; None when the type takes no such fallback or no place is named."""
    rules = load_locative_roles()
    if typ not in rules.types:
        return None
    home_ok = typ in rules.home_types
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in rules.preps:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                ent = place_in(pobj, doc, entities_at)
                if ent is None or (not home_ok and ent.country in actor_countries):
                    continue
                return Locative(ent, pobj, f"place '{prep.lower_} {pobj.text}' ({ent.text})")
    return None


def party_place(root: Token, doc: Doc, entities_at: EntitiesAt) -> Entity | None:
    """The place in a party's own description ("refugees fleeing the war IN LIBERIA", "DARFUR
    rebels"), the clause that describes it included."""
    return place_in(root, doc, entities_at, _DESCRIPTION_CLAUSES)
