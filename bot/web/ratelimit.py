"""A per-client token bucket: `rate` requests per `per` seconds, bursts up to `rate`."""

from __future__ import annotations

import time
from collections.abc import Callable


class RateLimiter:
    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic, max_clients: int = 10_000):
        self.rate, self.per, self.clock, self.max_clients = rate, per, clock, max_clients
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, client: str) -> tuple[bool, float]:
        """(allowed, seconds until the next request would be allowed)."""
        now = self.clock()
        tokens, last = self._buckets.get(client, (float(self.rate), now))
        tokens = min(float(self.rate), tokens + (now - last) * self.rate / self.per)
        if len(self._buckets) >= self.max_clients and client not in self._buckets:
            # Forget clients whose buckets are full again: they would start full anyway.
            self._buckets = {
                c: b for c, b in self._buckets.items() if b[0] + (now - b[1]) * self.rate / self.per < self.rate
            }
        if tokens >= 1.0:
            self._buckets[client] = (tokens - 1.0, now)
            return True, 0.0
        self._buckets[client] = (tokens, now)
        return False, (1.0 - tokens) * self.per / self.rate
