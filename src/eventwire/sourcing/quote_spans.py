"""Where the direct quotations are: pairs of quotation marks, found in the plain text.

Pure text work (no spaCy), so the rules are easy to test: curly double quotes, straight double
quotes, and curly single quotes used as quotation marks (headline style). A quotation left open at
the end of a paragraph ends there: newswire style opens each paragraph of a long quotation again
and closes only the last one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["QuoteSpan", "find_quote_spans"]

_OPEN_CURLY = "\u201c"
_CLOSE_CURLY = "\u201d"
_OPEN_SINGLE = "\u2018"
_CLOSE_SINGLE = "\u2019"
_MARKS = re.compile(f'[{_OPEN_CURLY}{_CLOSE_CURLY}"{_OPEN_SINGLE}{_CLOSE_SINGLE}]')
# characters stripped from the inside edges of a quotation (a comma stands in for the full stop)
_TRAILING = " \t\n,"


@dataclass(frozen=True)
class QuoteSpan:
    """``start``/``end`` bound the quoted words; ``open_at``/``close_at`` the marks (inclusive/exclusive)."""

    start: int
    end: int
    open_at: int
    close_at: int


def _paragraph_ranges(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(text):
        nxt = text.find("\n\n", pos)
        end = len(text) if nxt == -1 else nxt
        ranges.append((pos, end))
        if nxt == -1:
            break
        pos = nxt + 2
    return ranges


def _make(text: str, open_at: int, inner_end: int, close_at: int) -> QuoteSpan | None:
    start = open_at + 1
    while start < inner_end and text[start].isspace():
        start += 1
    end = inner_end
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    if end - start < 2:
        return None
    return QuoteSpan(start, end, open_at, close_at)


def _is_single_open(text: str, i: int) -> bool:
    return i == 0 or not text[i - 1].isalnum()


def _is_single_close(text: str, i: int) -> bool:
    # an apostrophe sits between letters ("Russia’s"); a closing mark does not
    return i + 1 >= len(text) or not text[i + 1].isalpha()


def _scan_paragraph(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    open_at: int | None = None
    opener = ""
    # no other character opens, closes or restarts a quotation: visit only these
    for mark in _MARKS.finditer(text, lo, hi):
        i = mark.start()
        ch = text[i]
        if open_at is None:
            if ch in (_OPEN_CURLY, '"') or (ch == _OPEN_SINGLE and _is_single_open(text, i)):
                open_at, opener = i, ch
            continue
        closes = (
            (opener == _OPEN_CURLY and ch == _CLOSE_CURLY)
            or (opener == '"' and ch == '"')
            or (opener == _OPEN_SINGLE and ch == _CLOSE_SINGLE and _is_single_close(text, i))
        )
        if closes:
            span = _make(text, open_at, i, i + 1)
            if span is not None:
                found.append(span)
            open_at = None
        elif opener == _OPEN_CURLY and ch == _OPEN_CURLY:
            # a stray second opener: the first quotation was never closed, restart here
            open_at = i
    if open_at is not None:
        end = hi
        while end > open_at and text[end - 1].isspace():
            end -= 1
        span = _make(text, open_at, end, end)
        if span is not None:
            found.append(span)
    return found


@lru_cache(maxsize=4)
def find_quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    """Every quotation in ``text``, in order; nested quotations are part of the outer one.
    (Cached: the quotes and the sources steps both ask, about the same article.)"""
    spans: list[QuoteSpan] = []
    for lo, hi in _paragraph_ranges(text):
        spans.extend(_scan_paragraph(text, lo, hi))
    return tuple(spans)
