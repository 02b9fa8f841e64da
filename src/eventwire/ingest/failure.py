"""What ingest reports for an input it cannot turn into an article."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.errors import EventwireError

__all__ = ["IngestFailure", "Rejected"]


@dataclass(frozen=True)
class IngestFailure:
    """One unreadable input: ``source`` is the file path (``path:line`` for a JSON Lines record)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class Rejected(EventwireError):
    """Raised inside ingest by a step that knows *why* an input is bad but not *which* input it is.

    The reader catches it and attaches the source, so helpers stay free of path bookkeeping.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
