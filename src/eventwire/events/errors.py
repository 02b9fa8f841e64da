"""Errors of the event coder's knowledge files."""

from __future__ import annotations

from eventwire.errors import EventwireError

__all__ = ["PatternFileError"]


class PatternFileError(EventwireError):
    """A data file under data/events/ is malformed."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
