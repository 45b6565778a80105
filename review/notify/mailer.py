"""Notification mail: what each recipient may read, laid out by ``compose``, queued as
``OutgoingMail`` rows and sent by the ``tasks``.

A mail about a thread carries the thread's root Message-ID in ``In-Reply-To`` and
``References`` (one thread in a mail client), a ``Reply-To`` of ``reply+<token>@MAIL_DOMAIN``
signed for this person and this thread, and a one-click unsubscribe (RFC 8058).
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from review.notify import compose, tokens
from review.notify.models import Notification, OutgoingMail

UNWATCH_SALT = "review.notify.unwatch"
UNWATCH_LABELS = {
    "thread": "Stop watching this thread",
    "review": "Stop watching this review",
    "license": "Stop watching this license",
    "family": "Stop watching this family",
    "mail": "Stop all notification mail",
}


def site_url(path: str) -> str:
    return f"{settings.SITE_URL or 'http://localhost:8000'}{path}"


def unwatch_token(*, user_id: int, kind: str, target_id: int = 0) -> str:
    return signing.dumps({"u": user_id, "k": kind, "i": target_id}, salt=UNWATCH_SALT)


def read_unwatch_token(token: str) -> dict:
    """The signed unsubscribe request, or signing.BadSignature."""
    data = signing.loads(token, salt=UNWATCH_SALT)
    if data.get("k") not in UNWATCH_LABELS:
        raise signing.BadSignature("unknown kind")
    return data


def reply_token(*, user_id: int, thread_id: int) -> str:
    expires = int((timezone.now() + timedelta(days=settings.REPLY_TOKEN_DAYS)).timestamp())
    return tokens.make_token(secret=settings.SECRET_KEY, user_id=user_id, thread_id=thread_id, expires=expires)


def _comment_visible(comment) -> bool:
    return comment is not None and comment.deleted_at is None and comment.hidden_at is None


def item_for(n: Notification, reader=None) -> compose.Item | None:
    """The event as the recipient may see it now, or None when there is nothing left to show
    (the comment was hidden or deleted, or the review turned private since)."""
    from accounts.models import display_name
    from review.rules import may_read

    review = n.thread.review if n.thread_id else n.review
    if review is not None and not may_read(reader or n.recipient, review):
        return None

    actor = display_name(n.actor) if n.actor_id else "Someone"
    why = {
        "thread": "You watch this thread.",
        "review": "You watch this review.",
        "license": "You watch this license.",
        "family": "You watch a family this license belongs to.",
        "mention": "You were mentioned.",
    }.get(n.reason, "")
    if n.thread_id:
        thread, comment = n.thread, n.comment
        if not _comment_visible(comment):
            return None
        title = thread.review.version.title
        where = compose.clause_name(thread.clause.path, thread.clause.heading) if thread.clause_id else ""
        verb = {
            Notification.Kind.MENTION: "mentioned you",
            Notification.Kind.THREAD: "started a thread",
        }.get(n.kind, "replied")
        on = f"on {where} of {title}" if where else f"in the review of {title}"
        return compose.Item(
            headline=f"{comment.author_display} {verb} {on}",
            permalink=site_url(f"{thread.review.get_absolute_url()}#{comment.dom_id}"),
            clause=where,
            criterion=str(thread.criterion) if thread.criterion_id else "",
            author=comment.author_display,
            stance=comment.get_stance_display(),
            body_text=comment.body,
            body_html=comment.body_html,
            why=why,
        )
    if n.kind == Notification.Kind.REVIEW and n.review_id:
        return compose.Item(
            headline=f"{actor} opened a review of {n.review.version.title}",
            permalink=site_url(n.review.get_absolute_url()),
            why=why,
        )
    if n.version_id:
        return compose.Item(
            headline=f"New version: {n.version.title}",
            permalink=site_url(n.version.get_absolute_url()),
            why=why,
        )
    return None


def subject_for(n: Notification) -> str:
    if n.thread_id:
        thread = n.thread
        where = f" {compose.clause_name(thread.clause.path)}" if thread.clause_id and thread.clause.path else ""
        crit = f" ({thread.criterion.short_label})" if thread.criterion_id else ""
        return f"[Clausewise] {thread.review.version.title}{where}{crit}"
    if n.kind == Notification.Kind.REVIEW:
        return f"[Clausewise] Review opened: {n.review.version.title}"
    return f"[Clausewise] New version: {n.version.title}"


def _unwatch_target(n: Notification) -> tuple[str, int]:
    if n.reason in ("thread", "mention") and n.thread_id:
        return "thread", n.thread_id
    if n.reason == "review" and n.review_id:
        return "review", n.review_id
    if n.reason == "license" and n.version_id:
        return "license", n.version.license_id
    if n.reason == "family":
        return "mail", 0
    return "mail", 0


def _loaded(notifications):
    ids = [getattr(n, "pk", n) for n in notifications]
    return (
        Notification.objects.filter(pk__in=ids, mailed_at__isnull=True)
        .select_related(
            "recipient__profile",
            "actor__profile",
            "thread__clause",
            "thread__criterion__set",
            "thread__review__version__license",
            "comment__author__profile",
            "review__version__license",
            "version__license",
        )
        .order_by("created_at", "pk")
    )


def mail_mode(user) -> str:
    profile = getattr(user, "profile", None)
    try:
        return profile.notify_mail if profile else "immediate"
    except Exception:  # no profile row: the default
        return "immediate"


def build_notification_mail(n: Notification) -> OutgoingMail | None:
    item = item_for(n)
    if item is None or not n.recipient.email:
        return None
    domain = settings.MAIL_DOMAIN
    kind, target_id = _unwatch_target(n)
    unwatch_url = site_url(
        reverse("notify:unsubscribe", args=[unwatch_token(user_id=n.recipient_id, kind=kind, target_id=target_id)])
    )
    can_reply = bool(n.thread_id)
    footer = compose.Footer(
        unwatch_url=unwatch_url,
        unwatch_label=UNWATCH_LABELS[kind],
        settings_url=site_url(reverse("profile")),
        can_reply=can_reply,
    )
    mail = compose.notification_mail(subject=subject_for(n), item=item, footer=footer)
    message_id = compose.message_id(f"n{n.pk}.{secrets.token_hex(4)}", domain)
    headers = {
        "List-Id": f"Clausewise notifications <notifications.{domain}>",
        "List-Unsubscribe": f"<{unwatch_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
        "X-Auto-Response-Suppress": "All",
    }
    if n.thread_id:
        root = compose.thread_root_id(n.thread_id, domain)
        headers["In-Reply-To"] = root
        headers["References"] = root
    reply_to = ""
    if can_reply:
        reply_to = tokens.reply_address(reply_token(user_id=n.recipient_id, thread_id=n.thread_id), domain)
    return OutgoingMail(
        kind=OutgoingMail.Kind.NOTIFICATION,
        recipient=n.recipient,
        to=n.recipient.email,
        from_email=settings.NOTIFY_FROM_EMAIL,
        reply_to=reply_to,
        subject=mail.subject,
        body_text=mail.text,
        body_html=mail.html,
        headers=headers,
        message_id=message_id,
        comment=n.comment,
        review=n.review,
    )


def enqueue(mails: list[OutgoingMail]) -> None:
    """Send each mail in the background once the transaction that made it commits."""
    from review.notify.tasks import send_outgoing

    ids = [m.pk for m in mails]
    if ids:
        transaction.on_commit(lambda: [send_outgoing.enqueue(pk) for pk in ids])


def mail_later(notifications: list[Notification]) -> None:
    """After the commit, a task composes and queues the mails of those who want each at once:
    the request that posted the comment only wrote the notification rows."""
    from review.notify.tasks import mail_notifications

    ids = [n.pk for n in notifications]
    if ids:
        transaction.on_commit(lambda: mail_notifications.enqueue(ids))


@transaction.atomic
def queue_immediate(notifications) -> list[OutgoingMail]:
    """Compose and queue one mail per notification whose recipient wants each at once."""
    if not notifications:
        return []
    mails, mailed = [], []
    for n in _loaded(notifications):
        if mail_mode(n.recipient) != "immediate":
            continue
        mail = build_notification_mail(n)
        if mail is not None:
            mails.append(mail)
            mailed.append(n.pk)
    OutgoingMail.objects.bulk_create(mails)
    Notification.objects.filter(pk__in=mailed).update(mailed_at=timezone.now())
    enqueue(mails)
    return mails


@transaction.atomic
def queue_digests(*, now=None) -> list[OutgoingMail]:
    """One mail per "daily" person with notifications not yet mailed (the last two days)."""
    now = now or timezone.now()
    pending = Notification.objects.filter(
        mailed_at__isnull=True, recipient__profile__notify_mail="daily", recipient__is_active=True
    )
    recent = list(_loaded(list(pending.filter(created_at__gte=now - timedelta(days=2)).only("pk"))))
    by_person: dict[int, list[Notification]] = {}
    for n in recent:
        by_person.setdefault(n.recipient_id, []).append(n)
    mails = []
    for items in by_person.values():
        person = items[0].recipient
        shown = [i for i in (item_for(n) for n in items) if i is not None]
        if not shown or not person.email:
            continue
        unwatch_url = site_url(reverse("notify:unsubscribe", args=[unwatch_token(user_id=person.pk, kind="mail")]))
        footer = compose.Footer(
            unwatch_url=unwatch_url, unwatch_label=UNWATCH_LABELS["mail"], settings_url=site_url(reverse("profile"))
        )
        mail = compose.digest_mail(
            subject=f"[Clausewise] Daily digest: {len(shown)} notification{'s' if len(shown) != 1 else ''}",
            items=shown,
            footer=footer,
        )
        mails.append(
            OutgoingMail(
                kind=OutgoingMail.Kind.DIGEST,
                recipient=person,
                to=person.email,
                from_email=settings.NOTIFY_FROM_EMAIL,
                subject=mail.subject,
                body_text=mail.text,
                body_html=mail.html,
                headers={
                    "List-Unsubscribe": f"<{unwatch_url}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    "Auto-Submitted": "auto-generated",
                },
                message_id=compose.message_id(f"digest-{person.pk}.{secrets.token_hex(6)}", settings.MAIL_DOMAIN),
            )
        )
    OutgoingMail.objects.bulk_create(mails)
    pending.update(mailed_at=now)
    enqueue(mails)
    return mails
