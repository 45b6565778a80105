"""Replies by mail: one RFC 822 message in, at most one comment out.

The message must be addressed to ``reply+<token>@…`` (the envelope recipient when the mail
server passes it, else the To/Cc/Delivered-To headers), the token must be ours, unaltered and
unexpired, and the From address must be the account address of the person the token was made
for. Then the author's own words (the mail import parser drops the quoted notification and the
signature) are posted in the token's thread, as that person, with the same rights as on the
site. A Message-ID already posted in the thread is not posted again. Anything else writes
nothing and says why in one line, which the mail server returns to the sender as the bounce.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from review import ratelimit, services
from review.mail.message import MailFormatError
from review.mail.parse import parse_thread_bytes
from review.models import Comment, Thread
from review.notify import tokens
from review.rules import may_comment, may_read

MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Outcome:
    status: str  # "posted", "duplicate", "ignored", "refused", "unreadable", "later"
    message: str
    comment: Comment | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("posted", "duplicate", "ignored")


def _refuse(reason: str) -> Outcome:
    return Outcome("refused", reason)


def _addresses(msg, recipient: str | None) -> list[str]:
    if recipient:
        return [recipient]
    found = []
    for name in ("Delivered-To", "X-Original-To", "To", "Cc"):
        for value in msg.get_all(name, []):
            found += [addr for _, addr in email.utils.getaddresses([str(value)])]
    return found


def _msg_id(value: str | None) -> str:
    match = re.search(r"<([^<>\s]{1,280})>", value or "")
    return match.group(1) if match else ""


def receive(*, raw: bytes, recipient: str | None = None) -> Outcome:
    if len(raw) > MAX_BYTES:
        return Outcome("unreadable", "The reply is over 5 MB; answer on the site instead.")
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    auto = str(msg.get("Auto-Submitted", "no")).strip().lower()
    if auto != "no" or msg.get("X-Autoreply") or str(msg.get("Precedence", "")).lower() in ("bulk", "junk"):
        return Outcome("ignored", "Automatic replies (out of office, bounces) are not posted.")
    token = next((t for t in map(tokens.token_from_address, _addresses(msg, recipient)) if t), None)
    if token is None:
        return _refuse("This address takes replies to Clausewise notifications only.")
    try:
        grant = tokens.read_token(token, secret=settings.SECRET_KEY, now=int(time.time()))
    except tokens.TokenError as exc:
        return _refuse(str(exc))
    user = get_user_model().objects.filter(pk=grant.user_id, is_active=True).first()
    thread = Thread.objects.select_related("review__version__license", "clause").filter(pk=grant.thread_id).first()
    if user is None or thread is None:
        return _refuse("The thread or the account this reply address was made for is gone.")
    _, sender = email.utils.parseaddr(str(msg.get("From", "")))
    if not sender or not user.email or sender.strip().lower() != user.email.strip().lower():
        return _refuse(
            "This reply address belongs to another person's notifications; "
            "reply from the address the notification was sent to."
        )
    if not (may_read(user, thread.review) and may_comment(user, thread.review)):
        return _refuse("You cannot comment in this review now (it is closed, or your role changed).")
    message_id = _msg_id(msg.get("Message-ID"))
    if message_id:
        earlier = Comment.objects.filter(thread=thread, message_id=message_id).first()
        if earlier is not None:
            return Outcome("duplicate", "This reply was posted already.", earlier)
    try:
        messages = parse_thread_bytes(raw)
    except MailFormatError as exc:
        return Outcome("unreadable", str(exc))
    own = [m for m in messages if not m.quoted]
    body = own[-1].body.strip() if own else ""
    if not body:
        return _refuse("The reply holds no words of its own (only the quoted notification).")
    if not ratelimit.hit(user.pk):
        # The site's per-person comment limit; the mail server keeps the mail and tries again.
        return Outcome("later", "Too many comments this minute; the mail server will try again.")
    try:
        comment = services.comment_add(
            thread=thread, author=user, body=body, source=Comment.Source.REPLY, message_id=message_id
        )
    except services.NotAllowed:
        return _refuse("You cannot comment in this review now.")
    except ValidationError as exc:
        return _refuse(" ".join(exc.messages))
    return Outcome("posted", f"Posted as comment {comment.pk}.", comment)
