"""Per-user comment rate limit, counted in the Django cache (fixed one-minute windows).

With the local-memory cache the count is per process; set CACHE_URL to Redis in production so
that every worker shares it.
"""

from __future__ import annotations

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

COMMENTS_PER_MINUTE = 30
WINDOW = 60


def limit() -> int:
    return int(getattr(settings, "REVIEW_COMMENTS_PER_MINUTE", COMMENTS_PER_MINUTE))


def _key(user_id: int, now: float) -> str:
    return f"review:comment-rate:{user_id}:{int(now // WINDOW)}"


def hit(user_id: int, *, now: float | None = None) -> bool:
    """Count one comment for ``user_id``; False when it is over the limit for this minute."""
    key = _key(user_id, time.time() if now is None else now)
    cache.add(key, 0, timeout=WINDOW * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW * 2)
        count = 1
    return count <= limit()


def comment_rate_limited(view):
    """Answer 429 to a POST from a user who has commented too often this minute."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and request.user.is_authenticated and not hit(request.user.pk):
            return render(
                request, "review/rate_limited.html", {"limit": limit(), "window": WINDOW}, status=429
            )
        return view(request, *args, **kwargs)

    return wrapped
