"""Post a review's summary to the mailing list, or download it as an .eml ready to send.

Either way the message's Message-ID is recorded (an ``OutgoingMail`` of kind "list" on the
review), so that the list's replies, which name it in In-Reply-To and References, can be told
apart and imported onto this review later. Moderators only.
"""

from __future__ import annotations

import secrets
from email.errors import HeaderParseError
from email.headerregistry import Address

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from accounts.models import display_name
from review import exports
from review.exports.summary import review_summary
from review.models import Review
from review.notify import compose, mailer
from review.notify.models import OutgoingMail
from review.rules import may_decide


class NotAllowed(Exception):
    pass


def _address(value: str) -> str:
    value = value.strip()
    if "\n" in value or "\r" in value:
        raise ValidationError("A list address is one address.")
    validate_email(value.rsplit("<", 1)[-1].rstrip(">").strip() if "<" in value else value)
    return value


def _sender(user) -> str:
    """The moderator as the list will read them: the name on their profile ("Maren Lind", not the
    username "maren"), quoted where it needs it ("Lind, Maren"); the site's address without one."""
    if not user.email:
        return settings.DEFAULT_FROM_EMAIL
    try:
        return str(Address(display_name=display_name(user), addr_spec=user.email))
    except (ValueError, HeaderParseError):  # an address the mail parser refuses: the site's own
        return settings.DEFAULT_FROM_EMAIL


@transaction.atomic
def list_post(*, review: Review, user, base_url: str, send: bool) -> OutgoingMail:
    """Record (and with ``send``, queue) the summary as a mail to ``settings.LIST_ADDRESS``."""
    if not may_decide(user):
        raise NotAllowed
    to = settings.LIST_ADDRESS
    if send and not to:
        raise ValidationError("No list address is configured (LIST_ADDRESS); download the .eml instead.")
    summary = review_summary(review, base_url=base_url)
    mail = OutgoingMail(
        kind=OutgoingMail.Kind.LIST,
        to=_address(to) if to else "",
        from_email=_sender(user),
        subject=f"[Review] {review.version.title}: summary of the discussion",
        body_text=exports.to_text(summary),
        body_html="",
        headers={"X-Clausewise-Review": str(review.pk)},
        message_id=compose.message_id(f"review-{review.pk}.summary.{secrets.token_hex(6)}", settings.MAIL_DOMAIN),
        review=review,
        created_by=user,
        status=OutgoingMail.Status.QUEUED if send else OutgoingMail.Status.DOWNLOADED,
    )
    mail.full_clean(exclude=["to"] if not send else None)
    mail.save()
    if send:
        mailer.enqueue([mail])
    return mail


def as_eml(mail: OutgoingMail) -> bytes:
    from review.notify.tasks import as_email

    message = as_email(mail).message()
    if not mail.to:
        del message["To"]
    if "Date" not in message:
        message["Date"] = timezone.now().strftime("%a, %d %b %Y %H:%M:%S +0000")
    return message.as_bytes()


def list_posts(review: Review) -> list[OutgoingMail]:
    return list(OutgoingMail.objects.filter(review=review, kind=OutgoingMail.Kind.LIST).order_by("-created_at")[:20])
