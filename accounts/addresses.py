"""An address becomes an account's only when its owner confirms it.

Sign-up and the profile keep a new address as ``Profile.pending_email`` and mail it a signed
link; ``User.email`` (which password resets, notifications and reply-by-mail use) holds only a
confirmed address. Neither form says whether an address is registered: where it already belongs
to another account, the mail that goes to it says so to its owner, and the page says the same
"we sent a link" in both cases. So nobody can learn from the site who has an account here.
"""

from __future__ import annotations

import logging

from django.contrib.auth.models import User
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

log = logging.getLogger(__name__)

SALT = "accounts.addresses.confirm"
MAX_AGE = 3 * 24 * 3600  # seconds a confirmation link stays good
RESEND_AFTER = 60  # seconds between two mails to one pending address (no mail bombing)


class ConfirmError(Exception):
    """Why a confirmation link cannot be used; the message is for the person."""


def make_token(user: User, email: str) -> str:
    return signing.dumps({"u": user.pk, "e": email.lower()}, salt=SALT, compress=True)


def read_token(token: str, *, max_age: int = MAX_AGE) -> tuple[int, str]:
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ConfirmError("This link has expired. Send yourself a new one from your profile.") from exc
    except signing.BadSignature as exc:
        raise ConfirmError("This link is not valid. Check that the whole link was copied.") from exc
    return int(data["u"]), str(data["e"])


def resend_wait(profile, *, now=None) -> int:
    """Seconds before another link may be mailed to the pending address (0: now)."""
    if profile.pending_sent_at is None:
        return 0
    elapsed = ((now or timezone.now()) - profile.pending_sent_at).total_seconds()
    return max(0, int(RESEND_AFTER - elapsed + 0.999))


def taken_by_other(user: User, email: str) -> bool:
    return User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists()


def ask_to_confirm(user: User, email: str, *, base_url: str) -> bool:
    """Keep ``email`` as the account's pending address and mail it; False if the mail failed.

    An address already confirmed by another account gets a mail telling its owner so, with a
    link to reset that account's password, instead of a confirmation link.
    """
    from accounts.models import Profile

    profile, _ = Profile.objects.get_or_create(user=user)
    profile.pending_email = email
    profile.pending_sent_at = timezone.now()
    profile.save(update_fields=["pending_email", "pending_sent_at"])
    context = {"user": user, "email": email, "base_url": base_url}
    if taken_by_other(user, email):
        template = "registration/address_taken_email.txt"
        context["reset_url"] = base_url + reverse("password_reset")
    else:
        template = "registration/address_confirm_email.txt"
        context["confirm_url"] = base_url + reverse("confirm-email", args=[make_token(user, email)])
    subject, _, body = render_to_string(template, context).partition("\n\n")
    try:
        send_mail(subject.strip(), body, None, [email])
    except Exception:
        log.exception("Address confirmation mail could not be sent")
        return False
    return True


@transaction.atomic
def confirm(token: str, *, user: User) -> str:
    """Make the token's address the account's own; returns it. Raises ConfirmError."""
    from accounts.models import Profile

    user_pk, email = read_token(token)
    if user_pk != user.pk:
        raise ConfirmError("This link was sent for another account. Log in as that account to use it.")
    profile = Profile.objects.select_for_update().filter(user=user).first()
    if profile is None or profile.pending_email.lower() != email:
        if user.email.lower() == email:
            return user.email  # followed twice: already done
        raise ConfirmError("This link is for an address you have since changed. Use the newest mail.")
    if taken_by_other(user, email):
        raise ConfirmError("Another account confirmed this address first, so it cannot be yours here.")
    user.email = profile.pending_email
    user.save(update_fields=["email"])
    profile.pending_email = ""
    profile.save(update_fields=["pending_email"])
    return user.email
