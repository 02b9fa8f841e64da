"""A guard against run-on "sentences": thousands of words with no sentence end.

Such text is not prose (a keyword dump, a flattened table, a scraping accident) and several
pipeline steps look at word pairs within a sentence, so their cost grows with its square:
measured on 2 cores, a 10,000-word sentence took about 27 s to code and 20,000 words several
minutes. Refusing it up front keeps coding time bounded; real news sentences stay far below.
"""

from __future__ import annotations

import re

from eventwire.ingest.failure import Rejected

__all__ = ["MAX_SENTENCE_WORDS", "check_sentence_length", "longest_run"]

#: Longest run of words without a sentence end (or line break) that ingest accepts: a 2,000-word
#: run still codes in about 2 s; real news sentences stay under a few hundred words.
MAX_SENTENCE_WORDS = 2500

# Sentence ends in the scripts ingest may meet, and line breaks (a list item ends a run too).
_BREAK = re.compile(r"[.!?;:\n\u2026\u3002\uff01\uff1f\u061f\u0964]")
_WORD = re.compile(r"\S+")


def longest_run(text: str) -> int:
    """Words in the longest stretch of ``text`` without a sentence end or line break."""
    return max((len(_WORD.findall(piece)) for piece in _BREAK.split(text)), default=0)


def check_sentence_length(text: str, limit: int = MAX_SENTENCE_WORDS) -> None:
    """Raise Rejected when a run of words without punctuation is longer than ``limit``."""
    words = longest_run(text)
    if words > limit:
        raise Rejected(f"a sentence of {words} words without punctuation (limit {limit}): "
                       "not article prose")
