"""Which event a modifier (a date, a place) belongs to, read off the dependency parse.

A modifier belongs to its *owner*: the first content word above it, looking through
prepositions ("attacks in Idlib" -> attacks, "visited Moscow May 7" -> visited). An event
trigger claims the modifiers it owns, then those of the clauses it hangs from when it has none
("agreed this month to send": send inherits this month; "abandoned last year before
reimposing": reimposing inherits last year). Relative and reported clauses are not climbed: the
time of "said" is not the time of what was said.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.model import TextSpan

__all__ = ["SpanLike", "char_range", "clause_chain", "owner", "root_token"]

SpanLike = Span | TextSpan | tuple[int, int]

#: dependency labels through which a trigger inherits the modifiers of its governing clause
_CLIMB = frozenset({"xcomp", "advcl", "conj", "pcomp"})
_TRANSPARENT_POS = frozenset({"ADP", "DET", "PART", "CCONJ", "PUNCT"})


def char_range(span: SpanLike) -> tuple[int, int]:
    """Character offsets of a spaCy Span (not its token indices), a TextSpan, or a pair."""
    if isinstance(span, Span):
        return span.start_char, span.end_char
    if isinstance(span, TextSpan):
        return span.start, span.end
    return span[0], span[1]


def root_token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def owner(doc: Doc, start: int, end: int,
          see_through: frozenset[str] = frozenset()) -> Token | None:
    """The first content word governing the characters ``start:end`` from outside them;
    words whose lower-case form is in ``see_through`` are looked through ("the night of")."""
    token = root_token(doc, start, end)
    if token is None:
        return None
    head = token.head
    while True:
        inside = start <= head.idx < end
        if head.i == head.head.i:
            return None if inside else head
        if not inside and head.pos_ not in _TRANSPARENT_POS and head.dep_ != "prep" \
                and head.lower_ not in see_through:
            return head
        head = head.head


def _auxiliaries(token: Token) -> frozenset[str]:
    return frozenset(c.lemma_.lower() for c in token.children if c.dep_ in ("aux", "auxpass"))


def clause_chain(trigger: Token) -> list[Token]:
    """The trigger, then the heads of the clauses it inherits time and place from, nearest first."""
    chain = [trigger]
    token = trigger
    if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "NOUN":
        # "the talks were on May 7", "the meeting was held in Munich": the predicate of an
        # occasion noun says when and where it took place
        chain.append(token.head)
        return chain
    while token.dep_ in _CLIMB and token.head.i != token.i:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "conj":
            break
        if token.dep_ == "conj" and _auxiliaries(token) != _auxiliaries(token.head):
            break  # "switched in 1979 but has remained": another tense, another time
        head = token.head
        while head.pos_ in _TRANSPARENT_POS or head.dep_ == "prep":
            # "before reimposing": pcomp of the preposition, which hangs from the verb
            if head.head.i == head.i:
                break
            head = head.head
        chain.append(head)
        token = head
    return chain
