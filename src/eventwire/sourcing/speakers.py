"""Who a sourcing phrase or quotation names: the words, the resolved Entity, the role.

The actors component has usually resolved the words already (``doc._.ew_entities``); otherwise an
Entity is built from spaCy's named-entity span with an unknown country. An apposition ("Ruslan
Pukhov, head of the Center ...") gives the role, and its place gives a country the knowledge base
did not know.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.model import Entity, Quote, TextSpan

__all__ = [
    "PERSON_PRONOUNS",
    "apposition",
    "entities_in",
    "entity_for",
    "last_person",
    "phrase_span",
    "role_text",
    "speaker_entity",
    "speaker_of",
    "with_antecedent",
]

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_KIND_BY_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
# dependents that describe the subject rather than name it
_DESCRIPTIVE_DEPS = frozenset({"appos", "relcl", "acl", "punct", "advcl"})


def _entities(doc: Doc) -> list[Entity]:
    ents = doc._.ew_entities
    return list(ents) if ents else []


def entities_in(doc: Doc, start: int, end: int) -> list[Entity]:
    """Resolved entities lying inside the character range, in text order."""
    return [e for e in _entities(doc) if e.start >= start and e.end <= end]


def entity_for(doc: Doc, start: int, end: int, head: Token | None = None) -> Entity | None:
    """The resolved entity covering the head word (else overlapping the range), if any."""
    candidates = [e for e in _entities(doc) if e.start < end and e.end > start]
    if head is not None:
        on_head = [e for e in candidates if e.start <= head.idx < e.end]
        if on_head:
            return on_head[0]
    return candidates[0] if candidates else None


def phrase_span(token: Token) -> Span:
    """The words naming ``token``'s referent: its subtree without appositions or relative clauses."""
    keep = {token.i}
    for child in token.children:
        if child.dep_ in _DESCRIPTIVE_DEPS:
            continue
        keep.update(t.i for t in child.subtree)
    lo, hi = min(keep), max(keep)
    # the subtree of an apposition can sit between kept words; stop at the first gap left of head
    while lo < token.i and lo not in keep:
        lo += 1
    doc = token.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return doc[lo : hi + 1]


def _name_span(token: Token) -> Span:
    if token.ent_type_ in _NAME_LABELS:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    return phrase_span(token)


def apposition(token: Token) -> Span | None:
    for child in token.children:
        if child.dep_ == "appos":
            tokens = list(child.subtree)
            return token.doc[tokens[0].i : tokens[-1].i + 1]
    return None


def _is_place(token: Token) -> bool:
    if token.ent_type_ in {"GPE", "LOC"}:
        return True
    places = token.doc._.ew_places or []
    return any(p.start <= token.idx < p.end for p in places)


def role_text(app: Span) -> str:
    """The role an apposition gives, without a trailing location ('... in Moscow')."""
    end = app.end
    for tok in reversed(list(app)):
        if tok.dep_ == "prep" and tok.head.i >= app.start:
            objects = [c for c in tok.children if c.dep_ == "pobj"]
            if tok.lower_ in {"in", "at"} and objects and _is_place(objects[0]):
                end = tok.i
            break
    return app.doc[app.start : end].text.strip(" ,")


def _country_from(doc: Doc, start: int, end: int) -> str | None:
    for ent in entities_in(doc, start, end):
        if ent.country:
            return ent.country
    for place in doc._.ew_places or []:
        if place.start >= start and place.end <= end and place.country:
            return str(place.country)
    return None


def speaker_entity(head: Token) -> tuple[Entity, TextSpan]:
    """The Entity a subject word stands for, and the words that name it."""
    doc = head.doc
    name = _name_span(head)
    span = TextSpan(name.text, name.start_char, name.end_char)
    entity = entity_for(doc, name.start_char, name.end_char, head)
    if entity is None:
        label = name.label_ if isinstance(name, Span) and name.label_ else head.ent_type_
        entity = Entity(
            text=name.text,
            start=name.start_char,
            end=name.end_char,
            country=None,
            name=name.text if label == "PERSON" else None,
            kind=_KIND_BY_LABEL.get(label),
            why="sourcing: spaCy entity span" if label else "sourcing: subject phrase",
        )
    app = apposition(head)
    if app is not None:
        role = role_text(app)
        if role:
            entity = dataclasses.replace(entity, role=role)
        if entity.country is None:
            country = _country_from(doc, app.start_char, app.end_char)
            if country is not None:
                entity = dataclasses.replace(entity, country=country)
    return entity, span


