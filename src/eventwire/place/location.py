"""Choosing the place of one event: the place its trigger (or its governing clause) owns.

Owned means: the object of a locative preposition hanging from the trigger ("attacks in
Idlib", "talks in Geneva"), the direct object of a verb of going or striking ("visited
Moscow"), or a destination city or region ("travelled to Moscow"). A place inside an actor's
name or description ("head of the Center ... in Moscow") belongs to that noun, not the event.
A generic place noun standing for the name is looked through ("to the Russian capital Moscow",
"in the city of Fukuoka").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.model import Place
from eventwire.place.gazetteer import place_cues
from eventwire.time.governance import SpanLike, char_range, clause_chain, owner, root_token

__all__ = ["event_location"]


def _anchor(doc: Doc, place: Place) -> Token | None:
    """The token whose attachment says how the place relates to the clause: the name's root,
    or the place noun it names ("the capital Moscow" -> capital)."""
    root = root_token(doc, place.start, place.end)
    if root is None:
        return None
    nouns = place_cues().place_nouns
    for _ in range(2):
        head = root.head
        if root.dep_ in ("appos", "compound") and head.lower_ in nouns:
            root = head
        elif root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in nouns:
            root = head.head
        else:
            break
    return root


def _governor(doc: Doc, anchor: Token) -> Token | None:
    return owner(doc, anchor.idx, anchor.idx + len(anchor.text))


def _relation_ok(anchor: Token, kind: str, governor: Token) -> bool:
    cues = place_cues()
    head = anchor.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        word = head.lower_
        if word in cues.event_prepositions:
            return True
        return word in cues.destination_prepositions and kind != "country"
    if anchor.dep_ in ("dobj", "obj"):
        return governor.lemma_.lower() in cues.place_object_verbs or kind != "country"
    return anchor.dep_ == "npadvmod"


def _noun_hop(doc: Doc, anchor: Token, noun: Token, levels: dict[int, int]) -> int | None:
    """'killed ... in attacks in Idlib': a place on a common noun (or a noun of a noun) that the
    trigger governs. Proper nouns stop the walk: 'the Center ... in Moscow' is the Center's."""
    head = anchor.head
    if not (head.dep_ == "prep" or head.pos_ == "ADP") or \
            head.lower_ not in place_cues().event_prepositions:
        return None
    for _ in range(2):
        if noun.pos_ != "NOUN":
            return None
        above = _governor(doc, noun)
        if above is None:
            return None
        if above.i in levels:
            return levels[above.i]
        noun = above
    return None


def event_location(doc: Doc, sentence_span: SpanLike, trigger_span: SpanLike) -> Place | None:
    """The place of the event whose trigger is ``trigger_span`` (character offsets of a Span,
    TextSpan or pair) inside ``sentence_span``; None when the sentence gives no place for it."""
    sent_start, sent_end = char_range(sentence_span)
    trig_start, trig_end = char_range(trigger_span)
    trigger = root_token(doc, trig_start, trig_end)
    if trigger is None:
        return None
    places: list[Place] = [p for p in (doc._.ew_places or [])
                           if sent_start <= p.start and p.end <= sent_end]
    if not places:
        return None
    chain = clause_chain(trigger)
    levels = {tok.i: rank for rank, tok in enumerate(chain)}
    best: tuple[int, int, int, Place] | None = None
    for place in places:
        anchor = _anchor(doc, place)
        governor = _governor(doc, anchor) if anchor is not None else None
        if anchor is None or governor is None:
            continue
        if governor.i in levels and _relation_ok(anchor, place.kind, governor):
            key = (levels[governor.i], 0, abs(place.start - trigger.idx), place)
        else:
            hop = _noun_hop(doc, anchor, governor, levels)
            if hop is None:
                continue
            key = (hop, 1, abs(place.start - trigger.idx), place)
        if best is None or key[:3] < best[:3]:
            best = key
    return best[3] if best else None
