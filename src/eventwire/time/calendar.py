"""Calendar arithmetic on ``datetime.date``: period bounds and shifts by calendar units."""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["add_months", "month_bounds", "shift", "week_bounds", "year_bounds"]


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
