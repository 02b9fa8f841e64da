"""The characters a regular expression's matches can begin with, as a character class.

Python's regex engine tries a pattern at every offset of the text; a pattern that starts with
optional groups ("(?:Monday,? )?(?:early )?May ...") costs a walk through those groups even at
offsets where no match can begin. Testing the first character against this class first is a
cheap way out. The class is a superset: where unsure (a negated class, a case-blind group, a
back reference) it says any character may begin a match (None).
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["first_chars"]

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


def _class_item(op: Any, av: Any) -> str | None:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is sre.CATEGORY:
        return _CATEGORIES.get(av)
    return None  # NEGATE and the negated categories


def _first_of_op(op: Any, av: Any) -> tuple[list[str] | None, bool]:
    """(class items a match of this element can start with, whether it can match empty)."""
    if op is sre.LITERAL:
        return [re.escape(chr(av))], False
    if op is sre.IN:
        items = [_class_item(o, a) for o, a in av]
        return (None, False) if any(i is None for i in items) else ([str(i) for i in items], False)
    if op is sre.BRANCH:
        union: list[str] = []
        nullable = False
        for alternative in av[1]:
            found, empty = _first_of(alternative.data)
            if found is None:
                return None, False
            union += found
            nullable = nullable or empty
        return union, nullable
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & re.IGNORECASE:
            return None, False
        return _first_of(sub.data)
    if op in _REPEATS:
        low, _high, sub = av
        found, empty = _first_of(sub.data)
        return found, empty or low == 0
    if op in _ZERO_WIDTH:
        return [], True
    return None, False  # any character, a back reference, a conditional: anything


def _first_of(items: list[tuple[Any, Any]]) -> tuple[list[str] | None, bool]:
    out: list[str] = []
    for op, av in items:
        found, empty = _first_of_op(op, av)
        if found is None:
            return None, False
        out += found
        if not empty:
            return out, False
    return out, True


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character class (``"[...]"``) holding every character a match of ``pattern`` can
    start with, or None when any may (or the pattern can match empty)."""
    if flags & re.IGNORECASE:
        return None
    found, empty = _first_of(sre_parse.parse(pattern, flags).data)
    if found is None or empty or not found:
        return None
    return "[" + "".join(dict.fromkeys(found)) + "]"
