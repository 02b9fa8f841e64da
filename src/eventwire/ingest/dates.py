"""Publication dates as articles print them: dateline lines and metadata values.

A small, strict parser on purpose: a dateline must be *only* a date (with an optional
"Published:" prefix, weekday and clock time), so no body sentence is ever mistaken for one.
Numeric day/month order is only accepted when unambiguous (ISO ``2019-05-31``, or a day > 12).
"""

from __future__ import annotations

import datetime as dt
import re

from eventwire.ingest.resources import furniture

__all__ = ["parse_date_value", "parse_dateline", "strip_wire_dateline"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

_DATE_FORMS = (
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_YEAR + r"-(?P<nmonth>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(_YEAR + r"/(?P<nmonth>\d{1,2})/(?P<day>\d{1,2})"),
    re.compile(r"(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./]" + _YEAR),
)
# What may follow the date on a dateline: clock time, zone, separators, "Updated ..." words.
_TIME = re.compile(
    r"(?:\bat\b|\b\d{1,2}(?::\d\d){1,2}\b|\b\d{1,2}\s*(?=[ap]\.?m)|\b[ap]\.?m\.?(?!\w)|"
    r"\bt\d\d:\d\d(?::\d\d)?(?:\.\d+)?z?\b|"
    r"\b(?:utc|gmt|z|[a-z]{1,2}[sd]?t|cet|cest|msk|ist|jst|bst|aest|aedt)"
    r"(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?\b|"
    r"[+-]\d\d:?\d\d\b|\b(?:updated|published|posted|last|on|and)\b|[\s,|•·/()\-–—:.])",
    re.IGNORECASE,
)
# Wire-service dateline opening a story: "TOKYO, Jan 31 (dpa): ...", "MOSCOW, Nov. 26 (Reuters) -".
# Only the dated form with the agency in brackets is furniture; a bare "MOSCOW -" is left alone.
_PLAIN_MONTH = "(?i:" + _MONTH.replace("?P<month>", "?:") + ")"
_WIRE_DATELINE = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"  # city: "TOKYO", "New York"
    r"(?:\s*\[[^\]]{1,25}\])?"  # "[USA]"
    r"(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"  # ", D.C."
    r"\s*,\s*(?:" + _PLAIN_MONTH + r"\s*\d{1,2}|\d{1,2}\s+" + _PLAIN_MONTH + r")"
    r"(?:,?\s+(?:19|20)\d\d)?"
    r"\s*\([^()]{2,30}\)\s*[:\-–—]+\s*",
)
# Undated wire dateline: a city in capitals, an optional country and agency, then a dash or colon
# ("MOSCOW (Reuters) - ", "KABUL, Afghanistan (AP) — ", "LONDON: (DNA) – ", "LA PAZ -- ").
# Capitals keep ordinary sentence openings ("Moscow - the capital - ...") out.
_CAPS_DATELINE = re.compile(
    r"(?=[A-Z.'’ -]{3})[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"  # city: "MOSCOW", "LA PAZ"
    r"(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"  # ", Afghanistan"
    r"\s*(?::\s*)?(?:\([^()]{2,30}\)\s*)?(?:--|[:\-–—])\s+",
)
# Words that open a sentence with a date ("On Monday, May 31 (local time) - ..."), never a city.
_SENTENCE_OPENERS = frozenset(
    {
        "on",
        "in",
        "at",
        "by",
        "for",
        "from",
        "since",
        "until",
        "after",
        "before",
        "during",
        "last",
        "this",
        "next",
        "every",
        "early",
        "late",
        "as",
        "the",
    }
)
_ISO_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _date_from(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("month"):
        return _make(year, _MONTHS[groups["month"].lower()], int(groups["day"]))
    if groups.get("nmonth"):
        return _make(year, int(groups["nmonth"]), int(groups["day"]))
    first, second = int(groups["a"]), int(groups["b"])
    if first > 12 >= second:
        return _make(year, second, first)
    if second > 12 >= first:
        return _make(year, first, second)
    return None  # 05/06/2019: day-month order unknown


def _find_date(text: str) -> tuple[dt.date, int, int] | None:
    for form in _DATE_FORMS:
        match = form.search(text)
        if match is not None:
            value = _date_from(match)
            if value is not None:
                return value, match.start(), match.end()
    return None


def _only_time_words(text: str) -> bool:
    # A second date ("Updated June 1, 2019") may also sit on the line.
    while (found := _find_date(text)) is not None:
        text = text[: found[1]] + " " + text[found[2] :]
    return not _TIME.sub("", text)


def parse_dateline(line: str) -> dt.date | None:
    """The date when ``line`` is nothing but a (possibly prefixed and timed) date, else None."""
    line = line.strip()
    if not line or len(line) > 120:
        return None
    found = _find_date(line)
    if found is None:
        return None
    value, start, end = found
    head = line[:start].strip(" \t,|:-–—")
    if head and not furniture().date_prefix_re.fullmatch(head.rstrip(":").strip()):
        return None
    return value if _only_time_words(line[end:]) else None


def parse_date_value(value: object) -> dt.date | None:
    """A date from a metadata value: ISO date or datetime, or any dateline form."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO_PREFIX.match(value.strip())
    if match is not None:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return parse_dateline(value)


def strip_wire_dateline(paragraph: str) -> str:
    """``paragraph`` without a leading dated wire dateline; unchanged when there is none."""
    match = _WIRE_DATELINE.match(paragraph) or _CAPS_DATELINE.match(paragraph)
    if match is None or paragraph.split(None, 1)[0].lower() in _SENTENCE_OPENERS:
        return paragraph
    rest = paragraph[match.end() :]
    if not rest[:1].isupper() and rest[:1] not in {'"', "“", "‘", "'"}:
        return paragraph
    return rest
