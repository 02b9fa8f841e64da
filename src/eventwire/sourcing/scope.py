"""The stretch of text a sourcing phrase vouches for."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.nlp.text import doc_text

__all__ = ["according_scope", "verb_scope"]

_EDGE = " \t\n,;:—–-\"“”'‘’"


def _trim(doc_text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and doc_text[start] in _EDGE:
        start += 1
    # the complementizer is not part of what is vouched for ("said that ...")
    if doc_text[start : start + 5].lower() == "that ":
        start += 5
    while end > start and doc_text[end - 1] in _EDGE:
        end -= 1
    return start, end


def according_scope(sentence: Span, according: Token, phrase: Span) -> tuple[int, int]:
    """'X, according to Y' vouches for X; 'According to Y, X' for X after the phrase."""
    text = doc_text(sentence.doc)
    before = text[sentence.start_char : according.idx]
    if before.strip(_EDGE):
        # the clause the phrase closes: back to the sentence start or the last semicolon
        cut = max(before.rfind(";"), -1)
        start = sentence.start_char + cut + 1
        return _trim(text, start, according.idx)
    return _trim(text, phrase.end_char, sentence.end_char)


def verb_scope(sentence: Span, verb: Token, source_start: int, source_end: int) -> tuple[int, int]:
    """What 'X said' vouches for: its clausal complement, else the rest of the sentence."""
    text = doc_text(sentence.doc)
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is not None:
        # 'As the agency reported, X' / 'X, as the ministry said': the rest of the sentence
        if text[sentence.start_char : mark.idx].strip(_EDGE):
            source_start = min(source_start, mark.idx)
            return _trim(text, sentence.start_char, source_start)
        return _trim(text, source_end, sentence.end_char)
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # 'X has been asked to leave, the government said, citing ...'
        return _trim(text, sentence.start_char, source_start)
    for child in verb.children:
        if child.dep_ in {"ccomp", "parataxis"} and child.i != verb.i:
            tokens = list(child.subtree)
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            if end <= source_start:
                # 'CLAUSE, the people said': reach back to the start of the sentence
                start = min(start, sentence.start_char)
            elif start < source_start < end:
                # a misparse put the source inside its own clause: stop before it
                end = source_start
            return _trim(text, start, end)
    if not text[source_end : sentence.end_char].strip(_EDGE + ".!?"):
        # the phrase closes its sentence ('..., officials said.'): it vouches for what precedes
        return _trim(text, sentence.start_char, source_start)
    return _trim(text, source_end, sentence.end_char)
