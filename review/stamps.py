"""The "review changed" stamp: ``Review.changed_at``, set in the same transaction as every write
that changes what the review's pages show.

The receivers below cover writes made through ``save()`` and ``delete()`` (comments, their
revisions, threads, positions and their history, the review itself and the clauses of its
version); writes made with ``QuerySet.update()`` or ``bulk_create()`` call ``touch`` themselves
(or send ``review.signals.comments_created``). The stamp keys the review and matrix pages' ETags
and their cached renders (review.page_cache), so a write shows at once to every visitor.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connections
from django.db.models import Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from licenses.models import Clause, LicenseVersion
from review.models import Comment, CommentRevision, Position, PositionRevision, Review, Thread
from review.signals import comments_created


def touch(*, review_ids: Iterable[int | None]) -> None:
    """Mark these reviews changed now (one UPDATE; never a ``save()``, so no signal loops)."""
    ids = {pk for pk in review_ids if pk}
    if ids:
        Review.objects.filter(pk__in=ids).update(changed_at=timezone.now())


def touch_version(*, version_id: int | None) -> None:
    """Every review of a license version: its clauses changed."""
    if version_id:
        Review.objects.filter(version_id=version_id).update(changed_at=timezone.now())


def migrated(sender, *, using: str, plan=None, **kwargs) -> None:
    """After ``migrate`` applied migrations (``post_migrate``, connected in review.apps): a data
    migration writes through historical models, whose saves no receiver here hears, so any
    migration marks every review changed (one UPDATE). A ``migrate`` with nothing to apply
    leaves them be."""
    if plan == []:
        return
    if Review._meta.db_table in connections[using].introspection.table_names():
        Review.objects.using(using).update(changed_at=timezone.now())


def _touch_thread(thread_id: int | None) -> None:
    if thread_id:
        review = Thread._base_manager.filter(pk=thread_id).values("review_id")[:1]
        Review.objects.filter(pk=Subquery(review)).update(changed_at=timezone.now())


@receiver([post_save, post_delete], sender=Comment)
def _comment(sender, instance: Comment, **kwargs) -> None:
    _touch_thread(instance.thread_id)


@receiver([post_save, post_delete], sender=CommentRevision)
def _revision(sender, instance: CommentRevision, **kwargs) -> None:
    comment = Comment._base_manager.filter(pk=instance.comment_id).values("thread_id").first()
    _touch_thread(comment and comment["thread_id"])


@receiver(comments_created)
def _comments_created(sender, comments, **kwargs) -> None:
    threads = {c.thread_id for c in comments}
    touch(review_ids=Thread._base_manager.filter(pk__in=threads).values_list("review_id", flat=True))


@receiver([post_save, post_delete], sender=Thread)
@receiver([post_save, post_delete], sender=Position)
def _thread_or_position(sender, instance, **kwargs) -> None:
    touch(review_ids=[instance.review_id])


@receiver([post_save, post_delete], sender=PositionRevision)
def _position_revision(sender, instance: PositionRevision, **kwargs) -> None:
    touch(
        review_ids=Position._base_manager.filter(pk=instance.position_id).values_list("review_id", flat=True)
    )


@receiver(post_save, sender=Review)
def _review(sender, instance: Review, created: bool, **kwargs) -> None:
    # A save may carry a stale changed_at read earlier: stamp it anew. A new round changes the
    # previous round's page too (its "next round" link).
    touch(review_ids=[instance.pk, instance.previous_round_id])


@receiver(m2m_changed, sender=Review.decision_threads.through)
def _decision_threads(sender, instance, **kwargs) -> None:
    if isinstance(instance, Review):
        touch(review_ids=[instance.pk])


@receiver([post_save, post_delete], sender=Clause)
def _clause(sender, instance: Clause, **kwargs) -> None:
    touch_version(version_id=instance.version_id)


@receiver(post_save, sender=LicenseVersion)
def _version(sender, instance: LicenseVersion, **kwargs) -> None:
    touch_version(version_id=instance.pk)
