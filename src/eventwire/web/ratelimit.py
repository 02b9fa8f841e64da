"""A token bucket per client address for the expensive endpoints (coding runs the NLP pipeline).

In-process and in-memory on purpose: one server process, no shared cache to run. Behind a
reverse proxy every client shares the proxy's address, so there the proxy should limit instead
(SECURITY.md). The table of buckets is bounded: the least recently seen clients are forgotten.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import HTTPException, Request

__all__ = ["RateLimit", "TokenBuckets", "rate_limited"]

#: Clients remembered at once; a forgotten client starts again with a full bucket.
MAX_CLIENTS = 10_000


@dataclass(frozen=True)
class RateLimit:
    """``burst`` requests at once, refilled at ``per_second``; ``per_second <= 0`` disables."""

    per_second: float = 1.0
    burst: int = 30

    @property
    def enabled(self) -> bool:
        return self.per_second > 0 and self.burst > 0


class TokenBuckets:
    """Thread-safe: FastAPI runs sync dependencies in a thread pool."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self._limit = limit
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, client: str) -> float:
        """0.0 when ``client`` may go ahead (a token is spent), else seconds until it may."""
        if not self._limit.enabled:
            return 0.0
        now = self._clock()
        rate, burst = self._limit.per_second, float(self._limit.burst)
        with self._lock:
            tokens, seen = self._buckets.pop(client, (burst, now))
            tokens = min(burst, tokens + (now - seen) * rate)
            wait = 0.0 if tokens >= 1.0 else (1.0 - tokens) / rate
            if wait == 0.0:
                tokens -= 1.0
            self._buckets[client] = (tokens, now)
            while len(self._buckets) > MAX_CLIENTS:
                self._buckets.popitem(last=False)
        return wait


def rate_limited(request: Request) -> None:
    """FastAPI dependency: 429 with Retry-After (whole seconds) when the client's bucket is empty."""
    buckets: TokenBuckets = request.app.state.code_buckets
    client = request.client.host if request.client else "unknown"
    wait = buckets.take(client)
    if wait > 0:
        raise HTTPException(429, "too many requests: slow down",
                            headers={"Retry-After": str(max(1, math.ceil(wait)))})
