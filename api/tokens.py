"""Making, revoking and checking personal API tokens.

A token reads ``cw_`` followed by 43 URL-safe characters (32 random bytes). Only its SHA-256 is
stored; the person sees the whole token once, on the page that made it.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from api.models import ApiToken

PREFIX = "cw_"
SHOWN_CHARS = 8  # of the secret, after the prefix, kept to tell tokens apart
MAX_ACTIVE_TOKENS = 20
# last_used_at is a hint for the profile page; writing it on every request would cost a query each.
LAST_USED_RESOLUTION = timedelta(minutes=5)


class NotAllowed(Exception):
    """Not the person's own token: views answer 404."""


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@transaction.atomic
def token_create(*, user, name: str, scope: str) -> tuple[ApiToken, str]:
    """A new token for ``user``: the row and the secret, which is never stored and never shown again."""
    if not user.is_authenticated:
        raise NotAllowed
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "Name the token after what will use it, e.g. “list bot”."})
    if scope not in ApiToken.Scope.values:
        raise ValidationError({"scope": "Choose read only, or read and write."})
    if ApiToken.objects.active().filter(user=user).count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(f"You have {MAX_ACTIVE_TOKENS} tokens already. Revoke one you no longer use.")
    key = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user, name=name, scope=scope, prefix=key[: len(PREFIX) + SHOWN_CHARS], key_hash=hash_key(key)
    )
    token.full_clean()
    token.save()
    return token, key


@transaction.atomic
def token_revoke(*, token: ApiToken, user) -> ApiToken:
    """Revoke one of ``user``'s own tokens; it stops working at once. Revoking twice changes nothing."""
    if not user.is_authenticated or token.user_id != user.pk:
        raise NotAllowed
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_for_key(key: str) -> ApiToken | None:
    """The active token whose secret is ``key``, with its user, or None (one query)."""
    if not key.startswith(PREFIX) or len(key) > 200:
        return None
    token = (
        ApiToken.objects.active()
        .select_related("user")
        .filter(key_hash=hash_key(key), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def tokens_of(user) -> list[ApiToken]:
    """The person's active tokens, newest first (one query)."""
    return list(ApiToken.objects.active().filter(user=user))
