"""Per-token (else per-account, else per-address) request limits, counted in the Django cache.

Fixed one-minute windows, as review.ratelimit counts comments: one ``add`` and one ``incr`` per
request whatever the limit. With the local-memory cache the count is per process; production sets
CACHE_URL so that every worker shares it.
"""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import cache

WINDOW = 60
REQUESTS_PER_MINUTE = 300
ANONYMOUS_REQUESTS_PER_MINUTE = 60


def limit_for(*, anonymous: bool) -> int:
    if anonymous:
        return int(getattr(settings, "API_ANONYMOUS_REQUESTS_PER_MINUTE", ANONYMOUS_REQUESTS_PER_MINUTE))
    return int(getattr(settings, "API_REQUESTS_PER_MINUTE", REQUESTS_PER_MINUTE))


def retry_after(now: float | None = None, window: int = WINDOW) -> int:
    """Whole seconds until the current window ends (at least 1), for the Retry-After header."""
    now = time.time() if now is None else now
    return max(1, math.ceil(window - now % window))


def hit(key: str, limit: int, *, now: float | None = None) -> bool:
    """Count one request for ``key``; False when it is over ``limit`` in this window."""
    now = time.time() if now is None else now
    slot = f"api:rate:{key}:{int(now // WINDOW)}"
    cache.add(slot, 0, timeout=WINDOW * 2)
    try:
        count = cache.incr(slot)
    except ValueError:  # expired between add and incr
        cache.set(slot, 1, timeout=WINDOW * 2)
        count = 1
    return count <= limit
