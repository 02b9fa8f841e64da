"""Context tests that decide what a matched name stands for in its sentence.

A capital is the government only where it acts ("Moscow is seeking", "Moscow's decision"), not
where it is a place ("visited Moscow", "in Moscow"); a state name inside a longer personal name
("Michael Jordan") is not the state; an ambiguous name ("Georgia") follows the article's context.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span

from eventwire.actors.cues import Cues
from eventwire.actors.records import Candidate
from eventwire.nlp.text import doc_text

__all__ = ["acts_as_actor", "disambiguate", "inside_person_name"]


def acts_as_actor(span: Span, cand: Candidate, cues: Cues) -> bool:
    """False when a capital or seat-of-power name is used as a place."""
    if cand.form not in ("capital", "metonym"):
        return True
    if span.text.isupper() and len(span.text) > 3:
        return False  # a dateline ("LONDON (Reuters) -"), not the government
    root = span.root
    single_place = cand.form == "capital" or (len(span) == 1 and not span.text.lower().startswith("the"))
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.tag_ == "POS":
        return True  # "Moscow's decision"
    node = root
    while node.dep_ == "conj" and node.head is not node:
        node = node.head  # "between London and Tehran": Tehran shares London's role
    dep = node.dep_
    if dep in cues.actor_deps:
        return True
    if dep == "pobj":
        return node.head.lower_ not in cues.locative_preps  # "pressure on Tehran", not "in Moscow"
    if dep == "compound" and node.head.dep_ in cues.actor_deps:
        return True  # "Moscow officials said"
    if dep in ("dobj", "dative") and node.head.lemma_.lower() not in cues.place_verbs:
        return True  # "Beijing warned Washington"
    # A bare capital anywhere else (object of "visit", apposition, ...) is a place; a
    # seat of power ("the Kremlin") keeps standing for the government.
    return not single_place


_PLACE_LABELS = frozenset({"LOC", "FAC"})


def inside_person_name(span: Span, cand: Candidate, ents: tuple[Span, ...]) -> bool:
    """True for a state word inside a longer name: a person's ('Michael Jordan', 'Chad Smith')
    or a place's ('the Persian Gulf')."""
    if cand.kind != "state":
        return False
    doc = span.doc
    for ent in ents:
        if ent.label_ in _PLACE_LABELS and ent.start <= span.start and span.end <= ent.end \
                and len(ent) > len(span):
            return True
    if cand.form != "name" or len(span) != 1:
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    for ent in ents:
        if ent.label_ == "PERSON" and ent.start == span.start and prev is not None \
                and prev.lower_ in ("to", "in", "of", "from"):
            return False  # "ambassador to Ghana Musa Bello": the tagger swallowed the state
        if ent.label_ == "PERSON" and ent.start <= span.start and span.end <= ent.end and len(ent) > len(span):
            return True
    nxt = doc[span.end] if span.end < len(doc) else None

    def name_word(tok: object) -> bool:
        from spacy.tokens import Token

        return isinstance(tok, Token) and tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha
    if span[0].ent_type_ not in ("", "PERSON"):
        return False  # the tagger sees a place or nationality, not a first name
    return (nxt is not None and name_word(nxt) and nxt.ent_type_ == "PERSON") or (
        prev is not None and name_word(prev) and prev.ent_type_ == "PERSON"
    )


def disambiguate(doc: Doc, key: str, cand: Candidate, cues: Cues) -> Candidate:
    """An ambiguous name resolved by context words anywhere in the article."""
    ambiguity = cues.ambiguity(key)
    if ambiguity is None:
        return cand
    words = {t.lower_ for t in doc}
    text = doc_text(doc).lower()
    chosen = ambiguity.default
    for country, cue_words in ambiguity.contexts:
        if any((w in words) if " " not in w else (w in text) for w in cue_words):
            chosen = country
            break
    if chosen == cand.country:
        return cand
    return dataclasses.replace(
        cand, name=f"{cand.name} ({chosen} subdivision)", kind="region", country=chosen,
        sector=None, note=f"context says {chosen}",
    )
