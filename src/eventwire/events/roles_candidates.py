"""Recipient candidates beyond the verb's own objects: the target of the purpose it serves
("for a war AGAINST IRAQ"), the maker of the pressure it resists ("despite calls FROM X")."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.roles_data import load_role_conventions

__all__ = ["MAKER_PREPS", "purpose_target", "resisted"]

#: prepositions on a nominal that name who made it ("an appeal FROM", "pressure BY")
MAKER_PREPS = frozenset({"from", "by"})


def purpose_target(verb: Token, typ: str) -> list[tuple[Token, str]]:
    """ "mobilized reservists FOR A POSSIBLE WAR AGAINST IRAQ": the target of the purpose."""
    rules = load_role_conventions()
    if typ not in rules.purpose_types:
        return []
    heads = [verb] + [o for o in verb.children if o.dep_ == "dobj"]
    return [(t, f"'{against.lower_}' of '{p.text}' ({prep.lower_})") for h in heads for prep in h.children
            if prep.dep_ == "prep" and prep.lower_ in rules.purpose_preps
            for p in prep.children if p.dep_ == "pobj"
            for against in p.children if against.dep_ == "prep" and against.lower_ in rules.target_preps
            for t in against.children if t.dep_ == "pobj"]


def resisted(verb: Token, typ: str) -> list[tuple[Token, str]]:
    """ "declined to resign DESPITE PRESSURE BY THE COMMISSION": the maker of what is resisted."""
    rules = load_role_conventions()
    if typ not in rules.concessive_types:
        return []
    out: list[tuple[Token, str]] = []
    # the parser often hangs it on the refused act ("refused to stop ... DESPITE calls")
    heads = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in rules.concessive_preps):
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            out += [(m, f"owner of '{pobj.text}' ({prep.lower_})") for m in pobj.children if m.dep_ == "poss"]
            out += [(m, f"prep '{by.lower_}' of '{pobj.text}' ({prep.lower_})") for by in pobj.children
                    if by.dep_ == "prep" and by.lower_ in MAKER_PREPS for m in by.children if m.dep_ == "pobj"]
    return out
