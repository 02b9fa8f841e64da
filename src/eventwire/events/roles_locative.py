"""The place where an act happens as its recipient, when the sentence names no other.

"Serbia lifted a night curfew IN MONTENEGRO", "demonstrated IN SERBIA", "imposed a curfew in the
town of Cizre IN SOUTHEASTERN TURKEY": PLOVER and CAMEO code such acts against the state of the
place (for domestic acts, the actor's own).  Which types take this fallback, and which of them
keep a place in the actor's own country, is data (``data/events/roles.yaml``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.events.roles_data import load_role_conventions
from eventwire.model import Entity

__all__ = ["EntitiesAt", "Locative", "act_heads", "locative_recipient", "party_place", "place_in"]

#: dependents that open a clause of their own: a place there is not where the act happens
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "appos", "conj", "cc", "punct"})
_MAX_DEPTH = 4


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
    rules = load_role_conventions()
    if typ not in rules.locative_types:
        return None
    home_ok = typ in rules.home_types
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in rules.locative_preps:
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
