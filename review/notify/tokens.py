"""PURE: signed reply addresses and their tokens. No Django imports.

A token names one person and one thread and when it expires, and carries an HMAC of the three
made with the site's secret: ``<user>.<thread>.<expiry base36>.<signature>``. It is lower case
(mail servers may fold the case of a local part) and uses only characters a local part allows
unquoted, so ``reply+<token>@<domain>`` is a plain address.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

SIG_LENGTH = 26  # 104 bits of HMAC-SHA256, in base 32
_TOKEN = re.compile(rf"^(\d{{1,12}})\.(\d{{1,12}})\.([0-9a-z]{{1,10}})\.([a-z2-7]{{{SIG_LENGTH}}})$")
_ADDRESS = re.compile(r"^reply\+([0-9a-z.]+)@", re.I)


class TokenError(ValueError):
    """The token is not ours, was altered, or has expired. The message is shown in the bounce."""


@dataclass(frozen=True)
class ReplyGrant:
    user_id: int
    thread_id: int
    expires: int  # seconds since the epoch


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def _sign(secret: str, payload: str) -> str:
    import base64

    key = hashlib.sha256(b"clausewise.reply-token\x00" + secret.encode()).digest()
    mac = hmac.new(key, payload.encode(), hashlib.sha256).digest()
    return base64.b32encode(mac).decode().lower()[:SIG_LENGTH]


def make_token(*, secret: str, user_id: int, thread_id: int, expires: int) -> str:
    payload = f"{user_id}.{thread_id}.{_b36(expires)}"
    return f"{payload}.{_sign(secret, payload)}"


def read_token(token: str, *, secret: str, now: int) -> ReplyGrant:
    """The grant a token carries, or TokenError saying why not."""
    match = _TOKEN.match(token.strip().lower())
    if not match:
        raise TokenError("The reply address is not one Clausewise gave out.")
    user_id, thread_id, expires36, sig = match.groups()
    payload = f"{user_id}.{thread_id}.{expires36}"
    if not hmac.compare_digest(sig, _sign(secret, payload)):
        raise TokenError("The reply address was altered; reply to the notification as it came.")
    expires = int(expires36, 36)
    if expires < now:
        raise TokenError("The reply address has expired; answer on the site instead.")
    return ReplyGrant(int(user_id), int(thread_id), expires)


def reply_address(token: str, domain: str) -> str:
    return f"reply+{token}@{domain}"


def token_from_address(address: str) -> str | None:
    """The token in ``reply+<token>@domain`` (angle brackets and a display name allowed)."""
    address = address.strip()
    if "<" in address:
        address = address[address.rfind("<") + 1 :].rstrip(">").strip()
    match = _ADDRESS.match(address)
    return match.group(1).lower() if match else None
