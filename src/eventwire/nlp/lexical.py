"""Finding the tokens that are one of a few words without a Token object per token.

Steps that look for cue words ("in", "province", "according") used to walk every token of the
Doc and read its text; the Doc's lexical arrays answer the same question with integers. A
token is reported only after its string is compared too, so a hash collision cannot add one.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["tokens_with_lemma", "tokens_with_lower", "tokens_with_text"]

_LOWER_KEY = "eventwire.lower"
_ORTH_KEY = "eventwire.orth"
_LEMMA_KEY = "eventwire.lemma"


@lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


def _array(doc: Doc, attr: str, key: str) -> list[int]:
    # the forms never change after tokenization, so one read serves every step
    cached: list[int] | None = doc.user_data.get(key)
    if cached is None:
        cached = doc.to_array(attr).tolist() if len(doc) else []
        doc.user_data[key] = cached
    return cached


def tokens_with_lower(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indices, in order, of the tokens whose ``lower_`` is one of ``words``."""
    wanted = _hashes(words)
    return [i for i, h in enumerate(_array(doc, "LOWER", _LOWER_KEY))
            if h in wanted and doc[i].lower_ in words]


def tokens_with_text(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indices, in order, of the tokens whose ``text`` is one of ``words``."""
    wanted = _hashes(words)
    return [i for i, h in enumerate(_array(doc, "ORTH", _ORTH_KEY))
            if h in wanted and doc[i].text in words]


@lru_cache(maxsize=64)
def _cased(words: frozenset[str]) -> frozenset[str]:
    return words | frozenset(w.capitalize() for w in words) | frozenset(w.upper() for w in words)


def tokens_with_lemma(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indices, in order, of the tokens whose ``lemma_.lower()`` is one of ``words`` (lower
    case). Read after the lemmatizer: the lemma array is kept for the rest of the pipeline."""
    wanted = _hashes(_cased(words))
    return [i for i, h in enumerate(_array(doc, "LEMMA", _LEMMA_KEY))
            if h in wanted and doc[i].lemma_.lower() in words]
