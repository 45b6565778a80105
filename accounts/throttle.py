"""Failed logins are throttled per client address, and for everyone under a flood, before any
password hash is computed.

django-axes locks a username *at one address* after a few failures, which keeps a stranger from
locking out a real user. It does not stop one address from trying a fresh username each time,
and every attempt costs an Argon2 hash: that flood starved the CPU. These counters sit in the
shared cache (the database or Redis in production), so every worker process sees them.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver

WINDOW = 300  # seconds


def _limits() -> tuple[int, int]:
    return settings.LOGIN_FAILURES_PER_ADDRESS, settings.LOGIN_FAILURES_GLOBAL


def _keys(address: str) -> tuple[str, str, int]:
    window = int(time.time()) // WINDOW
    return f"login-fail:a:{address}:{window}", f"login-fail:all:{window}", (window + 1) * WINDOW


def _bump(key: str) -> None:
    if not cache.add(key, 1, WINDOW + 5):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW + 5)


def record_failure(address: str) -> None:
    mine, everyone, _ = _keys(address)
    _bump(mine)
    _bump(everyone)


def retry_after(address: str) -> int:
    """Seconds until this address may try again (0: it may try now)."""
    mine, everyone, window_end = _keys(address)
    per_address, overall = _limits()
    counts = cache.get_many([mine, everyone])
    if counts.get(mine, 0) >= per_address or counts.get(everyone, 0) >= overall:
        return max(1, window_end - int(time.time()))
    return 0


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs) -> None:
    if request is not None:
        record_failure(request.META.get("REMOTE_ADDR", ""))
