"""Case-blind patterns searched on lower-cased text, with the original pattern's answers.

A pattern compiled with ``re.IGNORECASE`` compares every character case-blind, and Python's
regex engine cannot then skip ahead to the characters a match can start with; the same
(lower-case) pattern without the flag, run on the lower-cased text, finds the same places
several times faster. Lower-casing keeps length, \\w/\\s/\\d membership and every ASCII letter's
case-blind identity except for four characters (dotted and dotless i, long s, Kelvin sign),
so a text holding one of those is searched the slow way. Each place the fast search finds is
then matched by the original pattern at that offset, so the matches are the original's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["FoldedPattern", "fold"]

#: the characters whose case-blind match differs from their str.lower() (checked by a test)
UNSAFE = ("\u0130", "\u0131", "\u017f", "\u212a")


def fold(text: str) -> str | None:
    """``text`` lower-cased for :class:`FoldedPattern`, or None when it must be searched the
    slow way."""
    if not text.isascii() and any(c in text for c in UNSAFE):
        return None
    return text.lower()


@dataclass(frozen=True)
class FoldedPattern:
    exact: re.Pattern[str]
    #: the pattern without IGNORECASE; None when its source has upper-case characters
    scout: re.Pattern[str] | None

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> FoldedPattern:
        source = pattern.pattern
        usable = (isinstance(source, str) and source == source.lower()
                  and bool(pattern.flags & re.IGNORECASE))
        scout = re.compile(source, pattern.flags & ~re.IGNORECASE) if usable else None
        return cls(pattern, scout)

    def search(self, text: str, folded: str | None, pos: int = 0) -> re.Match[str] | None:
        """``self.exact.search(text, pos)``; ``folded`` is ``fold(text)``."""
        if self.scout is None or folded is None:
            return self.exact.search(text, pos)
        while (hit := self.scout.search(folded, pos)) is not None:
            found = self.exact.match(text, hit.start())
            if found is not None:
                return found
            pos = hit.start() + 1
        return None

    def finditer(self, text: str, folded: str | None) -> list[re.Match[str]]:
        """``list(self.exact.finditer(text))``; ``folded`` is ``fold(text)``."""
        if self.scout is None or folded is None:
            return list(self.exact.finditer(text))
        found: list[re.Match[str]] = []
        pos = 0
        while (match := self.search(text, folded, pos)) is not None:
            if match.end() == match.start():
                # empty matches follow finditer's own stepping rules: leave them to it
                return list(self.exact.finditer(text))
            found.append(match)
            pos = match.end()
        return found
