"""Numbers written in digits or words ("1,500", "2.5 million", "twenty-five", "hundreds of thousands")."""

from __future__ import annotations

import re

from eventwire.time.lexicon import time_lexicon

__all__ = ["parse_number"]

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def _word_value(word: str) -> float | None:
    lex = time_lexicon()
    if _DIGITS.match(word):
        return float(word.replace(",", ""))
    if word in lex.number_words:
        return lex.number_words[word]
    if "-" in word:
        # "twenty-five": tens plus units
        parts = [lex.number_words.get(p) for p in word.split("-")]
        if all(p is not None for p in parts) and len(parts) == 2:
            return float(sum(p for p in parts if p is not None))
    return None


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None if ``text`` is not one.

    Vague plurals give a lower bound ("hundreds of thousands" -> 200000), so a casualty count
    read from them never overstates what the article says.
    """
    lex = time_lexicon()
    words = [w for w in re.split(r"\s+", text.strip().lower()) if w]
    words = [w for w in words if w not in {"of", "and"}]
    if not words:
        return None
    total: float | None = None
    current: float | None = None
    for word in words:
        value = _word_value(word)
        if value is not None:
            if current is not None and value >= 1 and current < 100 and value < 10 and current % 10 == 0:
                current += value  # "twenty five"
            elif current is not None:
                return None
            else:
                current = value
            continue
        if word in lex.multipliers:
            mult = lex.multipliers[word]
            base = current if current is not None else (total if total is not None else None)
            if base is None:
                return None
            if current is None and total is not None:
                total *= mult
            elif mult >= 1000:
                total = (total or 0.0) + current * mult if current is not None else total
                current = None
            else:
                current = current * mult if current is not None else None
            continue
        if word in lex.vague_numbers:
            vague = lex.vague_numbers[word]
            if current is None and total is None:
                total = vague
            elif total is not None and current is None:
                # "hundreds of thousands": the unit of the second scales the first
                total = total * (vague / 2)
            else:
                return None
            continue
        return None
    result = (total or 0.0) + (current or 0.0)
    if total is None and current is None:
        return None
    return result
