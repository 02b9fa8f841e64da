"""The one exception family eventwire raises on purpose; each message is one line naming the input."""

from __future__ import annotations

__all__ = ["EventwireError", "InputError"]


class EventwireError(Exception):
    """Base of every error eventwire raises deliberately."""


class InputError(EventwireError):
    """An input that cannot be read or coded: missing, empty, binary, undecodable, unsupported."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
