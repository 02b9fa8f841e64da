"""Recipient candidates beyond the verb's own objects: the target of the purpose it serves
("for a war AGAINST IRAQ"), the maker of the pressure it resists ("despite calls FROM X"), what a
protest is against, the destination of the act a purpose clause serves."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.roles_data import load_role_conventions

__all__ = ["MAKER_PREPS", "beneficiary", "destination", "protest_target", "purpose_target", "resisted"]

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


def _purpose_clauses(verb: Token) -> list[Token]:
    """ "blocked a road TO SHOW ...": infinitival clauses of purpose on ``verb``."""
    return [c for c in verb.children if c.dep_ in ("advcl", "xcomp")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def protest_target(verb: Token, typ: str) -> list[tuple[Token, str]]:
    """What a protest is against: the object of its purpose ("to show their disapproval OF X",
    "to protest X") or of "in protest at X"."""
    rules = load_role_conventions()
    if typ not in rules.protest_types:
        return []
    out: list[tuple[Token, str]] = []
    holders: list[Token] = []
    for clause in _purpose_clauses(verb):
        if clause.lemma_.lower() in rules.protest_purpose_verbs:
            objs = [o for o in clause.children if o.dep_ == "dobj"]
            out += [(o, f"object of purpose '{clause.text}'") for o in objs if o.pos_ in ("PROPN", "PRON")]
            holders += [clause] + objs
    holders += [p for prep in verb.children if prep.dep_ == "prep"
                for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in rules.protest_nouns]
    for holder in holders:
        out += [(t, f"prep '{prep.lower_}' of '{holder.text}'") for prep in holder.children
                if prep.dep_ == "prep" and prep.lower_ in rules.protest_target_preps
                for t in prep.children if t.dep_ == "pobj"]
    for clause in _purpose_clauses(verb):
        if clause.lemma_.lower() in rules.protest_purpose_verbs:
            # "to protest THE DECISION of Sweden": the object's own party, after the prepositions
            out += [(o, f"object of purpose '{clause.text}'") for o in clause.children
                    if o.dep_ == "dobj" and o.pos_ not in ("PROPN", "PRON")]
    return out


def destination(verb: Token, typ: str) -> list[tuple[Token, str]]:
    """ "sent 21 personnel TO BOSNIA to investigate": where the act a purpose clause serves goes."""
    rules = load_role_conventions()
    if typ not in rules.destination_types or verb.dep_ not in ("advcl", "xcomp"):
        return []
    if not any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
        return []
    served = verb.head
    return [(p, f"destination '{prep.lower_} {p.text}' of '{served.text}'") for prep in served.children
            if prep.dep_ == "prep" and prep.lower_ in rules.destination_preps
            for p in prep.children if p.dep_ == "pobj"]


def beneficiary(verb: Token, typ: str) -> list[tuple[Token, str]]:
    """ "opened the bridge TO ALLOW THE DELIVERY of grain TO AFGHANISTAN": whom the purpose lets
    something reach."""
    rules = load_role_conventions()
    if typ not in rules.enabling_types:
        return []
    out: list[tuple[Token, str]] = []
    for clause in _purpose_clauses(verb):
        if clause.lemma_.lower() not in rules.enabling_verbs:
            continue
        holders = [clause] + [o for o in clause.children if o.dep_ in ("dobj", "ccomp", "xcomp")]
        out += [(p, f"'to' of '{h.text}' (purpose '{clause.text}')") for h in holders for prep in h.children
                if prep.dep_ == "prep" and prep.lower_ == "to" for p in prep.children if p.dep_ == "pobj"]
    return out
