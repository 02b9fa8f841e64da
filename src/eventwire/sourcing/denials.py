"""Link a denial to the accusation it answers.

PLOVER's manual notes that CAMEO "016: Deny responsibility" may be coded REJECT; such a REJECT
answers an earlier ACCUSE in the article when the accuser is the one being answered or the accused
is the one denying ("the U.S. blamed Iran ..." ... "Iranian officials denied any involvement").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from eventwire.model import Entity, Event
from eventwire.sourcing.cues import SourcingCues, sourcing_cues

__all__ = ["is_denial", "link_denials"]


def _countries(entities: Sequence[Entity]) -> set[str]:
    return {e.country for e in entities if e.country}


def _lemma_at(doc: Doc, offset: int) -> str | None:
    for tok in doc:
        if tok.idx <= offset < tok.idx + len(tok.text):
            return str(tok.lemma_).lower()
    return None


def is_denial(doc: Doc, event: Event, cues: SourcingCues | None = None) -> bool:
    """A REJECT coded as CAMEO 016, or triggered by a denial verb whose evidence names an accusation."""
    if event.type != "REJECT":
        return False
    if event.cameo is not None and event.cameo.startswith("016"):
        return True
    cues = cues or sourcing_cues()
    lemma = _lemma_at(doc, event.trigger.start)
    if lemma is None or lemma not in cues.denial_verbs:
        return False
    words = {w.strip(".,;:\"'“”").lower() for w in event.evidence.text.split()}
    return bool(words & cues.accusation_nouns)


def _answers(denial: Event, accusation: Event) -> bool:
    return bool(
        _countries(accusation.actor) & _countries(denial.recipient)
        or _countries(accusation.recipient) & _countries(denial.actor)
    )


def link_denials(doc: Doc, events: Sequence[Event]) -> list[Event]:
    """Events with each denial's ``responds_to`` set to the nearest earlier accusation it answers."""
    cues = sourcing_cues()
    out = list(events)
    for j, event in enumerate(out):
        if event.responds_to is not None or not is_denial(doc, event, cues):
            continue
        earlier = [
            i
            for i, other in enumerate(out)
            if i != j
            and other.type == "ACCUSE"
            and other.trigger.start < event.trigger.start
            and _answers(event, other)
        ]
        if not earlier:
            continue
        target = max(earlier, key=lambda i: out[i].trigger.start)
        recipient = event.recipient or out[target].actor
        out[j] = dataclasses.replace(event, responds_to=target, recipient=recipient)
    return out
