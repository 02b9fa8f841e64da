"""The mentions of one block (type + country sets), indexed by date.

A new mention can only match mentions whose dates are compatible with its own, so comparing it
with every member of a busy block (all CONSULT events of USA and CHN, say) would make dedup
quadratic. Members with a short date range are filed under their start day and only the days
around the new mention's range are looked at; members with a long range or no date are few and
are always looked at (the matching rule then decides).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from eventwire.corpus.matching import Mention

__all__ = ["DatedBlock"]

#: ranges up to this many days are filed by day; longer ones are always candidates
SHORT_SPAN_DAYS = 7


class DatedBlock:
    def __init__(self, window_days: int) -> None:
        self._window = window_days
        self._by_day: dict[dt.date, list[tuple[Mention, str]]] = defaultdict(list)
        self._long: list[tuple[Mention, str]] = []

    def add(self, mention: Mention, unique_id: str) -> None:
        if mention.start is None or mention.end is None or (
                (mention.end - mention.start).days > SHORT_SPAN_DAYS):
            self._long.append((mention, unique_id))
        else:
            self._by_day[mention.start].append((mention, unique_id))

    def candidates(self, mention: Mention) -> Iterator[tuple[Mention, str]]:
        """Members whose dates may be compatible with ``mention``'s (a superset)."""
        yield from self._long
        if mention.start is None or mention.end is None:
            return
        first = mention.start - dt.timedelta(days=self._window + SHORT_SPAN_DAYS)
        days = (mention.end - first).days + self._window
        if days > len(self._by_day):
            # a long range: cheaper to walk the filed days than the calendar
            for day, members in self._by_day.items():
                if first <= day <= mention.end + dt.timedelta(days=self._window):
                    yield from members
            return
        for offset in range(days + 1):
            yield from self._by_day.get(first + dt.timedelta(days=offset), ())
