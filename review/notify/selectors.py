"""Reads for the notification pages, each in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from review.notify.mailer import item_for
from review.notify.models import Notification, Watch


@dataclass
class Row:
    notification: Notification
    headline: str
    permalink: str
    clause: str
    criterion: str
    excerpt: str  # the comment's HTML, sanitised when it was written (as the review page shows it)


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_rows(user, *, unread_only: bool = False, limit: int = 50) -> list[Row]:
    """The newest notifications as the person may see them now (a comment hidden since is
    shown as such, never quoted). Two queries whatever the number of rows."""
    qs = Notification.objects.filter(recipient=user)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    qs = qs.select_related(
        "actor__profile",
        "thread__clause",
        "thread__criterion__set",
        "thread__review__version__license",
        "comment__author__profile",
        "review__version__license",
        "version__license",
    ).order_by("-created_at", "-pk")[:limit]
    rows = []
    for n in qs:
        item = item_for(n, reader=user)
        if item is None:
            where = n.thread.review.version.title if n.thread_id else ""
            gone = "was removed by a moderator or its author, or is no longer yours to read"
            rows.append(Row(n, f"Something in {where or 'a review'} {gone}.", "", "", "", ""))
            continue
        # The permalink goes through the site's own address, not SITE_URL: strip the base.
        path = item.permalink.split("://", 1)[-1]
        path = path[path.find("/") :] if "/" in path else "/"
        rows.append(Row(n, item.headline, path, item.clause, item.criterion, item.body_html))
    return rows


@dataclass
class Watching:
    review: bool
    threads: set[int]


def watching_in_review(user, review) -> Watching:
    """Whether the person watches the review, and which of its threads: one query."""
    if not user.is_authenticated:
        return Watching(False, set())
    rows = Watch.objects.filter(Q(review=review) | Q(thread__review=review), user=user).values_list(
        "review_id", "thread_id"
    )
    review_watched, threads = False, set()
    for review_id, thread_id in rows:
        if review_id:
            review_watched = True
        if thread_id:
            threads.add(thread_id)
    return Watching(review_watched, threads)


def watches(user, **target) -> bool:
    return user.is_authenticated and Watch.objects.filter(user=user, **target).exists()
