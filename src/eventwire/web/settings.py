"""What the operator chose when starting the server; fixed for the app's lifetime."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eventwire.web.ratelimit import RateLimit

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
    #: per-client limit on the endpoints that run the pipeline (POST /code, POST /articles)
    code_rate: RateLimit = field(default_factory=RateLimit)

    @property
    def writable(self) -> bool:
        return self.token is not None
