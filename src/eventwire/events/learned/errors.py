"""Errors of the learned coder."""

from __future__ import annotations

from eventwire.errors import EventwireError

__all__ = ["ModelFileError", "PolicyError"]


class ModelFileError(EventwireError):
    """A model artifact or training file that is missing or malformed."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class PolicyError(EventwireError):
    """A policy name the learned coder does not know."""
