"""What kind of source a phrase is (named, anonymous, official, document), how many people it
stands for, and which country it speaks for."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.actors.records import STATE_ORGAN_SECTORS
from eventwire.model import Entity
from eventwire.sourcing.cues import SourcingCues, sourcing_cues
from eventwire.sourcing.speakers import (
    PERSON_PRONOUNS,
    entities_in,
    entity_for,
    last_person,
    speaker_entity,
    speaker_of,
)

__all__ = ["Classified", "classify_phrase", "count_of", "has_anonymity_cue", "source_kind"]

_ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})


@dataclass(frozen=True)
class Classified:
    kind: str
    count: int | None
    country: str | None
    speaker: Entity | None
    #: the phrase points back to a source introduced earlier ("the people", "they")
    back_reference: bool = False


def has_anonymity_cue(text: str, cues: SourcingCues | None = None) -> bool:
    lowered = " ".join(text.lower().split())
    return any(cue in lowered for cue in (cues or sourcing_cues()).anonymity_cues)


def count_of(head: Token, cues: SourcingCues | None = None) -> int | None:
    """How many people a noun phrase stands for: 'two people' -> 2, 'a senior official' -> 1."""
    cues = cues or sourcing_cues()
    for child in head.children:
        if child.dep_ == "nummod":
            word = child.lower_
            if word in cues.counts:
                return cues.counts[word]
            if word.isdigit():
                return int(word)
    for child in head.children:
        if child.dep_ in {"det", "predet"} and child.lower_ in cues.counts:
            return cues.counts[child.lower_]
    if head.tag_ in {"NN", "NNP"} and any(c.lower_ == "the" for c in head.children):
        return 1
    return None


def _counted(head: Token, cues: SourcingCues) -> bool:
    """'two officials', 'a senior official': a number of unnamed people, not an institution."""
    return any(
        (c.dep_ == "nummod") or (c.dep_ == "det" and c.lower_ in cues.counts)
        for c in head.children
    )


def _voices(head: Token, cues: SourcingCues) -> int | None:
    """How many voices a named, official or document source is: one unless plural."""
    counted = count_of(head, cues)
    if counted is not None:
        return counted
    return None if head.tag_ in {"NNS", "NNPS"} or head.lower_ == "they" else 1


def source_kind(entity: Entity, cues: SourcingCues | None = None) -> str:
    """The kind of source a quoted speaker is: a person is named, a body official."""
    cues = cues or sourcing_cues()
    last = entity.text.lower().split()[-1] if entity.text.split() else ""
    if last in cues.institutions:
        return "official"  # 'a spokesperson for the army'; 'spokesman Lin Jian' ends in a name
    if entity.kind == "person" or entity.name:
        return "named"
    if last in cues.document_nouns:
        return "document"
    if entity.kind in {"state", "organization", "igo", "group"} or last in cues.institutions:
        return "official"
    return "named"


def _country(phrase: Span, speaker: Entity | None) -> str | None:
    if speaker is not None and speaker.country:
        return speaker.country
    for ent in entities_in(phrase.doc, phrase.start_char, phrase.end_char):
        if ent.country:
            return ent.country
    return None


def _names_person(head: Token) -> bool:
    return head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and head.ent_type_ not in _ORG_LABELS)


def _back_reference(head: Token, cues: SourcingCues) -> bool:
    if head.lower_ == "they":
        return True
    dets = [c.lower_ for c in head.children if c.dep_ in {"det", "predet"}]
    modifiers = [c for c in head.children if c.dep_ in {"amod", "compound", "nummod", "prep", "acl", "relcl"}]
    return bool(dets) and dets[0] in cues.back_reference and not modifiers


def classify_phrase(
    head: Token, phrase: Span, context: str = "", cues: SourcingCues | None = None
) -> Classified | None:
    """Classify a source whose words are ``phrase`` with head word ``head``.

    ``context`` is extra text of the sourcing clause (e.g. 'said on condition of anonymity').
    Returns None when the phrase is not a source (a clause about something else).
    """
    cues = cues or sourcing_cues()
    word = head.lower_
    lemma = head.lemma_.lower()
    if head.pos_ == "PRON":
        if word in PERSON_PRONOUNS:
            quotes = head.doc._.ew_quotes or []
            found = last_person(head.doc, head.idx, quotes)
            speaker = found[0] if found else None
            return Classified("named", 1, speaker.country if speaker else None, speaker)
        if word == "they":
            return Classified("anonymous", None, None, None, back_reference=True)
        if word == "it":
            return Classified("official", 1, None, None)
        return None
    anonymous_cue = has_anonymity_cue(phrase.text + " " + context, cues)
    compounds = [c.lower_ for c in head.children if c.dep_ == "compound"]
    if compounds and f"{compounds[-1]} {word}" in cues.document_nouns:
        word = lemma = f"{compounds[-1]} {word}"  # 'news agency' is a publication
    role = bool({word, lemma} & cues.role_nouns)
    generic = {word, lemma} & (
        cues.anonymous_nouns | cues.role_nouns | cues.institutions | cues.document_nouns
    )
    resolved = entity_for(head.doc, head.idx, head.idx + len(head.text), head)
    is_person = resolved.kind == "person" if resolved is not None and resolved.kind else None
    # 'a spokesman', 'two diplomats': a person, but not a named one
    if not generic and (is_person or (is_person is None and _names_person(head))):
        speaker, _ = speaker_of(head)
        return Classified("named", 1, _country(phrase, speaker), speaker)
    if role:
        back = _back_reference(head, cues)
        if anonymous_cue or back or _counted(head, cues):
            return Classified(
                "anonymous", count_of(head, cues), _country(phrase, None), None, back_reference=back
            )
        speaker, _ = speaker_entity(head)
        return Classified("official", _voices(head, cues), _country(phrase, speaker), speaker)
    if word in cues.anonymous_nouns or lemma in cues.anonymous_nouns:
        return Classified(
            "anonymous",
            count_of(head, cues),
            _country(phrase, None),
            None,
            back_reference=_back_reference(head, cues),
        )
    if anonymous_cue and word not in cues.document_nouns:
        return Classified("anonymous", count_of(head, cues), _country(phrase, None), None)
    if word in cues.document_nouns or lemma in cues.document_nouns:
        return Classified("document", _voices(head, cues), _country(phrase, None), None)
    if word in cues.institutions or lemma in cues.institutions or head.ent_type_ in _ORG_LABELS:
        speaker, _ = speaker_entity(head)
        # what a news outlet reports is on the word of a publication
        kind = "document" if "MED" in (speaker.sector or "") else "official"
        return Classified(kind, _voices(head, cues), _country(phrase, speaker), speaker)
    if resolved is not None and resolved.kind == "agent" and resolved.sector in STATE_ORGAN_SECTORS:
        # a state body the actor knowledge base knows by its noun ('the leadership', 'the junta')
        speaker, _ = speaker_entity(head)
        return Classified("official", _voices(head, cues), _country(phrase, speaker), speaker)
    if head.pos_ == "NOUN":
        # 'the foreign minister said', after 'Foreign Minister X' was named earlier
        speaker, _ = speaker_of(head)
        if speaker.name:
            return Classified("named", 1, _country(phrase, speaker), speaker)
    return None
