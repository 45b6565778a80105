"""Failed logins are throttled per client address, and for everyone under a flood, before any
password hash is computed.

django-axes locks a username *at one address* after a few failures, which keeps a stranger from
locking out a real user. It does not stop one address from trying a fresh username each time,
and every attempt costs an Argon2 hash: that flood starved the CPU. These counters sit in the
shared cache (the database or Redis in production), so every worker process sees them.
"""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver

WINDOW = 300  # seconds


def _limits() -> tuple[int, int]:
    return settings.LOGIN_FAILURES_PER_ADDRESS, settings.LOGIN_FAILURES_GLOBAL


# The failures of this five-minute window and of the one before are counted together, so a
# flood is remembered for five to ten minutes. A window alone forgot a flood at each boundary: a
# flooder could try twice the limit across one (and a test whose log-ins crossed a boundary saw
# its count start again).
def _window(now: float) -> tuple[int, float]:
    window = int(now) // WINDOW
    return window, now - window * WINDOW


def _key(scope: str, window: int) -> str:
    return f"login-fail:{scope}:{window}"


def _bump(key: str) -> None:
    if not cache.add(key, 1, 2 * WINDOW + 5):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, 2 * WINDOW + 5)


def record_failure(address: str) -> None:
    window, _ = _window(time.time())
    _bump(_key(f"a:{address}", window))
    _bump(_key("all", window))


def _wait(current: int, previous: int, elapsed: float, limit: int) -> int:
    """Seconds until the failures of this window and the previous one fall under ``limit`` (0:
    they are under it now)."""
    if current + previous < limit:
        return 0
    if current < limit:  # under it once the previous window drops out, at this one's end
        return max(1, math.ceil(WINDOW - elapsed))
    return max(1, math.ceil(2 * WINDOW - elapsed))  # this window's own failures, one window more


def retry_after(address: str) -> int:
    """Seconds until this address may try again (0: it may try now)."""
    window, elapsed = _window(time.time())
    scopes = (f"a:{address}", "all")
    keys = [_key(scope, w) for scope in scopes for w in (window, window - 1)]
    counts = cache.get_many(keys)
    mine_now, mine_before, all_now, all_before = (counts.get(k, 0) for k in keys)
    per_address, overall = _limits()
    return max(
        _wait(mine_now, mine_before, elapsed, per_address), _wait(all_now, all_before, elapsed, overall)
    )


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs) -> None:
    if request is not None:
        record_failure(request.META.get("REMOTE_ADDR", ""))
