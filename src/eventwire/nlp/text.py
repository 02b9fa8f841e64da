"""The text of a Doc and its tokens' offsets, built once.

``Doc.text`` joins every token's text each time it is read; components that slice it per
candidate made coding quadratic in article length. Likewise, finding the tokens in a character
range by walking the whole Doc costs a Token object per token per question. The text and the
offsets never change after tokenization, so they are kept in the Doc's user data on first use.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

__all__ = ["doc_text", "remember_text", "token_starts", "tokens_from", "tokens_within"]

_KEY = "eventwire.text"
_STARTS_KEY = "eventwire.token_starts"


def doc_text(doc: Doc) -> str:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[_KEY] = cached
    return str(cached)


def remember_text(doc: Doc, text: str) -> None:
    """Records ``text`` as the text of ``doc``, made from it by the tokenizer (which keeps every
    character: ``doc.text == text``), so no step has to rebuild it from the tokens."""
    last = doc[-1] if len(doc) else None
    if last is None or last.idx + len(last.text_with_ws) == len(text):
        doc.user_data[_KEY] = text


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset (``token.idx``), in order; strictly increasing."""
    cached: list[int] | None = doc.user_data.get(_STARTS_KEY)
    if cached is None:
        cached = doc.to_array("IDX").tolist() if len(doc) else []
        doc.user_data[_STARTS_KEY] = cached
    return cached


def tokens_within(doc: Doc, start: int, end: int) -> Span:
    """The tokens that begin at a character offset in [start, end), in order."""
    starts = token_starts(doc)
    return doc[bisect_left(starts, start) : bisect_left(starts, end)]


def tokens_from(doc: Doc, offset: int) -> int:
    """Index of the first token that begins at or after character ``offset`` (len(doc) if none)."""
    return bisect_left(token_starts(doc), offset)
