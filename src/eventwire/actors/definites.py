"""Definite descriptions of an actor named before: "the country", "the west African country",
"the kingdom", "the bloc", "the North", "his country", "its (northern) neighbour".

Each finds its antecedent among the entities named earlier in the article (never among other
references, so one wrong guess does not spread). The antecedent is skipped when it is the
subject of the reference's own clause ("US sanctions hit the country": the country is not the
US -- a plain noun phrase does not corefer with its clause-mate subject).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.actors.cues import Cues, Reference
from eventwire.actors.geography import borders, continent
from eventwire.model import Entity

__all__ = ["Definite", "read_definite"]

_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_MODIFIER_POS = frozenset({"ADJ", "PROPN", "NOUN", "NUM"})
_SUBJECT_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
#: how many modifiers may stand between the determiner and the noun ("the small oil-rich country")
_MAX_MODIFIERS = 4
_COMPLEMENTS = frozenset({"ccomp", "xcomp"})
_NOT_HEAD = frozenset({"compound", "amod"})
_PERSON_POSSESSIVES = frozenset({"his", "her"})
_BODY_POSSESSIVES = frozenset({"its", "their"})


@dataclass(frozen=True)
class Definite:
    entity: Entity
    start: int  # character offsets of the whole description
    end: int


def _matches(ref: Reference, e: Entity) -> bool:
    if ref.name_prefix:
        return e.kind == "state" and (e.name or "").startswith(ref.name_prefix + " ")
    if ref.any_country:
        return e.country is not None and e.kind in ("state", "person", "group", "ministry",
                                                      "agent", "organization")
    return e.kind in ref.kinds or any(w in e.text.lower().split() for w in ref.agent_words)


def _determiner(doc: Doc, tok: Token, cues: Cues) -> int | None:
    """Index of the determiner ("the", "his", "its") before ``tok`` and its modifiers."""
    i = tok.i - 1
    while i >= 0 and tok.i - i <= _MAX_MODIFIERS and (
            doc[i].pos_ in _MODIFIER_POS or (doc[i].text == "-" and not doc[i].whitespace_)) \
            and doc[i].lower_ not in cues.reference_blockers:
        i -= 1
    if i < 0 or doc[i].lower_ not in ("the",) + tuple(_PERSON_POSSESSIVES | _BODY_POSSESSIVES):
        return None
    return i


def _non_finite(verb: Token) -> bool:
    """ "(the country) becoming", "(the country) to join" -- not "would keep", "is joining"."""
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (verb.tag_ == "VBG" and not aux) or (verb.tag_ == "VB" and aux == ["to"])


def _barred(doc: Doc, tok: Token, found: Sequence[Entity], cues: Cues) -> list[tuple[int, int]]:
    """Character ranges no antecedent of ``tok`` may come from: the subject (head and
    pre-modifiers) of the clause ``tok`` is an object in ("US sanctions hit the country"); for
    an infinitive, its controller, whole ("asked an employee of the Ukrainian embassy to leave
    the country"); for a "he"/"she" subject, the person it stands for ("he did not want the
    country to join")."""
    head, steps = tok, 0
    if tok.dep_ in _SUBJECT and _non_finite(tok.head) and tok.head.dep_ in _COMPLEMENTS:
        # "he did not want the country becoming a member": the subject of a non-finite
        # complement is bound in the clause above it
        head = tok.head.head
    while head.dep_ not in _SUBJECT and head.pos_ not in ("VERB", "AUX") \
            and head.head.i != head.i and steps < 4:
        head, steps = head.head, steps + 1
    if head.dep_ in _SUBJECT or head.pos_ not in ("VERB", "AUX"):
        return []
    subj = next((c for c in head.children if c.dep_ in _SUBJECT), None)
    if subj is None and (head.dep_ == "xcomp" or (head.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in head.children))):
        ruler = head.head
        ctrl = next((c for c in ruler.children if c.dep_ == "dobj"), None) \
            or next((c for c in ruler.children if c.dep_ in _SUBJECT), None)
        if ctrl is None:
            return []
        last = ctrl.right_edge
        return [(ctrl.left_edge.idx, last.idx + len(last.text))]
    if subj is None:
        return []
    if subj.lower_ in cues.person_pronouns:
        person = next((e for e in reversed(found) if e.end <= subj.idx and e.kind == "person"
                       and e.name), None)
        return [(person.start, person.end)] if person is not None else []
    start = min([subj.idx] + [c.left_edge.idx for c in subj.lefts if c.dep_ in _SUBJECT_MODIFIERS])
    return [(start, subj.idx + len(subj.text))]


def _state_of(e: Entity, text: str, start: int, end: int, why: str) -> Entity:
    return Entity(text=text[start:end], start=start, end=end, country=e.country, kind="state",
                  name=e.name if e.kind == "state" else None,
                  entity_id=f"state:{e.country}", why=why)


def _possessor(found: Sequence[Entity], pos: int, sent_start: int, *, person: bool) -> Entity | None:
    """What "his"/"its" at ``pos`` stands for: the last person (or state/organization) with a
    country before it, in its sentence."""
    for e in reversed(found):
        if e.end > pos or not e.country:
            continue
        if e.start < sent_start:
            return None
        if (e.kind == "person") == person:
            return e
    return None


