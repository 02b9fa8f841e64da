"""Constant-time ``token.sent`` and ``span.sent``, and ``doc.sents`` built once.

spaCy finds a token's sentence by walking the sentence-start flags, so components that ask for
it per token (dates, places, events, sourcing) made the pipeline quadratic in sentence length;
``doc.sents`` makes a new Span per sentence on every call, and several steps ask for it per
event or per verb. After the parser has set the boundaries, this step indexes them once and
installs hooks that answer with a binary search or the stored list — same spans as spaCy's own
answer.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token


class SentenceIndex:
    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        sentences = list(doc.sents)
        starts = [s.start for s in sentences]

        def index_of(i: int) -> int:
            return bisect_right(starts, min(max(i, 0), len(doc) - 1)) - 1

        def token_sent(token: Token) -> Span:
            return sentences[index_of(token.i)]

        def span_sent(span: Span) -> Span:
            # like spaCy: a span crossing a boundary belongs to its first sentence
            return sentences[index_of(span.start)]

        def doc_sents(_doc: Doc) -> Iterator[Span]:
            return iter(sentences)

        doc.user_token_hooks["sent"] = token_sent
        doc.user_span_hooks["sent"] = span_sent
        doc.user_hooks["sents"] = doc_sents
        return doc


@Language.factory("eventwire_sentence_index")
def make_sentence_index(nlp: Language, name: str) -> SentenceIndex:
    return SentenceIndex()
