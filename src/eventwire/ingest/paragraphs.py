"""Paragraph-level repairs shared by every format: rejoin broken paragraphs, join the rest."""

from __future__ import annotations

import re

__all__ = ["continues", "join_paragraphs", "rejoin_broken"]

# Sentence-final punctuation, optionally followed by closing quotes/brackets, or a closing quote.
_FINAL = re.compile(r"(?:[.!?…][\"'”’»)\]]*|[\"”’»])$")
# Words a paragraph never ends on unless the writer's sentence goes on in the next one.
_DANGLING = re.compile(
    r"(?:,|[-–—]|\b(?:the|a|an|of|to|and|or|but|by|for|in|on|with|at|from|that|as|its|their|"
    r"his|her|is|was|were|are|has|have|had|will|would))$",
    re.IGNORECASE,
)
_OPENS_LOWER = re.compile(r"[\"'“‘(]?[a-z]")
_OPENS_WORD = re.compile(r"[\"'“‘(]?\w")


def continues(before: str, after: str) -> bool:
    """Whether paragraph ``after`` carries on the sentence ``before`` left unfinished."""
    if _FINAL.search(before):
        return False
    if _OPENS_LOWER.match(after):
        return True
    # "... by the Trump" / "administration ..." is caught above; "... risking punitive measures by
    # the" / "Trump administration ..." only by the dangling last word.
    return bool(_DANGLING.search(before) and _OPENS_WORD.match(after))


def rejoin_broken(paragraphs: list[str], keep_apart: frozenset[int] = frozenset()) -> list[str]:
    """Merge a paragraph into the previous one when a blank line broke a sentence in two.

    Paragraphs whose index is in ``keep_apart`` (list items) are never merged into another.
    """
    merged: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if merged and index not in keep_apart and continues(merged[-1], paragraph):
            merged[-1] = f"{merged[-1]} {paragraph}"
        else:
            merged.append(paragraph)
    return merged


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)
