"""The dateline's country: "Islamabad: ...", "LONDON (Reuters) - ...", "MOSCOW, May 7 -- ...".

An organ named without its state ("the Foreign Office said") in a datelined story is, by news
convention, usually the dateline country's.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from eventwire.actors.appositions import city_country
from eventwire.actors.kb import KnowledgeBase
from eventwire.nlp.text import doc_text, tokens_from

__all__ = ["dateline_country"]

_AFTER_DATELINE = frozenset({":", "-", "\u2014", "\u2013", "--", "(", ","})
_MAX_PARAGRAPHS = 6  # datelines open the story, after the headline and byline


def _country_of(name: str, kb: KnowledgeBase) -> str | None:
    for cand in kb.candidates(name):
        if cand.kind == "state" and cand.form in ("capital", "metonym", "name"):
            return cand.country
    return city_country(name.title()) if name.isupper() else city_country(name)


def _paragraph_starts(doc: Doc) -> Iterator[int]:
    """Token 0 and each token right after a line break, in order (spaCy keeps every line break
    in a whitespace token, so the text's newlines find them without walking the Doc)."""
    if not len(doc):
        return
    yield 0
    text = doc_text(doc)
    last = 0
    at = text.find("\n")
    while at != -1:
        i = tokens_from(doc, at + 1)
        if i >= len(doc):
            return
        if i > last:
            yield i
            last = i
        at = text.find("\n", doc[i].idx)


def dateline_country(doc: Doc, kb: KnowledgeBase) -> str | None:
    paragraphs = 0
    for start in _paragraph_starts(doc):
        if start and not doc[start - 1].is_space:
            continue  # a line break inside a token's own text (rare: not a paragraph)
        tok = doc[start]
        if tok.is_space:
            continue
        paragraphs += 1
        if paragraphs > _MAX_PARAGRAPHS:
            return None
        for width in (1, 2, 3):
            if tok.i + width >= len(doc):
                break
            name = doc[tok.i:tok.i + width]
            if doc[tok.i + width].text in _AFTER_DATELINE and all(t.is_alpha or t.text == "."
                                                                  for t in name) \
                    and name.text[:1].isupper():
                country = _country_of(name.text, kb)
                if country:
                    return country
    return None
