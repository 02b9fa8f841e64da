"""Is a speech verb reporting someone's words here, and whose: the clause-level tests that
``eventwire_sources`` applies to each reporting verb."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.nlp.text import doc_text
from eventwire.sourcing.cues import SourcingCues

__all__ = [
    "active_subject",
    "closes_sentence",
    "is_report",
    "negated",
    "parenthetical",
    "subtree",
    "trailing_cue",
    "trailing_subject",
]


def active_subject(verb: Token) -> Token | None:
    # active voice only: 'the envoy was told to leave' reports nothing on the envoy's word
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    return None


def negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


_OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "oprd", "dative", "parataxis"})


def closes_sentence(verb: Token, end: int) -> bool:
    """'..., the spokesman said (on Monday).': nothing but adverbials follows the verb."""
    sentence = verb.sent
    rest = doc_text(verb.doc)[end : sentence.end_char]
    if not rest.strip(" \t\n.!?\"'”’"):
        return True
    return not any(c.i > verb.i and c.dep_ in _OBJECT_DEPS for c in verb.children) and all(
        t.is_punct or t.is_space or verb in t.ancestors or t.idx < end
        for t in sentence
        if t.i > verb.i
    )


def parenthetical(doc: Doc, start: int) -> bool:
    """The source follows a comma or a closing quotation mark: '..., the ministry said'."""
    before = doc_text(doc)[:start].rstrip()
    return before.endswith((",", "”", '"', "’"))


def is_report(verb: Token, start: int, cue_end: int) -> bool:
    """Whether a speech verb reports words here ('said', 'confirmed that ...', '..., X added.')
    rather than naming an act ('Kenya declared the envoy persona non grata')."""
    if verb.lemma_.lower() in {"say", "tell"}:
        return True
    if verb.dep_ == "parataxis" or any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        # '..., the government said, citing ...' / 'As the agency reported, ...'
        return True
    # a reported clause has a verb; 'declared the envoy persona non grata' does not
    # the reported clause starts right after the verb ('confirmed on Monday that ...') or
    # before it; a far one is a misparse ('responded by withdrawing from a series with Pakistan
    # and Sri Lanka set for November')
    if any(
        c.dep_ in {"ccomp", "parataxis"}
        and c.pos_ in {"VERB", "AUX"}
        and (c.i < verb.i or c.left_edge.i - verb.i <= 4)
        for c in verb.children
    ):
        return True
    return closes_sentence(verb, cue_end) and parenthetical(verb.doc, start)


def subtree(token: Token) -> Span:
    tokens = list(token.subtree)
    return token.doc[tokens[0].i : tokens[-1].i + 1]


def _noun_phrase(tokens: Span) -> bool:
    return len(tokens) > 0 and not any(t.pos_ in {"VERB", "AUX"} for t in tokens)


def trailing_subject(verb: Token) -> tuple[Token, Span] | None:
    """The subject of a sentence-final '..., a diplomatic source at the embassy said.' that the
    parser attached elsewhere: the phrase between the last comma and the verb."""
    sentence = verb.sent
    doc = verb.doc
    hi = verb.i
    while hi > sentence.start and doc[hi - 1].text == ",":
        hi -= 1
    commas = [t.i for t in sentence if t.i < hi and t.text == ","]
    if not commas or commas[-1] >= hi - 1:
        return None
    lo = last = commas[-1] + 1
    if hi < verb.i and len(commas) > 1 and _noun_phrase(doc[commas[-2] + 1 : commas[-1]]):
        # '..., a senior member of the group, Abdul Salam Jahaf, said': both name the source
        lo = commas[-2] + 1
    heads = [t for t in doc[lo:hi] if not (lo <= t.head.i < hi) and t.pos_ in {"NOUN", "PROPN"}]
    names = [t for t in heads if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
    head = heads[0] if len(heads) == 1 else (names[-1] if names else None)
    if head is None:
        return None
    # 'a senior member of the group, Ahmed Saleh': the name is who spoke
    named = [
        t
        for t in doc[last:hi]
        if not (last <= t.head.i < hi) and (t.pos_ == "PROPN" or t.ent_type_ == "PERSON")
    ]
    if lo < last and named:
        head = named[-1]
    return head, doc[lo:hi]


def trailing_cue(verb: Token, cues: SourcingCues) -> int:
    """End offset of an anonymity phrase or official channel right after the verb, else verb end."""
    doc = verb.doc
    end = verb.idx + len(verb.text)
    after = doc_text(doc)[end : end + 80].lower()
    stripped = after.lstrip(" ,")
    gap = len(after) - len(stripped)
    for cue in cues.anonymity_cues + cues.channels:
        if stripped.startswith(cue):
            return end + gap + len(cue)
    return end
