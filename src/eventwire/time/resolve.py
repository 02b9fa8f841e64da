"""Resolving one date expression ("May 7", "last year", "eight years of civil war") to an interval.

The relative logic is ours: dateparser is consulted only for absolute forms with an explicit
year that the grammar below does not cover, because its relative readings are unreliable for
news ("this month" gives the base day, "eight years" reads as "eight years ago").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.model import DateValue
from eventwire.time.calendar import month_bounds, shift, week_bounds, year_bounds
from eventwire.time.lexicon import time_lexicon
from eventwire.time.numbers import parse_number

__all__ = ["Interpretation", "interpret_date", "resolve_date"]

UNITS: dict[str, str] = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
}
_UNIT_RE = "|".join(sorted(UNITS, key=len, reverse=True))
_DROP_PREPOSITIONS = ("on", "in", "at", "during", "by", "around", "throughout", "within", "over",
                      "for", "of", "as of", "as early as", "as late as", "starting", "beginning")
_TIME_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|local time))?"


@dataclass(frozen=True)
class Interpretation:
    """What a date expression means: ``value`` None for vague ones ("recent years")."""

    value: DateValue | None
    kind: str  # point, duration


def _norm(text: str) -> str:
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:!?\"()[]")


def _month_re() -> str:
    return "|".join(sorted(time_lexicon().months, key=len, reverse=True))


def _weekday_re() -> str:
    return "|".join(sorted(time_lexicon().weekdays, key=len, reverse=True))


def _part_re() -> str:
    parts = sorted(time_lexicon().period_parts, key=len, reverse=True)
    return "|".join(re.escape(p) for p in parts)


def _value(start: dt.date, end: dt.date, precision: str, text: str) -> DateValue:
    return DateValue(start=start, end=end, precision=precision, text=text)


def _part(share_word: str | None, start: dt.date, end: dt.date, precision: str,
          text: str) -> DateValue:
    """"early 2018", "late last month", "mid-March": the whole period, at its own precision.

    News annotation gives these the period they qualify (late last month -> that month), and
    the part words are too loose to cut a sub-interval a reader would agree on."""
    del share_word  # recognised by the grammar, deliberately not narrowed
    return _value(start, end, precision, text)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_day(month: int, day: int, year: int | None, published: dt.date | None,
               tense: str | None) -> dt.date | None:
    if year is not None:
        return _safe_date(year, month, day)
    if published is None:
        return None
    candidate = _safe_date(published.year, month, day)
    if candidate is None:
        return None
    if tense == "future":
        return _safe_date(published.year + 1, month, day) if candidate < published else candidate
    return _safe_date(published.year - 1, month, day) if candidate > published else candidate


def _month_only(month: int, year: int | None, which: str | None, published: dt.date | None,
                tense: str | None) -> tuple[dt.date, dt.date] | None:
    if year is not None:
        return month_bounds(year, month)
    if published is None:
        return None
    start, end = month_bounds(published.year, month)
    if which == "last":
        return month_bounds(published.year - 1, month) if start >= published.replace(day=1) \
            else (start, end)
    if which == "next" or (which is None and tense == "future"):
        return month_bounds(published.year + 1, month) if end < published else (start, end)
    if which == "this":
        return start, end
    return month_bounds(published.year - 1, month) if start > published else (start, end)


def _weekday(weekday: int, which: str | None, published: dt.date, tense: str | None) -> dt.date:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7 or 7
    if which == "last":
        return published - dt.timedelta(days=back or 7)
    if which == "next" or (which in (None, "this") and tense == "future"):
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _period(unit: str, which: str, published: dt.date) -> tuple[dt.date, dt.date, str]:
    """``this``/``last``/``next`` week, month, year, weekend, as calendar periods."""
    offset = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[which]
    if unit in ("week", "weekend"):
        start, end = week_bounds(published + dt.timedelta(weeks=offset))
        if unit == "weekend":
            return start + dt.timedelta(days=5), end, "range"
        return start, end, "week"
    if unit == "month":
        anchor = shift(published.replace(day=1), offset, "month")
        start, end = month_bounds(anchor.year, anchor.month)
        return start, end, "month"
    if unit == "decade":
        first = (published.year // 10 + offset) * 10
        return dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "range"
    start, end = year_bounds(published.year + offset)
    return start, end, "year"


def _duration(count: float, unit: str, direction: str, published: dt.date | None,
              text: str) -> Interpretation:
    if published is None or count <= 0 or count != int(count):
        return Interpretation(None, "duration")
    other = shift(published, -int(count) if direction == "back" else int(count), unit)
    start, end = (other, published) if direction == "back" else (published, other)
    return Interpretation(_value(start, end, "range", text), "duration")


def _ago(count: float, unit: str, published: dt.date, text: str) -> DateValue | None:
    if count != int(count):
        return None
    day = shift(published, -int(count), unit)
    if unit == "day":
        return _value(day, day, "day", text)
    if unit == "week":
        start, end = week_bounds(day)
        return _value(start, end, "week", text)
    if unit == "month":
        start, end = month_bounds(day.year, day.month)
        return _value(start, end, "month", text)
    if unit == "year":
        start, end = year_bounds(day.year)
        return _value(start, end, "year", text)
    return _value(day, day, "range" if unit == "decade" else "year", text)


def _strip_prepositions(text: str) -> str:
    changed = True
    while changed:
        changed = False
        for prep in _DROP_PREPOSITIONS:
            if text.startswith(prep + " "):
                text = text[len(prep) + 1:]
                changed = True
    return text


def _split_range(text: str) -> tuple[str, str] | None:
    for pattern in (r"^between (.+?) and (.+)$",
                    r"^from (.+?) (?:to|until|till|through|thru|-) ?(.+)$",
                    r"^(.+?) ?(?:-|to|until|till|through|thru) ?(.+)$"):
        match = re.match(pattern, text)
        if match:
            return match.group(1).strip(), match.group(2).strip()
    return None


def _range(text: str, original: str, published: dt.date | None,
           tense: str | None) -> Interpretation | None:
    parts = _split_range(text)
    if parts is None:
        return None
    first_text, second_text = parts
    year_in_second = re.search(r"\b(\d{4})$", second_text)
    if year_in_second and not re.search(r"\b\d{4}\b", first_text) and \
            not re.fullmatch(r"\d{1,2}", first_text):
        first_text = f"{first_text} {year_in_second.group(1)}"
    second = _interpret(second_text, published, tense)
    first = _interpret(first_text, published, tense)
    if first is None and re.fullmatch(r"\d{1,2}", first_text) and second and second.value \
            and second.value.precision == "day":
        day = _safe_date(second.value.start.year, second.value.start.month, int(first_text))
        first = Interpretation(_value(day, day, "day", first_text), "point") if day else None
    if second is None and re.fullmatch(r"\d{1,2}", second_text) and first and first.value \
            and first.value.precision == "day":
        day = _safe_date(first.value.start.year, first.value.start.month, int(second_text))
        second = Interpretation(_value(day, day, "day", second_text), "point") if day else None
    if first is None or second is None:
        return None
    if first.value is None or second.value is None or first.value.start > second.value.end:
        return Interpretation(None, "point")
    return Interpretation(_value(first.value.start, second.value.end, "range", original), "point")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    mon, wd, part = _month_re(), _weekday_re(), _part_re()
    compiled = {
        "iso": r"(\d{4})-(\d{1,2})-(\d{1,2})",
        "month_day": rf"(?:(?:{wd}),? )?(?:the )?({mon})\.? (\d{{1,2}})(?:st|nd|rd|th)?"
                     rf"(?:,? (\d{{4}}))?{_TIME_OF_DAY}",
        "day_month": rf"(?:(?:{wd}),? )?(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({mon})\.?"
                     rf"(?:,? (\d{{4}}))?{_TIME_OF_DAY}",
        "month": rf"(?:({part})[ -]?)?(?:(last|this|next) )?({mon})\.?(?:,? (?:of )?(\d{{4}}))?",
        "year": rf"(?:({part})[ -]?)?(?:the year )?(\d{{4}})",
        "decade": rf"(?:the )?(?:({part})[ -]?)?(?:(\d{{2}})|')(\d)0s",
        "season": rf"(?:({part})[ -]?)?(?:(last|this|next|past) )?(spring|summer|autumn|fall|winter)"
                  rf"(?:,? (?:of )?(\d{{4}}))?",
        "quarter": r"(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th|q1|q2|q3|q4) ?(?:quarter)?"
                   r"(?:,? (?:of )?(\d{4}))?",
        "weekday": rf"(?:(early|late) )?(?:(last|this|next|past) )?({wd})\.?{_TIME_OF_DAY}",
        "relative_day": rf"(?:(early|late) )?(today|tonight|yesterday|tomorrow|the day before yesterday"
                        rf"|the day after tomorrow|last night|this (?:morning|afternoon|evening))"
                        rf"{_TIME_OF_DAY}",
        "named_period": rf"(?:({part})[ -]?)?(earlier|later)? ?(this|last|next|past|previous|coming) "
                        rf"(week|weekend|month|year|decade)",
        "ago": rf"((?:[\w,.-]+ ){{0,3}}?[\w,.-]+) ({_UNIT_RE}) (ago|earlier|later|before|after)",
        "duration": rf"(?:the )?(?:(past|last|previous|next|coming|first|final) )?"
                    rf"((?:[\w,.-]+ ){{0,3}}?[\w,.-]+ )?({_UNIT_RE})(?: of .+| long)?",
        "since": r"since (.+)",
        "until": r"(?:until|till|through|before|after|by) (.+)",
    }
    return {name: re.compile(rf"^{p}$") for name, p in compiled.items()}


@lru_cache(maxsize=1)
def _vague_periods() -> re.Pattern[str] | None:
    # one alternation finds what a search per word finds: it backtracks into the next word
    periods = tuple(time_lexicon().vague_periods)
    if not periods:
        return None
    return re.compile(rf"\b(?:{'|'.join(re.escape(v) for v in periods)})\b")


def _vague(text: str) -> bool:
    periods = _vague_periods()
    return periods is not None and periods.search(text) is not None \
        and bool(re.search(rf"\b(?:{_UNIT_RE}|weekend|weekends)\b", text))


def _interpret(text: str, published: dt.date | None, tense: str | None) -> Interpretation | None:
    original = text
    text = _strip_prepositions(_norm(text))
    if not text:
        return None
    lex = time_lexicon()
    pats = _patterns()
    point = "point"

    if m := pats["iso"].match(text):
        day = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return Interpretation(_value(day, day, "day", original), point) if day else None
    if m := pats["since"].match(text):
        # what a period runs since lies before the report, whatever the clause's tense
        inner = _interpret(m[1], published, "past")
        if inner is None:
            return None
        if inner.value is None or published is None or inner.value.start > published:
            return Interpretation(None, "duration")
        return Interpretation(_value(inner.value.start, published, "range", original), "duration")
    if m := pats["until"].match(text):
        return _interpret(m[1], published, tense)
    if _vague(text):
        return Interpretation(None, "duration")
    if m := pats["month_day"].match(text):
        day = _month_day(lex.months[m[1]], int(m[2]), int(m[3]) if m[3] else None, published,
                         tense)
        return Interpretation(_value(day, day, "day", original) if day else None, point)
    if m := pats["day_month"].match(text):
        day = _month_day(lex.months[m[2]], int(m[1]), int(m[3]) if m[3] else None, published,
                         tense)
        return Interpretation(_value(day, day, "day", original) if day else None, point)
    if m := pats["month"].match(text):
        bounds = _month_only(lex.months[m[3]], int(m[4]) if m[4] else None, m[2], published, tense)
        if bounds is None:
            return Interpretation(None, point)
        return Interpretation(_part(m[1], bounds[0], bounds[1], "month", original), point)
    if m := pats["year"].match(text):
        year = int(m[2])
        if not 1000 <= year <= 2199:
            return None
        start, end = year_bounds(year)
        return Interpretation(_part(m[1], start, end, "year", original), point)
    if m := pats["decade"].match(text):
        century = int(m[2]) if m[2] else 19
        first = century * 100 + int(m[3]) * 10
        value = _part(m[1], dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "range", original)
        return Interpretation(_value(value.start, value.end, "range", original), point)
    if m := pats["season"].match(text):
        return Interpretation(_season(m[1], m[2], m[3], m[4], published, tense, original), point)
    if m := pats["quarter"].match(text):
        if not (m[2] or "quarter" in text or text.startswith("q")):
            return None
        q_year = int(m[2]) if m[2] else (published.year if published else None)
        if q_year is None:
            return Interpretation(None, point)
        index = {"first": 0, "1st": 0, "q1": 0, "second": 1, "2nd": 1, "q2": 1, "third": 2,
                 "3rd": 2, "q3": 2, "fourth": 3, "4th": 3, "q4": 3}[m[1]]
        start = dt.date(q_year, index * 3 + 1, 1)
        end = month_bounds(q_year, index * 3 + 3)[1]
        return Interpretation(_value(start, end, "range", original), point)
    if m := pats["relative_day"].match(text):
        if published is None:
            return Interpretation(None, point)
        offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
                   "the day before yesterday": -2, "the day after tomorrow": 2}
        day = published + dt.timedelta(days=offsets.get(m[2], 0))
        return Interpretation(_value(day, day, "day", original), point)
    if m := pats["weekday"].match(text):
        if published is None:
            return Interpretation(None, point)
        day = _weekday(lex.weekdays[m[3]], "last" if m[2] == "past" else m[2], published, tense)
        return Interpretation(_value(day, day, "day", original), point)
    if m := pats["named_period"].match(text):
        if published is None:
            return Interpretation(None, point)
        start, end, precision = _period(m[4], m[3], published)
        if m[2] == "earlier" and start <= published <= end:
            end = published
        elif m[2] == "later" and start <= published <= end:
            start = published
        return Interpretation(_part(m[1], start, end, precision, original), point)
    if m := pats["ago"].match(text):
        count = parse_number(m[1])
        if count is None:
            return None
        if m[3] != "ago" or published is None:
            return Interpretation(None, point)
        return Interpretation(_ago(count, UNITS[m[2]], published, original), point)
    if m := pats["duration"].match(text):
        count = parse_number(m[2]) if m[2] else None
        if m[2] and count is None:
            return None
        unit = UNITS[m[3]]
        if count is None:
            if m[1] == "previous":
                return Interpretation(None, "point")  # "the previous day": anaphoric
            if m[1] is None or m[3].endswith("s"):
                return Interpretation(None, "duration")
            count = 1.0
        direction = "ahead" if m[1] in ("next", "coming") else "back"
        return _duration(count, unit, direction, published, original)
    ranged = _range(text, original, published, tense)
    if ranged is not None:
        return ranged
    return _absolute_fallback(text, original)


def _season(part: str | None, which: str | None, season: str, year_text: str | None,
            published: dt.date | None, tense: str | None, text: str) -> DateValue | None:
    first_month, length = time_lexicon().seasons[season]
    if year_text:
        year = int(year_text)
    elif published is None:
        return None
    else:
        year = published.year
        start = dt.date(year, first_month, 1)
        if which in ("last", "past") or (which is None and tense != "future" and start > published):
            year -= 1
        elif which == "next" or (which is None and tense == "future"):
            end = month_bounds(*_month_after(year, first_month, length - 1))[1]
            if end < published:
                year += 1
        if which in ("last", "past") and dt.date(year + 1, first_month, 1) <= published \
                and month_bounds(*_month_after(year + 1, first_month, length - 1))[1] < published:
            year += 1
    start = dt.date(year, first_month, 1)
    end = month_bounds(*_month_after(year, first_month, length - 1))[1]
    return _part(part, start, end, "range", text)


def _month_after(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _absolute_fallback(text: str, original: str) -> Interpretation | None:
    """dateparser, only for forms with an explicit four-digit year ("05/07/2019", "7.5.2019")."""
    if not re.search(r"\b\d{4}\b", text) or not re.fullmatch(r"[\w/.,\- ]+", text):
        return None
    from dateparser.date import DateDataParser  # imported late: slow to load, rarely needed

    data = DateDataParser(languages=["en"]).get_date_data(text)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "day":
        return Interpretation(_value(day, day, "day", original), "point")
    if data.period == "month":
        start, end = month_bounds(day.year, day.month)
        return Interpretation(_value(start, end, "month", original), "point")
    start, end = year_bounds(day.year)
    return Interpretation(_value(start, end, "year", original), "point")


# an article's date expressions are found by a pattern and by spaCy alike, and repeated
@lru_cache(maxsize=128)
def interpret_date(text: str, published: dt.date | None, *,
                   tense: str | None = None) -> Interpretation | None:
    """What ``text`` means as a date, or None when it is not a date expression at all.

    ``tense`` is "future" when the clause looks ahead: then a bare "May 7" or "Tuesday" is the
    next one, not the last one.
    """
    try:
        return _interpret(text, published, tense)
    except (ValueError, OverflowError):
        # arithmetic past the calendar's ends ("10000 years", "February 0000"): no date
        return None


def resolve_date(text: str, published: dt.date | None, *,
                 tense: str | None = None) -> DateValue | None:
    """The interval ``text`` denotes, read against ``published``; None if vague or not a date."""
    found = interpret_date(text, published, tense=tense)
    return found.value if found else None
