"""Who is asking: a personal token, a logged-in browser session, or nobody.

- ``Authorization: Bearer cw_…`` names a token. A wrong or revoked token is 401, never a silent
  fall-back to anonymous. A read-only token may read; a write needs a write-scoped token (403
  ``insufficient_scope`` otherwise).
- Without a token, the browser session counts (the interactive docs use it). Ninja's views are
  CSRF-exempt, so the CSRF check that Django's middleware would make is made here for every
  unsafe method: a session alone never writes without the CSRF token. A token-authenticated
  request carries no ambient credential (a page on another site cannot set the header), so it
  needs no CSRF token.
- Nobody: reads of public data only; a write is 401.

Each request then counts against its rate limit: per token, per account for sessions, per
address for anonymous readers. Over the limit is 429 with ``Retry-After``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.security.base import AuthBase
from ninja.utils import check_csrf

from api import ratelimit
from api.errors import ApiError
from api.models import ApiToken
from api.tokens import token_for_key

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
UNAUTHENTICATED = {"WWW-Authenticate": 'Bearer realm="clausewise"'}


@dataclass(frozen=True)
class Principal:
    user: object
    token: ApiToken | None = None
    via: str = "anonymous"  # "token", "session" or "anonymous"

    def __bool__(self) -> bool:  # ninja treats a falsy result as "not authenticated"
        return True

    @property
    def is_anonymous(self) -> bool:
        return self.via == "anonymous"


def _principal(request: HttpRequest, *, write: bool) -> Principal:
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, key = header.partition(" ")
        token = token_for_key(key.strip()) if scheme.lower() == "bearer" else None
        if token is None:
            # A wrong token counts as an anonymous request from its address, so guessing is
            # throttled like any other anonymous use (429 past the limit).
            _throttle(request, Principal(user=AnonymousUser()))
            raise ApiError(
                401,
                "invalid_token",
                "The token is not valid: it may have been revoked, or mistyped.",
                headers={"WWW-Authenticate": 'Bearer realm="clausewise", error="invalid_token"'},
            )
        if write and not token.can_write:
            raise ApiError(
                403,
                "insufficient_scope",
                "This token is read-only. Make a token with the write scope on your profile page.",
                headers={"WWW-Authenticate": 'Bearer realm="clausewise", error="insufficient_scope"'},
            )
        return Principal(user=token.user, token=token, via="token")
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise ApiError(
                403,
                "csrf_failed",
                "A request with the session cookie needs the CSRF token (X-CSRFToken header). "
                "Programs should send a personal token instead.",
            )
        return Principal(user=user, via="session")
    if write:
        raise ApiError(
            401,
            "not_authenticated",
            "Send a personal token: Authorization: Bearer cw_…",
            headers=UNAUTHENTICATED,
        )
    return Principal(user=AnonymousUser())


def _throttle(request: HttpRequest, principal: Principal) -> None:
    if principal.token is not None:
        key = f"t{principal.token.pk}"
    elif principal.via == "session":
        key = f"u{principal.user.pk}"
    else:
        key = f"ip{request.META.get('REMOTE_ADDR', '')}"
    limit = ratelimit.limit_for(anonymous=principal.is_anonymous)
    if not ratelimit.hit(key, limit):
        wait = ratelimit.retry_after()
        raise ApiError(
            429,
            "rate_limited",
            f"Over {limit} requests a minute. Try again in {wait} s.",
            headers={"Retry-After": str(wait)},
            retry_after=wait,
        )


class TokenAuth(AuthBase):
    """Ninja's auth hook: always returns a Principal (anonymous for reads), or raises ApiError."""

    openapi_type = "http"
    openapi_scheme = "bearer"
    openapi_bearerFormat = "cw_ personal token"
    openapi_description = (
        "A personal token made on your profile page (Authorization: Bearer cw_…). "
        "Read-only tokens may read; writes need a token with the write scope."
    )

    def __init__(self, *, write: bool) -> None:
        self.write = write
        super().__init__()

    def __call__(self, request: HttpRequest) -> Principal:
        principal = _principal(request, write=self.write)
        _throttle(request, principal)
        request.user = principal.user  # what the services and selectors are given
        return principal


read_auth = TokenAuth(write=False)
write_auth = TokenAuth(write=True)
