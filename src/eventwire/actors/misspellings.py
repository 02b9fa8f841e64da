"""State names written one letter off ("Ethopia", "Afganistan", "Phillippines", "Quatar").

Wire copy and transcripts misspell state names often enough to lose events. A capitalised
word of six letters or more that no name matched, that the tagger does not take for a person
or organization, and that is one edit from exactly one state's name, adjective or demonym
(same first letter) stands for that state.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from spacy.tokens import Doc

from eventwire.actors.kb import KnowledgeBase
from eventwire.actors.matching import Mention
from eventwire.actors.surnames import one_edit
from eventwire.nlp.text import doc_text, token_starts

__all__ = ["misspelt_states", "state_words"]

_FORMS = frozenset({"name", "adjective", "demonym"})
_MIN_LEN = 6
_NOT_PLACES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


@lru_cache(maxsize=4)
def state_words(kb: KnowledgeBase) -> Mapping[str, tuple[tuple[str, str], ...]]:
    """(word, country) of single-word state names, adjectives and demonyms, by first letter."""
    table: dict[str, dict[str, str]] = {}
    for key, cands in kb.index.items():
        if " " in key or len(key) < _MIN_LEN - 1 or not key.isalpha():
            continue
        for c in cands:
            if c.kind == "state" and c.form in _FORMS and c.country:
                table.setdefault(key[0], {})[key] = c.country
    return MappingProxyType({k: tuple(v.items()) for k, v in table.items()})


def _lengths(doc: Doc) -> list[int]:
    return doc.to_array("LENGTH").tolist() if len(doc) else []


def misspelt_states(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """Name mentions whose ``key`` is the state word a misspelt word stands for."""
    words = state_words(kb)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out: list[Mention] = []
    full = doc_text(doc)
    # the text's own characters first: a Token object only for long capitalised words
    for i, (start, length) in enumerate(zip(token_starts(doc), _lengths(doc), strict=True)):
        text = full[start : start + length]
        if length < _MIN_LEN or not text[0].isupper() or not text.isalpha() or i in taken:
            continue
        tok = doc[i]
        if tok.ent_type_ in _NOT_PLACES or kb.candidates(text):
            continue
        low = text.lower()
        near = [(w, country) for w, country in words.get(low[0], ()) if one_edit(w, low)]
        if len({country for _, country in near}) == 1:
            out.append(Mention("name", tok.i, tok.i + 1, near[0][0]))
    return out
