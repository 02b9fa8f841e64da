"""Is this line page furniture (credit, boilerplate, byline, link trailer) rather than article?

Each check looks at one line after inline markup is gone; they are deliberately narrow (whole-line
matches with a word cap) so that a real sentence is never dropped.
"""

from __future__ import annotations

import re

from eventwire.ingest.resources import furniture

__all__ = ["URL_LINE", "byline_of", "is_boilerplate", "is_credit", "url_label_of"]

URL_LINE = re.compile(r"<?((?:https?|ftp)://\S+?)>?")
_LINK_TARGET = re.compile(r"\]\(\s*<?((?:https?|ftp)://[^)\s>]+)>?")
_NAME_WORD = re.compile(
    r"(?:[A-Z0-9][\w'’.-]*|[A-Z]\.|&|and|of|the|de|da|del|van|von|der|al|el|bin|"
    r"le|la|du|di|y|for|in)[,;]?"
)
_BYLINE_SEPARATORS = re.compile(r"\s+[|•·–—-]\s+|\s*\|\s*")
_MAX_BYLINE_WORDS = 12
_MAX_LOOSE_BYLINE_WORDS = 4
_PARENTHESIS = re.compile(r"\([^()]{0,60}\)")
_SENTENCE_END = re.compile(r"[.!?]$")


def _words(line: str) -> int:
    return len(line.split())


def is_credit(line: str) -> bool:
    marks = furniture()
    if _words(line) <= marks.credit_max_words and marks.credit_re.fullmatch(line):
        return True
    return _words(line) <= marks.name_credit_max_words and bool(
        marks.name_credit_re.fullmatch(line)
    )


def is_boilerplate(line: str) -> bool:
    marks = furniture()
    return _words(line) <= marks.boilerplate_max_words and bool(
        marks.boilerplate_re.fullmatch(line)
    )


def url_label_of(line: str, raw: str = "") -> tuple[bool, str | None]:
    """(line is an "Original url:" label, the URL on the same line if any).

    ``raw`` is the line before its Markdown was stripped, where a link target may hold the URL
    ("Original url: [read here](https://...)").
    """
    label, _, rest = line.partition(":") if ":" in line.split("//")[0] else (line, "", "")
    if not furniture().url_label_re.fullmatch(label.strip()):
        return False, None
    rest = rest.strip()
    if not rest:
        return True, None
    match = URL_LINE.fullmatch(rest)
    if match:
        return True, match.group(1)
    target = _LINK_TARGET.search(raw)
    return (True, target.group(1)) if target else (False, None)


def _name_like(names: str) -> bool:
    words = _PARENTHESIS.sub("", names).split()
    if not words or len(words) > _MAX_BYLINE_WORDS:
        return False
    if words[0][:1].isupper() and all(_NAME_WORD.fullmatch(word) for word in words):
        return True
    # "By dpa", "By eventwire sample desk": too short to be a clause.
    return len(words) <= _MAX_LOOSE_BYLINE_WORDS and not _SENTENCE_END.search(names)


def byline_of(line: str) -> tuple[str, list[str]] | None:
    """(author names, other parts such as a date or desk) when ``line`` is a byline.

    Only meaningful for a line standing alone in the article header; the caller checks that.
    """
    match = furniture().byline_re.fullmatch(line)
    if match is None:
        return None
    names, *others = _BYLINE_SEPARATORS.split(match.group("names").strip())
    if not _name_like(names):
        return None
    return names.rstrip(",;"), [part.strip() for part in others if part.strip()]
