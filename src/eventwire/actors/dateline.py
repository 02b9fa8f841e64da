"""The dateline's country: "Islamabad: ...", "LONDON (Reuters) - ...", "MOSCOW, May 7 -- ...".

An organ named without its state ("the Foreign Office said") in a datelined story is, by news
convention, usually the dateline country's.
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.actors.appositions import city_country
from eventwire.actors.kb import KnowledgeBase

__all__ = ["dateline_country"]

_AFTER_DATELINE = frozenset({":", "-", "\u2014", "\u2013", "--", "(", ","})
_MAX_PARAGRAPHS = 6  # datelines open the story, after the headline and byline


def _country_of(name: str, kb: KnowledgeBase) -> str | None:
    for cand in kb.candidates(name):
        if cand.kind == "state" and cand.form in ("capital", "metonym", "name"):
            return cand.country
    return city_country(name.title()) if name.isupper() else city_country(name)


def dateline_country(doc: Doc, kb: KnowledgeBase) -> str | None:
    paragraphs = 0
    for tok in doc:
        starts_paragraph = tok.i == 0 or "\n\n" in doc[tok.i - 1].whitespace_ \
            or (doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text)
        if not starts_paragraph or tok.is_space:
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
