"""Calendar arithmetic on ``datetime.date``: period bounds and shifts by calendar units."""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["add_months", "month_bounds", "part_of", "shift", "week_bounds", "year_bounds"]


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), month_end(year, month)


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the ISO week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, count: int, unit: str) -> dt.date:
    """``day`` moved by ``count`` calendar units (day, week, month, year, decade, century)."""
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    months = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, count * months)


def part_of(start: dt.date, end: dt.date, share: tuple[float, float]) -> tuple[dt.date, dt.date]:
    """The ``share`` (fractions from, to) of a period, cut on whole months when it spans a year
    or more ("early 2018" is January to April), on whole years for decades, else on days."""
    lo, hi = share
    span_days = (end - start).days + 1
    if span_days >= 3600:
        years = end.year - start.year + 1
        first_year = start.year + round(lo * years)
        last_year = start.year + max(round(hi * years) - 1, round(lo * years))
        return dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
    if span_days >= 365:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        first = add_months(start.replace(day=1), round(lo * months))
        last_start = add_months(start.replace(day=1), max(round(hi * months) - 1, round(lo * months)))
        return first, month_end(last_start.year, last_start.month)
    if 28 <= span_days <= 31:
        # thirds of a month by convention: 1-10, 11-20, 21-end
        first_day = 1 + round(lo * 30)
        last_day = end.day if hi >= 1.0 else round(hi * 30)
        return start.replace(day=first_day), start.replace(day=last_day)
    first = start + dt.timedelta(days=int(lo * span_days))
    last = start + dt.timedelta(days=max(int(hi * span_days + 0.999) - 1, 0))
    return first, min(last, end)
