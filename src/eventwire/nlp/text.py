"""The text of a Doc, built once.

``Doc.text`` joins every token's text each time it is read; components that slice it per
candidate made coding quadratic in article length. The text never changes after tokenization,
so it is kept in the Doc's user data on first use.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["doc_text"]

_KEY = "eventwire.text"


def doc_text(doc: Doc) -> str:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[_KEY] = cached
    return str(cached)
