"""Text similarity between two evidence spans: content-word sets and their Jaccard index.

Syndicated copies of a wire story keep most content words of a sentence while editors change
function words, possessives and a synonym here and there, so a set of content words (stop words
dropped) is robust to those edits and cheap to compare.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

__all__ = ["content_words", "jaccard"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Truncation stemming: "Russia"/"Russian" and "talks"/"talked" share their first letters, so
# light rewording still matches without a lemmatizer (the set is compared, never shown).
_STEM_CHARS = 5


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:_STEM_CHARS]


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """Lower-cased, crudely stemmed words of ``text`` that are not stop words."""
    words = (w.lower() for w in _WORD.findall(text))
    return frozenset(_stem(w) for w in words if w not in STOP_WORDS and len(w) > 1)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b|; 0 for two empty sets (nothing in common to vouch for a match)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0
