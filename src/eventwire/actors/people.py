"""People the knowledge base does not know: country, sector and role from the sentence.

A PERSON entity from spaCy's NER that no name, title or organization already covers gets what
its apposition says ("<Name>, head of the <Org> in <City>") or what the office before it says
("the ambassador of Mexico in Bolivia, <Name>"; "a senior member of the Houthi group, <Name>").
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

from eventwire.actors.appositions import read_apposition
from eventwire.actors.cues import Cues
from eventwire.actors.resolve import ORG_KINDS, make_entity
from eventwire.actors.surnames import SurnameIndex, by_surname
from eventwire.model import Entity

__all__ = ["unknown_people"]


def _trimmed(span: Span) -> Span:
    end = span.end
    while end > span.start and not any(ch.isalnum() for ch in span.doc[end - 1].text):
        end -= 1
    return Span(span.doc, span.start, end, label=span.label_)


_POSTING_PREPS = frozenset({"in", "to", "at", "of", "for"})


def _role_before(doc: Doc, person: Span, known: list[Entity]) -> Entity | None:
    """The office or organization just before ", <Name>" ("the ambassador of Mexico in Bolivia,
    Maria Teresa Mercado"; "a senior member of the Houthi group, Abdul Salam Jahaf")."""
    if person.start == 0 or doc[person.start - 1].text != ",":
        return None
    comma = doc[person.start - 1].idx
    for e in reversed(known):
        if e.end > comma:
            continue
        gap = doc.char_span(e.end, comma, alignment_mode="expand") if e.end < comma else None
        words = [t for t in gap if not t.is_space] if gap is not None else []
        head_nouns = len(words) <= 2 and all(t.pos_ == "NOUN" for t in words)  # "Houthi group"
        if words and not head_nouns and (words[0].lower_ not in _POSTING_PREPS or len(words) > 5
                                         or any(t.pos_ in ("VERB", "AUX") for t in words)):
            return None
        first = doc.char_span(e.start, e.end, alignment_mode="expand")
        if e.kind == "state" and first is not None and first.start > 0 \
                and doc[first.start - 1].lower_ in _POSTING_PREPS:
            continue  # "... of Mexico in Bolivia, <Name>": the posting, look further back
        if e.entity_id and e.entity_id.startswith("role:") and e.country:
            return e
        if e.kind in ORG_KINDS and (e.country or e.sector):
            return e
        return None
    return None


def unknown_people(doc: Doc, known: list[Entity], cues: Cues, index: SurnameIndex | None = None,
                   on: dt.date | None = None) -> tuple[list[Entity], list[Entity]]:
    """PERSON entities the knowledge base missed, with what their apposition says; and the known
    bare agent nouns inside those appositions, which the person's entity now covers. A full name
    the knowledge base spells otherwise ("Carlos Menem") is found through ``index``."""
    taken = [(e.start, e.end) for e in known]
    out: list[Entity] = []
    covered: list[Entity] = []
    for ent in map(_trimmed, doc.ents):
        if not len(ent) or ent.label_ != "PERSON" or any(ch.isdigit() for ch in ent.text):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        app = read_apposition(doc, ent, known, cues)
        span: Span = ent
        before = _role_before(doc, ent, known)
        if before is not None and (app is None or app.country is None):
            out.append(make_entity(doc, span.start, span.end, country=before.country,
                               sector=before.sector, name=ent.text, role=before.role,
                               kind="person", why=f"named after its role '{before.text}'"))
            continue
        words = [t.text for t in ent if t.is_alpha or "-" in t.text]
        known_as = by_surname(index, words, on) if index is not None and len(words) >= 2 \
            and (app is None or app.country is None) else None
        if known_as is not None:
            out.append(make_entity(doc, span.start, span.end, country=known_as.country,
                                   sector=known_as.sector, name=known_as.name, role=known_as.role,
                                   kind="person", why=f"as {known_as.explain()}",
                                   entity_id=known_as.entity_id))
            continue
        if app is None:
            out.append(make_entity(doc, span.start, span.end, country=None, sector=None,
                               name=ent.text, role=None, kind="person",
                               why="PERSON not in the knowledge base"))
            continue
        out.append(make_entity(doc, span.start, span.end, country=app.country, sector=app.sector,
                           name=ent.text, role=app.role, kind="person", why=app.why))
        covered += [e for e in known if e.country is None and e.name is None
                    and app.span.start_char <= e.start and e.end <= app.span.end_char]
    return out, covered
