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

__all__ = ["SourceFinder", "find_sources", "make_source_finder"]

def _subject(verb: Token) -> Token | None:
    # active voice only: 'the envoy was told to leave' reports nothing on the envoy's word
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    return None


def _negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


_OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "oprd", "dative", "parataxis"})


def _closes_sentence(verb: Token, end: int) -> bool:
    """'..., the spokesman said (on Monday).': nothing but adverbials follows the verb."""
    sentence = verb.sent
    rest = verb.doc.text[end : sentence.end_char]
    if not rest.strip(" \t\n.!?\"'”’"):
        return True
    return not any(c.i > verb.i and c.dep_ in _OBJECT_DEPS for c in verb.children) and all(
        t.is_punct or t.is_space or verb in t.ancestors or t.idx < end
        for t in sentence
        if t.i > verb.i
    )


def _parenthetical(doc: Doc, start: int) -> bool:
    """The source follows a comma or a closing quotation mark: '..., the ministry said'."""
    before = doc.text[:start].rstrip()
    return before.endswith((",", "”", '"', "’"))


def _is_report(verb: Token, start: int, cue_end: int) -> bool:
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
    return _closes_sentence(verb, cue_end) and _parenthetical(verb.doc, start)


def _subtree(token: Token) -> Span:
    tokens = list(token.subtree)
    return token.doc[tokens[0].i : tokens[-1].i + 1]


def _noun_phrase(tokens: Span) -> bool:
    return len(tokens) > 0 and not any(t.pos_ in {"VERB", "AUX"} for t in tokens)


def _trailing_subject(verb: Token) -> tuple[Token, Span] | None:
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
        # the whole subject, relative clauses included: 'a person briefed on the decision'
        phrase = _subtree(subject) if subject is not None else None
        if subject is None and _closes_sentence(verb, cue_end):
            trailing = _trailing_subject(verb)
            if trailing is not None:
                subject, phrase = trailing
        if subject is None or phrase is None or any(s <= subject.idx < e for s, e in quoted):
            continue
        if not _is_report(verb, min(phrase.start_char, verb.idx), cue_end):
            continue
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


_OPENING_CHANNELS = frozenset({"statement", "communique", "notice", "declaration", "letter", "report"})


def _opening_channel(doc: Doc, sentence: Span) -> list[tuple[Source, bool]]:
    """'In a (joint) statement on Monday, the AU demanded ...': the sentence is on the word of
    that document."""
    words = [t for t in sentence if not t.is_space]
    if len(words) < 4 or words[0].lower_ != "in":
        return []
    comma = next((t for t in words if t.text == ","), None)
    if comma is None or not any(
        t.lower_ in _OPENING_CHANNELS for t in words[1 : min(4, comma.i - words[0].i)]
    ):
        return []
    text = doc.text
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
    quoted = [(q.open_at, q.close_at) for q in find_quote_spans(doc.text)]
    collected: list[tuple[Source, bool]] = []
    for sentence in doc.sents:
        collected.extend(_according(doc, sentence, cues))
        collected.extend(_opening_channel(doc, sentence))
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
