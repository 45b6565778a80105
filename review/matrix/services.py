"""Writes for positions: one reviewer's verdict on one cell of the matrix.

Optimistic locking. A position carries ``lock_version``; every save names the version the
editor started from (``expected_version``, 0 for "there was no position yet"). When the stored
version differs, the save is refused with ``PositionConflict``, which carries the position as it
now stands, so that the caller can show both and keep the editor's text. The check and the
write are one conditional UPDATE (``WHERE lock_version = expected``), so two saves that race
cannot both pass, on SQLite or PostgreSQL.

Every change writes a ``PositionRevision`` holding the new state and its version number, so the
history of a position is its revisions in order (version 1 is the first save).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts import roles
from review.markup import MarkdownTooLong, check_length, render_markdown
from review.models import Position, PositionRevision, Review, Thread, Verdict
from review.rules import POSITION_STATUSES

MAX_RATIONALE_LENGTH = 20_000


class PositionConflict(Exception):
    """The position changed since the editor loaded it. ``current`` is how it stands now."""

    def __init__(self, current: Position | None, expected_version: int) -> None:
        self.current = current
        self.expected_version = expected_version
        now = current.lock_version if current else 0
        super().__init__(
            f"This position changed since you opened it (you started from version {expected_version}, "
            f"it is now at version {now}). Nothing was saved."
        )


def _family_member(review: Review, clause) -> bool:
    """A family review takes positions on the clauses of every member under review (review.families)."""
    from review.families.models import FamilyReview

    return FamilyReview.objects.filter(review=review, members=clause.version_id).exists()


def _check_cell(*, review: Review, clause, criterion) -> None:
    if clause.version_id != review.version_id and not _family_member(review, clause):
        raise ValidationError("That clause is not part of the version under review.")
    if criterion.set_id != review.criterion_set_id:
        raise ValidationError("That criterion is not part of this review's criterion set.")
    if review.status not in POSITION_STATUSES:
        raise ValidationError(f"This review is {review.get_status_display().lower()}; positions are closed.")


def _check_threads(review: Review, clause, threads: Iterable[Thread]) -> list[Thread]:
    threads = list(threads)
    for thread in threads:
        if thread.review_id != review.pk or thread.clause_id != clause.pk:
            raise ValidationError("A position can only link threads on its own clause.")
    return threads


def _same_threads(position: Position, threads: list[Thread]) -> bool:
    return set(position.threads.values_list("pk", flat=True)) == {t.pk for t in threads}


@transaction.atomic
def position_set(
    *,
    review: Review,
    clause,
    criterion,
    reviewer,
    verdict: str,
    rationale: str,
    expected_version: int,
    threads: Iterable[Thread] = (),
) -> Position:
    """Create or update ``reviewer``'s position on the cell, refusing stale edits.

    Raises ``PositionConflict`` when ``expected_version`` is not the stored version (0 when no
    position exists), ``ValidationError`` for bad input, ``PermissionDenied`` for a non-reviewer.
    An edit that changes nothing returns the position as it is, without a new version.
    """
    if not roles.is_reviewer(reviewer):
        raise PermissionDenied("Only reviewers take positions.")
    if verdict not in Verdict.values:
        raise ValidationError({"verdict": "Choose one of the four verdicts."})
    _check_cell(review=review, clause=clause, criterion=criterion)
    try:
        check_length(rationale, MAX_RATIONALE_LENGTH)
    except MarkdownTooLong as exc:
        raise ValidationError({"rationale": str(exc)}) from exc
    threads = _check_threads(review, clause, threads)
    rationale = rationale.replace("\r\n", "\n").strip()
    html = render_markdown(rationale) if rationale else ""
    cell = {"review": review, "clause": clause, "criterion": criterion, "reviewer": reviewer}

    current = Position.objects.filter(**cell).first()
    if current is None:
        if expected_version != 0:
            raise PositionConflict(None, expected_version)
        position = Position(**cell, verdict=verdict, rationale=rationale, rationale_html=html, lock_version=1)
        position.full_clean(exclude=["rationale_html"], validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                position.save()
        except IntegrityError:
            # Another request created it between our read and our insert.
            raise PositionConflict(Position.objects.filter(**cell).first(), expected_version) from None
    else:
        if current.lock_version != expected_version:
            raise PositionConflict(current, expected_version)
        if current.verdict == verdict and current.rationale == rationale and _same_threads(current, threads):
            return current
        updated = Position.objects.filter(pk=current.pk, lock_version=expected_version).update(
            verdict=verdict,
            rationale=rationale,
            rationale_html=html,
            lock_version=expected_version + 1,
            updated_at=timezone.now(),
        )
        if not updated:
            current.refresh_from_db()
            raise PositionConflict(current, expected_version)
        position = Position.objects.get(pk=current.pk)
    position.threads.set(threads)
    PositionRevision.objects.create(
        position=position,
        verdict=position.verdict,
        rationale=position.rationale,
        lock_version=position.lock_version,
        editor=reviewer,
    )
    return position


@transaction.atomic
def position_from_thread(*, thread: Thread, reviewer, verdict: str) -> Position:
    """One click from a thread tagged with a criterion: "I take this as a conflict with OSD 6".

    Sets the verdict on the thread's cell and links the thread, keeping any rationale the
    reviewer already wrote there (a new position gets a one-line rationale pointing at the thread).
    """
    if thread.clause_id is None or thread.criterion_id is None:
        raise ValidationError("Only a thread on a clause and tagged with a criterion maps to a cell.")
    review = thread.review
    cell = {"review": review, "clause": thread.clause, "criterion": thread.criterion, "reviewer": reviewer}
    current = Position.objects.select_for_update().filter(**cell).first()
    if current is None:
        rationale, expected, threads = f"See the discussion in thread #{thread.pk}.", 0, [thread]
    else:
        rationale, expected = current.rationale, current.lock_version
        threads = [*current.threads.all(), thread]
    return position_set(
        **cell,
        verdict=verdict,
        rationale=rationale,
        expected_version=expected,
        threads={t.pk: t for t in threads}.values(),
    )