def speaker_of(head: Token) -> tuple[Entity, TextSpan]:
    """Like :func:`speaker_entity`, completed from an earlier full mention of the same person."""
    entity, span = speaker_entity(head)
    return with_antecedent(head, entity, span), span


def last_person(doc: Doc, before: int, quotes: Sequence[Quote] = ()) -> tuple[Entity, TextSpan] | None:
    """The most recent person before ``before``: a quoted speaker or a PERSON name."""
    best: tuple[int, Entity, TextSpan] | None = None
    for quote in quotes:
        said = quote.speaker_span
        if (
            quote.speaker is not None
            and said is not None
            and quote.speaker.kind in (None, "person")
            and said.end <= before
            and (best is None or said.start > best[0])
        ):
            best = (said.start, quote.speaker, said)
    for ent in doc.ents:
        # a pronoun subject continues a subject: people merely mentioned ('the release of X')
        # are rarely who 'he said' means
        if (
            ent.label_ == "PERSON"
            and ent.end_char <= before
            and ent.root.dep_ in {"nsubj", "nsubjpass"}
            and (best is None or ent.start_char > best[0])
        ):
            entity, span = speaker_entity(ent.root)
            best = (ent.start_char, entity, span)
    return None if best is None else (best[1], best[2])


# bodies a definite noun can point back to ('the ministry said'); the generic ones fit any body
_GENERIC_BODIES = frozenset({"institution", "organization", "organisation", "body", "agency"})
_BODY_NOUNS = _GENERIC_BODIES | frozenset({"ministry", "office", "department", "commission", "council"})


def _title_before(ent: Span) -> str:
    """Title words written before a name in its own noun phrase ('Foreign Minister' X)."""
    words = [t for t in ent.root.children if t.i < ent.start and t.dep_ in {"compound", "amod"}]
    return " ".join(t.lower_ for t in words)


def _antecedent(head: Token, name: Span) -> Span | None:
    """An earlier full mention this one repeats: a surname, or a definite title ('the minister')."""
    doc = head.doc
    definite = any(c.lower_ in {"the", "this"} for c in head.children)
    if definite and head.lemma_.lower() in _BODY_NOUNS:
        # 'the ministry' / 'the institution': the latest body named before, of that kind
        bodies = [e for e in doc.ents if e.label_ == "ORG" and e.end_char <= name.start_char]
        word = head.lemma_.lower()
        fitting = [e for e in bodies if word in e.text.lower() or word in _GENERIC_BODIES]
        return fitting[-1] if fitting else None
    earlier = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= name.start_char]
    if not earlier:
        return None
    if head.pos_ == "PROPN" and len(name) == 1 and head.text[:1].isupper():
        # family names come first in some languages ('Lin Jian' ... 'Lin said')
        same = [e for e in earlier if len(e) > 1 and head.text in {t.text for t in e}]
        return same[-1] if same else None
    # the tagger often calls a lower-case title a proper noun ('the minister')
    if head.pos_ in {"NOUN", "PROPN"} and any(c.lower_ == "the" for c in head.children):
        title = head.lemma_.lower()
        for ent in reversed(earlier):
            app = apposition(ent.root)
            described = _title_before(ent) + " " + (app.text.lower() if app is not None else "")
            if title in described.split():
                return ent
    return None


def with_antecedent(head: Token, entity: Entity, span: TextSpan) -> Entity:
    """``entity`` completed from the earlier full mention it repeats, if there is one."""
    name = head.doc.char_span(span.start, span.end, alignment_mode="expand")
    if name is None:
        return entity
    ante = _antecedent(head, name)
    if ante is None:
        return entity
    full, _ = speaker_entity(ante.root)
    return dataclasses.replace(
        entity,
        name=full.name or ante.text,
        country=entity.country or full.country,
        sector=entity.sector or full.sector,
        role=entity.role or full.role,
        kind=entity.kind or full.kind or ("person" if ante.label_ == "PERSON" else "organization"),
        entity_id=entity.entity_id or full.entity_id,
    )
