"""Sentence boundaries at paragraph breaks.

Ingest separates paragraphs with a blank line; the statistical parser sometimes runs a sentence
across that break (a headline into the first paragraph). Marking the boundary before the parser
runs makes the parser respect it.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.text import doc_text, token_starts


class ParagraphBoundaries:
    def __call__(self, doc: Doc) -> Doc:
        # only a token holding a blank line can qualify: find those in the text, not token by token
        text = doc_text(doc)
        starts = token_starts(doc)
        at = text.find("\n\n")
        last = -1
        while at != -1:
            i = bisect_right(starts, at) - 1
            if last < i < len(doc) - 1:
                token = doc[i]
                if "\n\n" in token.whitespace_ or (token.is_space and "\n\n" in token.text):
                    doc[i + 1].is_sent_start = True
                last = i
            at = text.find("\n\n", at + 1)
        return doc


@Language.factory("eventwire_paragraphs")
def make_paragraph_boundaries(nlp: Language, name: str) -> ParagraphBoundaries:
    return ParagraphBoundaries()
