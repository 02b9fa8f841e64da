"""Sentence boundaries at paragraph breaks.

Ingest separates paragraphs with a blank line; the statistical parser sometimes runs a sentence
across that break (a headline into the first paragraph). Marking the boundary before the parser
runs makes the parser respect it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBoundaries:
    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if "\n\n" in token.whitespace_ or (token.is_space and "\n\n" in token.text):
                doc[token.i + 1].is_sent_start = True
        return doc


@Language.factory("eventwire_paragraphs")
def make_paragraph_boundaries(nlp: Language, name: str) -> ParagraphBoundaries:
    return ParagraphBoundaries()