def _neighbour(found: Sequence[Entity], owner: Entity, pos: int,
               headline: tuple[str, ...]) -> tuple[str, str] | None:
    """(country, what named it) of the last state named before ``pos`` that borders the
    possessor's, else the last other one, else the first other state of the headline."""
    assert owner.country is not None
    others = [(e.country, e.text) for e in reversed(found) if e.end <= pos and e.kind == "state"
              and e.country and e.country != owner.country]
    others += [(c, f"{c} in the headline") for c in headline if c != owner.country]
    return next((o for o in others if o[0] and borders(owner.country, o[0])),
                others[0] if others else None)


def read_definite(doc: Doc, tok: Token, found: Sequence[Entity], cues: Cues,
                  text: str, headline: tuple[str, ...] = ()) -> Definite | None:
    """The entity a definite description headed by ``tok`` stands for, if any; ``headline``
    lists the states the title names, for "its neighbour" when the body names no other."""
    ref = cues.reference(tok.lower_)
    if ref is None:
        return None
    if tok.dep_ in _NOT_HEAD or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"
                                 and not tok.whitespace_):
        return None  # "the 27-nation bloc": "nation" modifies the head
    det = _determiner(doc, tok, cues)
    if det is None:
        return None
    modified = det < tok.i - 1
    if ref.capitalised and (modified or not tok.text[:1].isupper()):
        return None  # "the Community" (the IGO named before), not "the international community"
    if modified and tok.text[:1].isupper() and doc[tok.i - 1].text[:1].isupper():
        return None  # "the Hashemite Kingdom": a name the knowledge base does not know
    if ref.name_prefix and (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN")):
        return None  # "the North Atlantic", "the South China Sea"
    start, end = doc[det].idx, tok.idx + len(tok.text)
    if any(e.country and start <= e.start and e.end <= tok.idx for e in found):
        return None  # "the Iranian nation" names its state itself
    det_word = doc[det].lower_
    if det_word in _PERSON_POSSESSIVES or det_word in _BODY_POSSESSIVES:
        person = det_word in _PERSON_POSSESSIVES
        # "his" may reach back to the last sentence's speaker; "its" stays in its sentence
        owner = _possessor(found, doc[det].idx, _sentence_start(doc, det, back=int(person)),
                           person=person)
        if owner is None:
            return None
        why = f"coref: {text[start:end]} -> {owner.text}"
        if ref.neighbour:
            if det_word in _PERSON_POSSESSIVES or _named_after(doc, tok, found):
                return None
            other = _neighbour(found, owner, doc[det].idx, headline)
            if other is None:
                return None
            country, named = other
            return Definite(Entity(text=text[start:end], start=start, end=end, country=country,
                                   kind="state", entity_id=f"state:{country}",
                                   why=f"coref: {text[start:end]} -> {named} "
                                       f"(a state other than {owner.text})"), start, end)
        if not ref.any_country:
            return None
        return Definite(_state_of(owner, text, start, end, why), start, end)
    if ref.neighbour:
        return None
    barred = _barred(doc, tok, found, cues)
    regions = _regions(doc, det, tok.i, cues)
    cands = [e for e in reversed(found) if e.end <= start and _matches(ref, e)
             and not any(a <= e.start and e.end <= b for a, b in barred)
             and (regions is None or (e.country is not None and continent(e.country) in regions))]
    if not cands:
        return None
    ante = cands[0]
    why = f"coref: {text[start:end]} -> {ante.text}"
    if (ref.any_country or ref.name_prefix) and ante.kind != "state":
        # "the country" is the state the antecedent belongs to, not the antecedent itself
        return Definite(_state_of(ante, text, start, end, why), start, end)
    return Definite(dataclasses.replace(ante, text=text[start:end], start=start, end=end, why=why),
                    start, end)


def _regions(doc: Doc, det: int, head: int, cues: Cues) -> frozenset[str] | None:
    """Continents the region words between determiner and noun allow, None when there are none."""
    allowed: frozenset[str] | None = None
    for t in doc[det + 1:head]:
        r = cues.regions(t.lower_)
        if r is not None:
            allowed = r if allowed is None else allowed & r
    return allowed


def _sentence_start(doc: Doc, i: int, back: int = 0) -> int:
    """Character offset where the sentence of token ``i`` starts, or the one ``back`` sentences
    before it (Token.sent scans the whole doc)."""
    while True:
        while i > 0 and not doc[i].is_sent_start:
            i -= 1
        if back == 0 or i == 0:
            return doc[i].idx
        i, back = i - 1, back - 1


def _named_after(doc: Doc, tok: Token, found: Sequence[Entity]) -> bool:
    """ "its neighbour Iran", "its neighbour, Iran": the name follows and speaks for itself."""
    nxt = tok.i + 1
    if nxt < len(doc) and doc[nxt].text == ",":
        nxt += 1
    if nxt >= len(doc):
        return False
    at = doc[nxt].idx
    return any(e.start == at and e.country for e in found)
