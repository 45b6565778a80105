"""Background work (``django.tasks``): sending queued mail, with retries, and daily digests.

The backend is settings.TASKS: at once inside the request in development, a database queue
(django-tasks-db, ``manage.py db_worker``) in production. A send that fails is recorded on its
``OutgoingMail`` row and tried again after ``MAIL_RETRY_DELAYS``; with a backend that cannot
defer a task (the immediate one) ``manage.py send_digests --retry`` picks the due ones up.
"""

from __future__ import annotations

import email.policy
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import default_task_backend, task
from django.utils import timezone

from review.notify.models import OutgoingMail

log = logging.getLogger(__name__)


class LongHeaderEmail(EmailMultiAlternatives):
    """Headers folded only past RFC 5322's 998 characters: at 78, Python's email package turns
    a long unbreakable value (the List-Unsubscribe URL) into RFC 2047 encoded words, which
    mail clients do not decode there, and the one-click unsubscribe breaks."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def as_email(mail: OutgoingMail) -> EmailMultiAlternatives:
    message = LongHeaderEmail(
        subject=mail.subject,
        body=mail.body_text,
        from_email=mail.from_email,
        to=[mail.to],
        reply_to=[mail.reply_to] if mail.reply_to else None,
        headers={**mail.headers, "Message-ID": mail.message_id},
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    return message


def _still_wanted(mail: OutgoingMail) -> bool:
    """A notification whose comment was hidden or deleted since it was queued is not sent."""
    if mail.kind == OutgoingMail.Kind.NOTIFICATION and mail.comment_id is not None:
        return mail.comment.deleted_at is None and mail.comment.hidden_at is None
    return True


def deliver(mail: OutgoingMail) -> str:
    """Try to send one mail now; returns its new status."""
    if mail.status in (
        OutgoingMail.Status.SENT,
        OutgoingMail.Status.CANCELLED,
        OutgoingMail.Status.FAILED,
        OutgoingMail.Status.DOWNLOADED,
    ):
        return mail.status
    if not _still_wanted(mail):
        mail.status = OutgoingMail.Status.CANCELLED
        mail.save(update_fields=["status"])
        return mail.status
    mail.attempts += 1
    try:
        as_email(mail).send()
    except Exception as exc:  # any failure of the mail server: record it and try later
        log.warning("Sending mail %s failed (attempt %s): %s", mail.pk, mail.attempts, exc)
        mail.last_error = f"{type(exc).__name__}: {exc}"[:500]
        delays = settings.MAIL_RETRY_DELAYS
        if mail.attempts > len(delays):
            mail.status, mail.next_attempt_at = OutgoingMail.Status.FAILED, None
        else:
            mail.status = OutgoingMail.Status.RETRYING
            mail.next_attempt_at = timezone.now() + timedelta(seconds=delays[mail.attempts - 1])
    else:
        mail.status, mail.sent_at, mail.next_attempt_at = OutgoingMail.Status.SENT, timezone.now(), None
    mail.save(update_fields=["status", "attempts", "last_error", "next_attempt_at", "sent_at"])
    if mail.status == OutgoingMail.Status.RETRYING and default_task_backend.supports_defer:
        send_outgoing.using(run_after=mail.next_attempt_at).enqueue(mail.pk)
    return mail.status


@task()
def send_outgoing(mail_id: int) -> str:
    mail = OutgoingMail.objects.select_related("comment").filter(pk=mail_id).first()
    if mail is None:
        return "gone"
    if mail.status == OutgoingMail.Status.RETRYING and mail.next_attempt_at and mail.next_attempt_at > timezone.now():
        return "not yet"
    return deliver(mail)


def retry_due(*, now=None) -> int:
    """Send the mails whose retry time has come (for backends that cannot defer a task)."""
    now = now or timezone.now()
    due = OutgoingMail.objects.select_related("comment").filter(
        status__in=[OutgoingMail.Status.RETRYING, OutgoingMail.Status.QUEUED], next_attempt_at__lte=now
    )
    count = 0
    for mail in due:
        deliver(mail)
        count += 1
    return count


@task()
def mail_notifications(notification_ids: list[int]) -> int:
    """Compose the mails of new notifications (for those who want each at once) and queue them."""
    from review.notify.mailer import queue_immediate

    return len(queue_immediate(notification_ids))


@task()
def send_digests() -> int:
    from review.notify.mailer import queue_digests

    return len(queue_digests())
