"""The host state as the unnamed actor of diplomatic acts told in the passive.

"The High Commissioner of Canada to India was summoned", "the consul was expelled from Russia":
only the state hosting an envoy or national summons, expels or deports them, so when no agent
is named, the state the envoy is accredited TO (or expelled FROM, or a place the act happens
in) is the actor.  Which patterns this applies to is data (``host_state_acts`` in cues.yaml).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.events.arguments import Argument, EntityIndex, countries
from eventwire.model import Entity

__all__ = ["host_actor", "venue_actor"]

#: "the envoy TO India", "the ambassador of Mexico IN Bolivia"
_POSTING_PREPS = frozenset({"to", "in"})
#: "expelled FROM Russia", "summoned to the ministry IN Paris"
_VERB_PREPS = frozenset({"from", "in", "to"})


def _passive_without_agent(verb: Token) -> Token | None:
    """The passive subject of ``verb`` when the sentence names no agent."""
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None and verb.dep_ == "conj":
        # "was detained and EXPELLED from Russia": the subject hangs on the first verb
        first = verb.head
        if any(c.dep_ == "agent" for c in first.children):
            return None
        subj = next((c for c in first.children if c.dep_ == "nsubjpass"), None)
    return subj


def _pobjs(tok: Token, preps: frozenset[str]) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]


def _place_state(doc: Doc, tok: Token) -> Entity | None:
    for place in doc._.ew_places or ():
        if place.country and any(place.start <= t.idx < place.end for t in tok.subtree):
            return Entity(place.text, place.start, place.end, place.country, kind="place", why=f"place {place.name}")
    return None


def host_actor(doc: Doc, verb: Token, index: EntityIndex) -> tuple[Argument, Argument] | None:
    """(actor, recipient) of a passive host-state act without agent, or None when the sentence
    does not say which state hosts the envoy, or names only one state."""
    subj = _passive_without_agent(verb)
    if subj is None:
        return None
    guest = tuple(e for t in subj.subtree for e in index.at(t))
    # the parser hangs "in India" on "Canada" as often as on "envoy": any posting in the phrase
    posted = [p for t in subj.subtree for p in _pobjs(t, _POSTING_PREPS)]
    candidates = [(p, f"posting '{p.text}' of '{subj.text}'") for p in posted]
    candidates += [(p, f"prep of '{verb.text}'") for p in _pobjs(verb, _VERB_PREPS)]
    # "was ordered to leave FRANCE", "was asked to depart from the country"
    for comp in (c for c in verb.children if c.dep_ in ("xcomp", "advcl")):
        candidates += [(o, f"object of '{comp.text}'") for o in comp.children if o.dep_ == "dobj"]
        candidates += [(p, f"prep of '{comp.text}'") for p in _pobjs(comp, _VERB_PREPS)]
    for tok, via in candidates:
        ents = tuple(e for e in index.phrase(tok)[0] if e.country)
        if not ents:
            place = _place_state(doc, tok)
            ents = (place,) if place is not None else ()
        host = countries(ents)
        if not host:
            continue
        others = tuple(e for e in guest if countries((e,)) - host)
        if not others:
            return None  # the envoy is only said to be the host's own: no foreign act
        return Argument(ents, f"host state: {via}", tok.i), Argument(others, f"guest '{subj.text}'", subj.i)
    return None


def venue_actor(doc: Doc, noun: Token, index: EntityIndex) -> Argument | None:
    """The state a nominal state act happens in ("the execution IN SAUDI ARABIA of four Shias")."""
    inside = frozenset({"in"})
    found = _pobjs(noun, inside)
    if noun.dep_ == "dobj":
        # the parser hangs "in X" on the verb, or on another "in" phrase ("followed the execution
        # earlier in the day IN SAUDI ARABIA")
        for tok in _pobjs(noun.head, inside):
            found += [tok, *_pobjs(tok, inside)]
    for tok in found:
        ents = tuple(e for e in index.phrase(tok)[0] if e.country)
        if not ents:
            place = _place_state(doc, tok)
            ents = (place,) if place is not None else ()
        if ents:
            return Argument(ents, f"state where '{noun.text}' happens ('{tok.text}')", tok.i)
    return None
