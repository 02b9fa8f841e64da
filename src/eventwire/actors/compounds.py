"""Compound actors: "Russia and Iran", "the U.S. and its Gulf Arab allies", and the pair that a
later "the two countries" / "both sides" stands for."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from eventwire.actors.cues import Cues
from eventwire.model import Entity, TextSpan
from eventwire.nlp.text import doc_text

__all__ = ["Compound", "find_compounds", "in_quotation", "is_subject", "pair_references"]

Compound = tuple[TextSpan, tuple[Entity, ...]]
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
#: how many paragraphs back a subject pair still answers "the two countries"
_PAIR_PARAGRAPHS = 2
_MEMBER_KINDS = frozenset({"state", "person", "group", "organization", "igo", "ministry", "agency",
                           "military", "armed_group", "party", "agent", "ngo", "company"})


def find_compounds(doc: Doc, entities: Sequence[Entity], cues: Cues) -> list[Compound]:
    """Entities joined by 'and'/',' ('Russia and Iran', 'the U.S. and its Gulf Arab allies')."""
    out: list[Compound] = []
    group: list[Entity] = []
    has_and = False
    text = doc_text(doc)

    def flush() -> None:
        if len(group) >= 2 and has_and:
            start, end = group[0].start, group[-1].end
            out.append((TextSpan(text[start:end], start, end), tuple(group)))

    for e in sorted(entities, key=lambda e: e.start):
        if e.kind not in _MEMBER_KINDS or text[e.end:e.end + 1] == "-":  # "Iran-backed"
            flush()
            group, has_and = [], False
            continue
        if group:
            between = text[group[-1].end:e.start].lower().replace(",", " , ").split()
            if between and all(w in cues.compound_joiners for w in between):
                has_and = has_and or "and" in between
                group.append(e)
                continue
            flush()
        group, has_and = [e], False
    flush()
    return out


def is_subject(doc: Doc, e: Entity) -> bool:
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in _SUBJECT


def in_quotation(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside quotation marks of its paragraph."""
    para = text[text.rfind("\n\n", 0, pos) + 1:pos]
    opened = para.count("\u201c") - para.count("\u201d")
    return opened > 0 or para.count('"') % 2 == 1


def _pair_before(doc: Doc, entities: Sequence[Entity], compounds: Sequence[Compound],
                 pos: int) -> tuple[Entity, ...]:
    """The two states a "the two countries" at ``pos`` means.

    A two-state compound that was a subject ("Russia and Iran have ...") is what the text was
    about; failing that, the last two distinct states (or their peoples) named before, outside
    quotations.
    """
    text = doc_text(doc)
    pairs = [c for c in compounds if c[0].end <= pos and not in_quotation(text, c[0].start)
             and len({m.country for m in c[1] if m.country}) == 2 and len(c[1]) == 2
             and text.count("\n\n", c[0].end, pos) <= _PAIR_PARAGRAPHS]
    subjects = [c for c in pairs if is_subject(doc, c[1][0])]
    near = [c for c in pairs if text.count("\n\n", c[0].end, pos) == 0]
    if near or subjects:
        return (near or subjects)[-1][1]
    seen: dict[str, Entity] = {}
    for e in sorted(entities, key=lambda e: e.start):
        if e.end <= pos and e.kind in ("state", "group") and e.country \
                and not in_quotation(text, e.start):
            seen.pop(e.country, None)
            seen[e.country] = e
    return tuple(list(seen.values())[-2:])


def pair_references(doc: Doc, entities: Sequence[Entity], compounds: Sequence[Compound],
                    cues: Cues) -> list[Compound]:
    """'the two countries' -> the last two states mentioned together (or, failing that, last)."""
    original = doc_text(doc)
    text = original.lower()
    out: list[Compound] = []
    for phrase in cues.pair_references:
        start = text.find(phrase)
        while start >= 0:
            end = start + len(phrase)
            members = _pair_before(doc, entities, compounds, start)
            if len(members) >= 2:
                out.append((TextSpan(original[start:end], start, end), members))
            start = text.find(phrase, end)
    return out
