"""``eventwire_sources``: every sourcing phrase -> ``doc._.ew_sources``.

Three shapes of sourcing: a reporting verb with its subject ("the ministry said in a statement",
"court filings show"), "according to X", and non-responses ("declined to comment"). Each is
classified (named, anonymous, official, document, no_comment) and given the span of text it
vouches for. A phrase that points back ("the people said", "they said") inherits the count and
country of the anonymous source it refers to.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left

from spacy.language import Language
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from eventwire.model import Source
from eventwire.nlp.text import doc_text
from eventwire.sourcing.classify import Classified, classify_phrase
from eventwire.sourcing.cues import SourcingCues, sourcing_cues
from eventwire.sourcing.no_comment import find_no_comments, no_comment_offsets
from eventwire.sourcing.quote_spans import find_quote_spans
from eventwire.sourcing.reporting import (
    active_subject,
    closes_sentence,
    is_report,
    negated,
    subtree,
    trailing_cue,
    trailing_subject,
)
from eventwire.sourcing.scope import according_scope, verb_scope

__all__ = ["SourceFinder", "find_sources", "make_source_finder"]


def _make(
    doc: Doc, found: Classified, start: int, end: int, scope: tuple[int, int]
) -> Source:
    return Source(
        kind=found.kind,
        text=doc_text(doc)[start:end],
        start=start,
        end=end,
        count=found.count,
        country=found.country,
        speaker=found.speaker,
        scope_start=scope[0],
        scope_end=scope[1],
    )


_CONTINUES = frozenset({"including", "among", "who", "which", "whose", "both", "one"})


def _according_phrase(obj: Token) -> Span:
    """The words after 'according to', up to a comma or dash that ends them (the parser often
    runs the phrase into the clause that follows: 'According to the ministry, the jets ...')."""
    tokens = list(obj.subtree)
    doc = obj.doc
    end = tokens[-1].i + 1
    for tok in tokens:
        if tok.i > obj.i and tok.text in {",", "–", "—", "-", ";", "("}:
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is None or nxt.lower_ not in _CONTINUES:
                end = tok.i
                break
    return doc[tokens[0].i : end]


def _according(doc: Doc, sentence: Span, cues: SourcingCues) -> list[tuple[Source, bool]]:
    found: list[tuple[Source, bool]] = []
    if "according" not in doc_text(doc)[sentence.start_char : sentence.end_char].lower():
        return found  # most sentences: no token to look at
    for tok in sentence:
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if obj is None:
            continue
        phrase = _according_phrase(obj)
        kind = classify_phrase(obj, phrase, cues=cues)
        if kind is None:
            continue
        scope = according_scope(sentence, tok, phrase)
        found.append((_make(doc, kind, phrase.start_char, phrase.end_char, scope), kind.back_reference))
    return found


def _verb_indices(doc: Doc) -> list[int]:
    """The tokens tagged VERB or AUX, read from the Doc's array in one go (a Token object per
    token and sentence was most of this step's time)."""
    if len(doc) == 0:
        return []
    pos = doc.to_array("POS").tolist()
    return [i for i, p in enumerate(pos) if p == VERB or p == AUX]


def _reporting(
    doc: Doc, sentence: Span, cues: SourcingCues, quoted: list[tuple[int, int]],
    verb_indices: list[int],
) -> list[tuple[Source, bool]]:
    verbs = cues.speech_verbs | cues.document_verbs
    found: list[tuple[Source, bool]] = []
    lo = bisect_left(verb_indices, sentence.start)
    hi = bisect_left(verb_indices, sentence.end)
    for i in verb_indices[lo:hi]:
        verb = doc[i]
        if verb.lemma_.lower() not in verbs:
            continue
        if negated(verb) or any(s <= verb.idx < e for s, e in quoted):
            continue
        cue_end = trailing_cue(verb, cues)
        subject = active_subject(verb)
        # the whole subject, relative clauses included: 'a person briefed on the decision'
        phrase = subtree(subject) if subject is not None else None
        if subject is None and closes_sentence(verb, cue_end):
            trailing = trailing_subject(verb)
            if trailing is not None:
                subject, phrase = trailing
        if subject is None or phrase is None or any(s <= subject.idx < e for s, e in quoted):
            continue
        if not is_report(verb, min(phrase.start_char, verb.idx), cue_end):
            continue
        context = doc_text(doc)[verb.idx : cue_end]
        kind = classify_phrase(subject, phrase, context=context, cues=cues)
        if kind is None:
            continue
        if kind.kind == "document" and verb.lemma_.lower() not in cues.document_verbs:
            continue
        start = min(phrase.start_char, verb.idx)
        end = max(cue_end, phrase.end_char)
        scope = verb_scope(sentence, verb, start, end)
        found.append((_make(doc, kind, start, end, scope), kind.back_reference))
    return found


_OPENING_CHANNELS = frozenset({"statement", "communique", "notice", "declaration", "letter", "report"})


def _opening_channel(doc: Doc, sentence: Span) -> list[tuple[Source, bool]]:
    """'In a (joint) statement on Monday, the AU demanded ...': the sentence is on the word of
    that document."""
    first = next((t for t in sentence if not t.is_space), None)
    if first is None or first.lower_ != "in":
        return []  # most sentences: the first word decides
    words = [t for t in sentence if not t.is_space]
    if len(words) < 4:
        return []
    comma = next((t for t in words if t.text == ","), None)
    if comma is None or not any(
        t.lower_ in _OPENING_CHANNELS for t in words[1 : min(4, comma.i - words[0].i)]
    ):
        return []
    text = doc_text(doc)
    lo, hi = comma.idx + 1, sentence.end_char
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    found = Classified("document", 1, None, None)
    return [(_make(doc, found, words[0].idx, comma.idx, (lo, hi)), False)]


def _inherit(sources: list[tuple[Source, bool]]) -> list[Source]:
    """'the people said' takes the count and country of the anonymous source it refers back to."""
    out: list[Source] = []
    for source, back in sources:
        if back and source.kind == "anonymous":
            earlier = [s for s in out if s.kind == "anonymous" and s.end <= source.start]
            if earlier:
                ante = earlier[-1]
                source = dataclasses.replace(
                    source,
                    count=source.count if source.count not in (None, 1) else ante.count,
                    country=source.country or ante.country,
                )
        out.append(source)
    return out


def find_sources(doc: Doc) -> list[Source]:
    cues = sourcing_cues()
    quoted = [(q.open_at, q.close_at) for q in find_quote_spans(doc_text(doc))]
    collected: list[tuple[Source, bool]] = []
    # a Doc built by hand may have no sentence boundaries: read it as one sentence
    parsed = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    verb_indices = _verb_indices(doc)
    no_comment_at = no_comment_offsets(doc, cues)
    for sentence in doc.sents if parsed else [doc[:]]:
        collected.extend(_according(doc, sentence, cues))
        collected.extend(_opening_channel(doc, sentence))
        collected.extend(_reporting(doc, sentence, cues, quoted, verb_indices))
        if no_comment_at is None or bisect_left(no_comment_at, sentence.start_char) < \
                bisect_left(no_comment_at, sentence.end_char):
            collected.extend((s, False) for s in find_no_comments(doc, sentence, cues))
    collected.sort(key=lambda pair: (pair[0].start, pair[0].end))
    return _inherit(collected)


class SourceFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.ew_sources = find_sources(doc)
        return doc


@Language.factory("eventwire_sources")
def make_source_finder(nlp: Language, name: str) -> SourceFinder:
    return SourceFinder()
