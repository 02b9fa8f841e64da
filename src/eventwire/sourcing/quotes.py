"""``eventwire_quotes``: every direct quotation and who said it -> ``doc._.ew_quotes``.

The speaker is the subject of the reporting verb the quotation hangs on: found first through the
parse (the quotation's words depend on "said"), then by looking right after the closing mark
('"...," X said') and right before the opening one ('X said: "..."'). A pronoun speaker ("he
said") is the person quoted or named last. A quotation with no reporting verb of its own that
follows one with a speaker, in the same or the next paragraph, continues that speaker's words.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.model import Entity, Quote, TextSpan
from eventwire.nlp.text import doc_text, tokens_from, tokens_within
from eventwire.sourcing.cues import sourcing_cues
from eventwire.sourcing.quote_spans import QuoteSpan, find_quote_spans
from eventwire.sourcing.speakers import PERSON_PRONOUNS, last_person, speaker_of

__all__ = ["QuoteFinder", "find_quotes", "make_quote_finder"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# how far (in tokens) from a quotation mark a reporting verb may sit and still introduce it
_WINDOW = 12


def _quote_verbs() -> frozenset[str]:
    cues = sourcing_cues()
    return cues.speech_verbs | cues.quote_framing_verbs


def _inside(tok: Token, spans: tuple[QuoteSpan, ...]) -> bool:
    return any(q.open_at <= tok.idx < q.close_at for q in spans)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    if verb.dep_ in {"conj", "xcomp"} and verb.head is not verb:
        return _subject(verb.head)
    return None


def _according_to(tok: Token) -> Token | None:
    if tok.lower_ == "according":
        for child in tok.children:
            if child.lower_ == "to":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """'"...," said an online statement': the parser may make the late subject an object."""
    for child in verb.children:
        if (
            child.i > verb.i
            and child.dep_ in {"nsubj", "dobj", "attr", "npadvmod", "oprd"}
            and child.pos_ in {"NOUN", "PROPN"}
        ):
            return child
    return None


def _named_issuer(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "by", "from"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _issuer(doc: Doc, head: Token) -> Token | None:
    """Who issued a statement or report named as a speaker: 'a statement of the ministry', or,
    for 'the statement', the issuer of the latest statement mentioned before it."""
    named = _named_issuer(head)
    if named is not None or not any(c.lower_ in {"the", "this", "that"} for c in head.children):
        return named
    for tok in reversed(doc[: head.i]):
        if tok.lemma_.lower() != head.lemma_.lower():
            continue
        named = _named_issuer(tok)
        if named is not None:
            return named
        if tok.head.lower_ == "in":
            subject = _subject(tok.head.head)
            if subject is not None:
                return subject
    return None


def _subject_word(verb: Token, spans: tuple[QuoteSpan, ...]) -> Token | None:
    """The subject word of a reporting verb (or the object of 'according to'), outside quotes."""
    subject = _according_to(verb) or _subject(verb)
    if subject is None or _inside(subject, spans):
        # the parser sometimes makes the quotation's own subject the verb's
        subject = _inverted_subject(verb)
    if subject is not None and subject.lemma_.lower() in sourcing_cues().document_nouns:
        subject = _issuer(verb.doc, subject) or subject
    if subject is None or _inside(subject, spans):
        return None
    return subject


def _by_parse(doc: Doc, q: QuoteSpan, spans: tuple[QuoteSpan, ...]) -> Token | None:
    verbs = _quote_verbs()
    for tok in tokens_within(doc, q.open_at, q.close_at):
        if q.open_at <= tok.head.idx < q.close_at and tok.head is not tok:
            continue
        node = tok.head
        for _ in range(10):
            if not _inside(node, spans) and (
                node.lemma_.lower() in verbs or _according_to(node) is not None
            ):
                speaker = _subject_word(node, spans)
                if speaker is not None:
                    return speaker
            if node.head is node:
                break
            node = node.head
    return None


def _by_window(doc: Doc, q: QuoteSpan, spans: tuple[QuoteSpan, ...]) -> Token | None:
    verbs = _quote_verbs()
    first = tokens_from(doc, q.close_at)
    for tok in doc[first : first + _WINDOW]:
        if _inside(tok, spans) or "\n\n" in doc_text(doc)[q.close_at : tok.idx]:
            break
        if tok.lemma_.lower() in verbs or _according_to(tok) is not None:
            speaker = _subject_word(tok, spans)
            if speaker is not None:
                return speaker
        if tok.text in {".", "?", "!"}:
            break
    last = tokens_from(doc, q.open_at)
    for tok in reversed(doc[max(0, last - _WINDOW) : last]):
        if _inside(tok, spans) or "\n\n" in doc_text(doc)[tok.idx : q.open_at]:
            break
        if tok.text in {".", "?", "!"}:
            break
        if tok.lemma_.lower() in verbs:
            speaker = _subject_word(tok, spans)
            if speaker is not None:
                return speaker
    return None


def _paragraph_index(text: str, offset: int) -> int:
    return text.count("\n\n", 0, offset)


def find_quotes(doc: Doc) -> list[Quote]:
    spans = find_quote_spans(doc_text(doc))
    quotes: list[Quote] = []
    for q in spans:
        speaker: Entity | None = None
        speaker_span: TextSpan | None = None
        head = _by_parse(doc, q, spans) or _by_window(doc, q, spans)
        if head is not None and head.lower_ in PERSON_PRONOUNS:
            found = last_person(doc, head.idx, quotes)
            if found is not None:
                speaker, speaker_span = found
        elif head is not None and head.pos_ != "PRON":
            speaker, speaker_span = speaker_of(head)
        if speaker is None and quotes and quotes[-1].speaker is not None:
            previous = quotes[-1]
            gap = _paragraph_index(doc_text(doc), q.open_at) - _paragraph_index(doc_text(doc), previous.end)
            if gap <= 1:
                speaker, speaker_span = previous.speaker, previous.speaker_span
        quotes.append(Quote(doc_text(doc)[q.start : q.end], q.start, q.end, speaker, speaker_span))
    return quotes


class QuoteFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.ew_quotes = find_quotes(doc)
        return doc


@Language.factory("eventwire_quotes")
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder()


def quote_at(quotes: list[Quote] | None, offset: int) -> Quote | None:
    """The quotation whose words contain the character ``offset``, if any."""
    for quote in quotes or []:
        if quote.start <= offset < quote.end:
            return quote
    return None


