"""In-article references: pronouns, definite nouns ("the ministry"), surnames, counted sources.

- "he"/"she" as a subject -> the last person entity before it; "it" -> the last state or
  organization earlier in its sentence;
- "the ministry", "the country", "the group", "the people" -> the nearest earlier entity of a
  matching kind (``references`` in data/actors/resolution_cues.yaml);
- a lone surname the knowledge base missed -> the earlier person of that name.
Compounds and "the two countries" are in :mod:`eventwire.actors.compounds`.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.actors.compounds import is_subject
from eventwire.actors.cues import Cues
from eventwire.actors.definites import read_definite
from eventwire.model import Entity
from eventwire.nlp.lexical import tokens_with_lower
from eventwire.nlp.text import doc_text

__all__ = ["affiliate_sources", "resolve_references"]

_SUBJECT = frozenset({"nsubj", "nsubjpass"})


def _copy(ante: Entity, text: str, start: int, end: int, why: str) -> Entity:
    return dataclasses.replace(ante, text=text, start=start, end=end, why=why)


def resolve_references(doc: Doc, entities: Sequence[Entity], cues: Cues,
                       headline: tuple[str, ...] = ()) -> list[Entity]:
    """``entities`` plus coreferent mentions; a bare agent noun a reference covers is replaced.
    ``headline``: the states the article's title names, the last resort for "its neighbour"."""
    found = sorted(entities, key=lambda e: e.start)
    text = doc_text(doc)  # Doc.text joins every token on each access
    out: list[Entity] = []
    replaced: set[int] = set()
    starts = [e.start for e in found]
    for i in tokens_with_lower(doc, cues.coreferring_words):
        tok = doc[i]
        at = bisect.bisect_right(starts, tok.idx)
        covering = [e for e in found[max(0, at - 3):at] if e.start <= tok.idx < e.end]
        if tok.lower_ in cues.person_pronouns and tok.dep_ in _SUBJECT and not covering:
            ante = next((e for e in reversed(found) if e.end <= tok.idx and e.kind == "person"
                         and e.name and "coref" not in e.why), None)
            if ante is not None:
                out.append(_copy(ante, tok.text, tok.idx, tok.idx + len(tok.text),
                                 f"coref: {tok.text} -> {ante.text}"))
            continue
        if tok.lower_ in cues.body_pronouns:
            if tok.dep_ == "nsubj" and not covering \
                    and tok.head.lemma_.lower() not in cues.expletive_verbs:
                ante = _body_antecedent(doc, found, tok)
                if ante is not None:
                    out.append(_copy(ante, tok.text, tok.idx, tok.idx + len(tok.text),
                                     f"coref: {tok.text} -> {ante.text}"))
            continue
        found_ref = read_definite(doc, tok, found, cues, text, headline)
        if found_ref is None:
            continue
        start, end = found_ref.start, found_ref.end
        blocking = [e for e in covering if not (e.country is None and e.start >= start and e.end <= end)]
        if blocking:
            continue
        replaced.update(id(e) for e in found[max(0, at - 6):at]
                        if e.start >= start and e.end <= end and e.country is None)
        out.append(found_ref.entity)
    kept = [_same_role(_same_surname(e, found), found, text) for e in found if id(e) not in replaced]
    return sorted(kept + out, key=lambda e: e.start)


_INCLUDING = frozenset({"including", "among", "includes", "include"})


def affiliate_sources(doc: Doc, entities: Sequence[Entity]) -> list[Entity]:
    """Counted sources take the country of the member the text names: "two people with
    knowledge of the matter, including a senior Russian official" -> RUS."""
    text = doc_text(doc)
    out = list(entities)
    for n, e in enumerate(out):
        if e.kind != "anonymous" or e.country:
            continue
        window = text[e.end:e.end + 120]
        stop = min((window.find(p) for p in (". ", ".\n", ";") if p in window), default=len(window))
        cue = next((window.find(w) for w in _INCLUDING if f" {w} " in f" {window[:stop]} "), -1)
        if cue < 0:
            continue
        member = next((m for m in out if e.end + cue < m.start < e.end + stop and m.country), None)
        if member is not None:
            out[n] = dataclasses.replace(e, country=member.country,
                                         why=f"{e.why}; including {member.text}")
    return out


_BODY_KINDS = frozenset({"state", "organization", "igo", "ngo", "agency", "ministry", "military",
                         "armed_group", "party", "company", "media"})


def _body_antecedent(doc: Doc, found: Sequence[Entity], tok: Token) -> Entity | None:
    """The last state or organization before the pronoun in its sentence ("Turkey said it
    would buy"): across sentences "it" is too often something else to guess."""
    sent_start = tok.i
    while sent_start > 0 and not doc[sent_start].is_sent_start:
        sent_start -= 1
    floor = doc[sent_start].idx
    window = [e for e in found if floor <= e.start and e.end <= tok.idx
              and e.kind in _BODY_KINDS and (e.country or e.sector)
              and not e.why.startswith("coref")]
    # The subject is what a following "it" usually continues ("NATO warned Russia. It said").
    subjects = [e for e in window if is_subject(doc, e)]
    ranked = subjects or window
    return ranked[-1] if ranked else None


def _same_surname(e: Entity, found: Sequence[Entity]) -> Entity:
    """A lone surname the knowledge base missed ("Hunt") -> the earlier person of that name."""
    if e.kind != "person" or e.name is None or e.country is not None or " " in e.text:
        return e
    for ante in reversed(found):
        if ante.end <= e.start and ante.kind == "person" and ante.name and ante.country \
                and ante.name.split()[-1] == e.text:
            return _copy(ante, e.text, e.start, e.end, f"coref: {e.text} -> {ante.text}")
    return e


_DEFINITE = frozenset({"the "})


def _same_role(e: Entity, found: Sequence[Entity], text: str) -> Entity:
    """ "the chargé d'affaires" -> the office named before with its state ("Ukraine's chargé
    d'affaires"): a definite bare title takes up the last holder of that title."""
    if e.country is not None or e.role is None or e.name is not None \
            or text[max(0, e.start - 4):e.start].lower() not in _DEFINITE:
        return e
    for ante in reversed(found):
        if ante.end <= e.start and ante.role == e.role and ante.country:
            return dataclasses.replace(e, country=ante.country,
                                       why=f"{e.why}; coref: {e.text} -> {ante.text}")
    return e
