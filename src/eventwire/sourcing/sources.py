"""``eventwire_sources``: every sourcing phrase -> ``doc._.ew_sources``.

Three shapes of sourcing: a reporting verb with its subject ("the ministry said in a statement",
"court filings show"), "according to X", and non-responses ("declined to comment"). Each is
classified (named, anonymous, official, document, no_comment) and given the span of text it
vouches for. A phrase that points back ("the people said", "they said") inherits the count and
country of the anonymous source it refers to.
"""

from __future__ import annotations

import dataclasses

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.model import Source
from eventwire.sourcing.classify import Classified, classify_phrase
from eventwire.sourcing.cues import SourcingCues, sourcing_cues
from eventwire.sourcing.no_comment import find_no_comments
from eventwire.sourcing.quote_spans import find_quote_spans
from eventwire.sourcing.scope import according_scope, verb_scope
from eventwire.sourcing.speakers import phrase_span

__all__ = ["SourceFinder", "find_sources", "make_source_finder"]

def _subject(verb: Token) -> Token | None:
    # active voice only: 'the envoy was told to leave' reports nothing on the envoy's word
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    return None


def _negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def _closes_sentence(verb: Token, end: int) -> bool:
    sentence = verb.sent
    rest = verb.doc.text[end : sentence.end_char]
    return not rest.strip(" \t\n.!?\"'”’")


def _is_report(verb: Token, cue_end: int) -> bool:
    """Whether a speech verb reports words here ('said', 'confirmed that ...', '..., X added.')
    rather than naming an act ('Kenya declared the envoy persona non grata')."""
    if verb.lemma_.lower() in {"say", "tell"}:
        return True
    if verb.dep_ == "parataxis":
        return True
    # a reported clause has a verb; 'declared the envoy persona non grata' does not
    if any(c.dep_ in {"ccomp", "parataxis"} and c.pos_ in {"VERB", "AUX"} for c in verb.children):
        return True
    return _closes_sentence(verb, cue_end)


def _trailing_subject(verb: Token) -> Token | None:
    """The subject of a sentence-final '..., a diplomatic source at the embassy said.' that the
    parser attached elsewhere: the phrase between the last comma and the verb."""
    sentence = verb.sent
    commas = [t.i for t in sentence if t.i < verb.i and t.text == ","]
    if not commas or commas[-1] >= verb.i - 1:
        return None
    lo, hi = commas[-1] + 1, verb.i
    heads = [t for t in verb.doc[lo:hi] if not (lo <= t.head.i < hi) and t.pos_ in {"NOUN", "PROPN"}]
    return heads[0] if len(heads) == 1 else None


def _trailing_cue(verb: Token, cues: SourcingCues) -> int:
    """End offset of an anonymity phrase or official channel right after the verb, else verb end."""
    doc = verb.doc
    end = verb.idx + len(verb.text)
    after = doc.text[end : end + 80].lower()
    stripped = after.lstrip(" ,")
    gap = len(after) - len(stripped)
    for cue in cues.anonymity_cues + cues.channels:
        if stripped.startswith(cue):
            return end + gap + len(cue)
    return end


def _make(
    doc: Doc, found: Classified, start: int, end: int, scope: tuple[int, int]
) -> Source:
    return Source(
        kind=found.kind,
        text=doc.text[start:end],
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


def _reporting(
    doc: Doc, sentence: Span, cues: SourcingCues, quoted: list[tuple[int, int]]
) -> list[tuple[Source, bool]]:
    verbs = cues.speech_verbs | cues.document_verbs
    found: list[tuple[Source, bool]] = []
    for verb in sentence:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in verbs:
            continue
        if _negated(verb) or any(s <= verb.idx < e for s, e in quoted):
            continue
        cue_end = _trailing_cue(verb, cues)
        subject = _subject(verb)
        if subject is None and _closes_sentence(verb, cue_end):
            subject = _trailing_subject(verb)
        if subject is None or any(s <= subject.idx < e for s, e in quoted):
            continue
        if not _is_report(verb, cue_end):
            continue
        phrase = phrase_span(subject) if subject.head is verb else _detached(subject, verb)
        context = doc.text[verb.idx : cue_end]
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


def _detached(subject: Token, verb: Token) -> Span:
    """The words of a subject the parser hung elsewhere, up to the verb."""
    start = min(t.i for t in subject.subtree)
    return verb.doc[start : verb.i]


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
    quoted = [(q.open_at, q.close_at) for q in find_quote_spans(doc.text)]
    collected: list[tuple[Source, bool]] = []
    for sentence in doc.sents:
        collected.extend(_according(doc, sentence, cues))
        collected.extend(_reporting(doc, sentence, cues, quoted))
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
