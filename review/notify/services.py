"""Writes for watching and notifying. Keyword-only, atomic, rights checked here.

``comment_posted`` is the one entry point the review services call after a comment is saved:
it watches the thread for its author, works out who hears of it (watchers of the thread and
of the review, and people mentioned), keeps those who may read the review, records their
notifications and queues the mails of those who want each one at once.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from review.models import Comment, Review, Thread
from review.notify import mailer
from review.notify.mentions import find_mentions
from review.notify.models import Notification, Watch
from review.rules import may_read

TARGETS = ("review", "thread", "license", "family")


class NotAllowed(Exception):
    """The person may not watch this (a private review they cannot read). Views answer 404."""


def _target_filter(target) -> dict:
    kind = type(target).__name__.lower()
    if kind not in TARGETS:
        raise ValueError(f"Cannot watch a {kind}.")
    return {kind: target}


def _review_of(target) -> Review | None:
    if isinstance(target, Review):
        return target
    if isinstance(target, Thread):
        return target.review
    return None


@transaction.atomic
def watch(*, user, target) -> Watch:
    review = _review_of(target)
    if not user.is_authenticated or (review is not None and not may_read(user, review)):
        raise NotAllowed
    found, _ = Watch.objects.get_or_create(user=user, **_target_filter(target))
    return found


@transaction.atomic
def unwatch(*, user, target) -> int:
    deleted, _ = Watch.objects.filter(user=user, **_target_filter(target)).delete()
    return deleted


def _author_name(user) -> str:
    from accounts.models import display_name

    return display_name(user)


@transaction.atomic
def comment_posted(*, comment: Comment, new_thread: bool = False) -> list[Notification]:
    """Fan a new comment out to its audience (see the module's docstring)."""
    thread = comment.thread
    review = thread.review
    author = comment.author
    if author is not None:
        Watch.objects.get_or_create(user=author, thread=thread)
    reasons: dict[int, str] = {}
    for user_id, thread_id in Watch.objects.filter(Q(thread=thread) | Q(review=review)).values_list(
        "user_id", "thread_id"
    ):
        # A thread watch is the more precise reason; keep it over the review's.
        if thread_id or user_id not in reasons:
            reasons[user_id] = "thread" if thread_id else "review"
    names = find_mentions(comment.body)
    User = get_user_model()
    mentioned = set()
    if names:
        mentioned = set(
            User.objects.filter(username__in=names[:50], is_active=True).values_list("pk", flat=True)
        )
        for user_id in mentioned:
            reasons[user_id] = "mention"
    reasons.pop(getattr(author, "pk", None), None)
    if not reasons:
        return []
    people = User.objects.filter(pk__in=reasons, is_active=True).select_related("profile")
    if not review.is_public:
        people = people.prefetch_related("groups")
    kind_of = {"mention": Notification.Kind.MENTION}
    default_kind = Notification.Kind.THREAD if new_thread else Notification.Kind.COMMENT
    made = []
    for person in people:
        if not may_read(person, review):
            continue  # a private review: its watchers lost the right, or a mention of an outsider
        reason = reasons[person.pk]
        made.append(
            Notification(
                recipient=person,
                kind=kind_of.get(reason, default_kind),
                actor=author,
                review=review,
                thread=thread,
                comment=comment,
                reason=reason,
            )
        )
    Notification.objects.bulk_create(made)
    mailer.mail_later(made)
    return made


@transaction.atomic
def review_opened(*, review: Review) -> list[Notification]:
    """Watchers of the license and of its families hear of a new public review."""
    if not review.is_public:
        return []
    license = review.version.license
    return _notify_license_watchers(
        license=license,
        actor=review.opened_by,
        kind=Notification.Kind.REVIEW,
        fields={"review": review, "version": review.version},
    )


@transaction.atomic
def version_added(*, version) -> list[Notification]:
    """Watchers of the license and of its families hear of a new version."""
    return _notify_license_watchers(
        license=version.license, actor=version.created_by, kind=Notification.Kind.VERSION,
        fields={"version": version},
    )  # fmt: skip


def _notify_license_watchers(*, license, actor, kind: str, fields: dict) -> list[Notification]:
    reasons: dict[int, str] = {}
    for user_id, license_id in Watch.objects.filter(
        Q(license=license) | Q(family__members=license)
    ).values_list("user_id", "license_id"):
        if license_id or user_id not in reasons:
            reasons[user_id] = "license" if license_id else "family"
    reasons.pop(getattr(actor, "pk", None), None)
    made = [
        Notification(recipient_id=user_id, kind=kind, actor=actor, reason=reason, **fields)
        for user_id, reason in reasons.items()
    ]
    Notification.objects.bulk_create(made)
    mailer.mail_later(made)
    return made


@transaction.atomic
def mark_read(*, user, ids: list[int] | None = None) -> int:
    """Mark the person's notifications read: those named, or all."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


@transaction.atomic
def set_mail_mode(*, user, mode: str) -> None:
    from accounts.models import Profile

    if mode not in {"immediate", "daily", "none"}:
        raise ValueError(mode)
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.notify_mail = mode
    profile.save(update_fields=["notify_mail"])
