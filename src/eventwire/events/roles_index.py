"""Resolved entities over a parsed Doc, and the arguments (actor, recipient) made of them.

:class:`EntityIndex` turns a token's phrase into the entities the actors component resolved
there, a compound ("Russia and Iran", "the two countries") giving all its members.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.model import Entity

__all__ = ["THEME", "Argument", "EntityIndex", "countries"]

#: marks a candidate that is the thing acted on, not the party acted upon
THEME = "theme "


#: dependents that start a new clause or aside: their entities are not the phrase's referent
_NOT_IN_PHRASE = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc", "appos", "mark", "det"}
)


_MAX_DEPTH = 5


@dataclass(frozen=True)
class Argument:
    entities: tuple[Entity, ...]
    #: how the parse gave it, e.g. "nsubj 'Russia'"
    via: str
    #: the token whose phrase gave it (-1: none)
    token: int = -1


def countries(entities: tuple[Entity, ...]) -> frozenset[str]:
    """Country codes of ``entities``; an international organization without one counts as IGO."""
    out: set[str] = set()
    for ent in entities:
        if ent.country:
            out.add(ent.country)
        elif (ent.sector or "").upper() == "IGO":
            out.add("IGO")
    return frozenset(out)


#: sectors that act on their own account without a country ("Amnesty International demanded")
_STATELESS_ACTORS = frozenset({"IGO", "NGO"})


#: kinds of named actor that act on their own account without a country ("al-Qaeda threatened")
_STATELESS_KINDS = frozenset({"armed_group"})


def _usable(ent: Entity) -> bool:
    return bool(ent.country) or (ent.sector or "").upper() in _STATELESS_ACTORS or ent.kind in _STATELESS_KINDS


class EntityIndex:
    """Which resolved entity (or compound) covers each token of a Doc."""

    def __init__(self, doc: Doc) -> None:
        self._by_token: dict[int, Entity] = {}
        self._compound_by_token: dict[int, tuple[Entity, ...]] = {}
        for ent in doc._.ew_entities or ():
            span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    self._by_token.setdefault(tok.i, ent)
        for text_span, members in doc._.ew_compounds or ():
            span = doc.char_span(text_span.start, text_span.end, alignment_mode="expand")
            usable = tuple(m for m in members if _usable(m))
            if span is not None and usable:
                for tok in span:
                    self._compound_by_token.setdefault(tok.i, usable)

    @property
    def entity_tokens(self) -> frozenset[int]:
        return frozenset(self._by_token)

    def unplaced(self, tok: Token) -> Entity | None:
        """The entity at ``tok`` when it has no country and is no IGO/NGO ("demonstrators")."""
        ent = self._by_token.get(tok.i)
        return ent if ent is not None and not _usable(ent) else None

    def at(self, tok: Token) -> tuple[Entity, ...]:
        """The usable entities standing for ``tok`` itself (compound members, or its entity)."""
        if tok.i in self._compound_by_token:
            return self._compound_by_token[tok.i]
        ent = self._by_token.get(tok.i)
        return (ent,) if ent is not None and _usable(ent) else ()

    def phrase(self, root: Token) -> tuple[tuple[Entity, ...], bool]:
        """Entities of the phrase headed by ``root``: the ones nearest its head, breadth first.

        Returns the entities and whether they stand for the head itself (True) or for one of
        its modifiers ("an *Iranian* request").
        """
        ents, own, _ = self.phrase_found(root)
        return ents, own

    def phrase_found(self, root: Token) -> tuple[tuple[Entity, ...], bool, Token | None]:
        """:meth:`phrase`, with the token the entities were found on."""
        own = self.at(root)
        if own:
            members = list(own)
            for conj in root.children:
                if conj.dep_ == "conj":
                    for ent in self.at(conj):
                        if ent not in members:
                            members.append(ent)
            return tuple(members), True, root
        queue: deque[tuple[Token, int]] = deque((c, 1) for c in root.children if c.dep_ not in _NOT_IN_PHRASE)
        while queue:
            tok, depth = queue.popleft()
            found = self.at(tok)
            if found:
                members = list(found)
                for conj in tok.children:
                    if conj.dep_ == "conj":
                        members.extend(e for e in self.at(conj) if e not in members)
                return tuple(members), False, tok
            if depth < _MAX_DEPTH:
                queue.extend((c, depth + 1) for c in tok.children if c.dep_ not in _NOT_IN_PHRASE)
        return (), False, None
