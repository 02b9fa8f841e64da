"""What the operator chose when starting the server; fixed for the app's lifetime."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_MAX_BODY", "Settings"]

#: POST bodies above this many bytes are refused with 413 before any parsing.
DEFAULT_MAX_BODY = 200_000


@dataclass(frozen=True)
class Settings:
    db_path: Path
    #: bearer token that unlocks write endpoints; None keeps the server read-only
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    cors_origins: tuple[str, ...] = ()

    @property
    def writable(self) -> bool:
        return self.token is not None
