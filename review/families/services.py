"""Writes for family reviews: open one, start a thread on a clause group, take a position for the
whole group or for named members. Keyword-only, atomic, validated; rights raise ``NotAllowed``."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts import roles
from licenses.families.models import ClauseGroup, ClauseGroupMember, Family
from licenses.families.services import current_versions, ordered_members
from licenses.models import Clause, Criterion, CriterionSet, LicenseVersion
from review.families.models import FamilyReview, PositionScope, ThreadScope
from review.markup import MarkdownTooLong, check_length, render_markdown
from review.matrix.services import MAX_RATIONALE_LENGTH
from review.models import Position, PositionRevision, Review, Stance, Thread, Verdict
from review.notify import services as notify
from review.rules import POSITION_STATUSES, may_comment
from review.services import DEFAULT_CRITERION_SET, NotAllowed, Quote, _new_comment, locate_quote


def may_open_family_review(user, family: Family) -> bool:
    """Moderators, or a steward named on one of the members."""
    if roles.is_moderator(user):
        return True
    return roles.is_steward(user) and family.members.filter(stewards=user).exists()


def member_versions(family_review: FamilyReview) -> list[LicenseVersion]:
    """The versions under review in the family's order: the base member first (one query)."""
    versions = list(family_review.members.select_related("license"))
    order = {m.pk: n for n, m in enumerate(ordered_members(family_review.family))}
    return sorted(versions, key=lambda v: (order.get(v.license_id, 99), v.license.name))


@transaction.atomic
def family_review_open(
    *,
    family: Family,
    opened_by,
    members: list[LicenseVersion] | None = None,
    criterion_set: CriterionSet | None = None,
    rationale: str = "",
    is_public: bool = True,
) -> Review:
    """A review of ``members`` (the members' current versions by default) as one family."""
    if not may_open_family_review(opened_by, family):
        raise NotAllowed
    licenses = ordered_members(family)
    if members is None:
        latest = current_versions(licenses)
        members = [latest[m.pk] for m in licenses if m.pk in latest]
    members = list(dict.fromkeys(members))
    allowed = {m.pk for m in licenses}
    if any(v.license_id not in allowed for v in members):
        raise ValidationError("Every version under review must belong to a member of the family.")
    if len(members) < 2:
        raise ValidationError("A family review needs at least two members.")
    if len({v.license_id for v in members}) != len(members):
        raise ValidationError("Choose one version per member.")
    order = {m.pk: n for n, m in enumerate(licenses)}
    members.sort(key=lambda v: order[v.license_id])
    review = Review(
        version=members[0],
        criterion_set=criterion_set or CriterionSet.objects.get(slug=DEFAULT_CRITERION_SET),
        opened_by=opened_by,
        rationale=rationale.strip(),
        is_public=is_public,
    )
    review.full_clean()
    review.save()
    family_review = FamilyReview.objects.create(review=review, family=family)
    family_review.members.set(members)
    notify.review_opened(review=review)  # watchers of the base member's license and of the family
    return review


def group_of(family_review: FamilyReview, clause: Clause) -> ClauseGroup:
    entry = (
        ClauseGroupMember.objects.select_related("group")
        .filter(group__family=family_review.family_id, clause=clause)
        .first()
    )
    if entry is None:
        raise ValidationError("That clause has no row in the family's table; realign the family first.")
    return entry.group


def _scope_members(
    family_review: FamilyReview, group: ClauseGroup, members: list[LicenseVersion] | None
) -> list[LicenseVersion] | None:
    """``members`` checked against the versions under review that have a clause in ``group``;
    None when they are all of them (no narrowing)."""
    if members is None:
        return None
    in_group = set(
        ClauseGroupMember.objects.filter(group=group, version__in=family_review.members.all()).values_list(
            "version_id", flat=True
        )
    )
    chosen = list(dict.fromkeys(members))
    if not chosen:
        raise ValidationError("Choose at least one member it applies to.")
    if any(v.pk not in in_group for v in chosen):
        raise ValidationError("It can only apply to members under review that have this clause.")
    return None if {v.pk for v in chosen} == in_group else chosen


@transaction.atomic
def family_thread_start(
    *,
    review: Review,
    clause: Clause,
    author,
    body: str,
    stance: str = Stance.NOTE,
    criterion: Criterion | None = None,
    quote: Quote | None = None,
    members: list[LicenseVersion] | None = None,
) -> Thread:
    """Open a thread on one member's clause; it applies to the clause's group, or to ``members``."""
    if not may_comment(author, review):
        raise NotAllowed
    family_review = FamilyReview.objects.select_related("family").filter(review=review).first()
    if family_review is None:
        raise NotAllowed
    if not family_review.members.filter(pk=clause.version_id).exists():
        raise ValidationError("That clause is not part of a version under review.")
    if criterion is not None and criterion.set_id != review.criterion_set_id:
        raise ValidationError({"criterion": "That criterion is not in this review's criterion set."})
    group = group_of(family_review, clause)
    scope = _scope_members(family_review, group, members)
    thread = Thread(review=review, clause=clause, criterion=criterion, started_by=author)
    if quote is not None and quote.exact:
        anchored = locate_quote(clause.text, quote)
        thread.quote_exact, thread.quote_prefix, thread.quote_suffix = (
            anchored.exact,
            anchored.prefix,
            anchored.suffix,
        )
        thread.quote_start, thread.quote_end = anchored.start, anchored.end
    thread.full_clean()
    thread.save()
    comment = _new_comment(thread=thread, author=author, body=body, stance=stance, suggested_wording="")
    if scope is not None:
        ThreadScope.objects.create(thread=thread).members.set(scope)
    notify.comment_posted(comment=comment, new_thread=True)
    return thread


class StalePosition(Exception):
    """The reviewer's positions on the cell changed since the form was opened (another tab)."""


def _group_clauses(group: ClauseGroup):
    return ClauseGroupMember.objects.filter(group=group).values("clause_id")


def cell_stamp(*, review: Review, group: ClauseGroup, criterion: Criterion, reviewer) -> str:
    """What the reviewer's positions on a family cell are now, as a short string: a form carries
    it, and a save that started from another state is refused (optimistic locking, as for the
    version number of a plain cell). Empty when they hold no position there."""
    held = Position.objects.filter(
        review=review, reviewer=reviewer, criterion=criterion, clause__in=_group_clauses(group)
    ).values_list("pk", "lock_version")
    return ",".join(f"{pk}.{version}" for pk, version in sorted(held))


@transaction.atomic
def family_position_set(
    *,
    review: Review,
    group: ClauseGroup,
    criterion: Criterion,
    reviewer,
    verdict: str,
    rationale: str = "",
    members: list[LicenseVersion] | None = None,
    expected: str | None = None,
) -> Position:
    """The reviewer's verdict on a clause group for the whole group, or for ``members`` only.

    Each member keeps at most one verdict per reviewer and cell: members named here leave the
    reviewer's other positions on the cell (a position left with no member is removed). The
    position is stored on the clause of its first member (the base's, for the whole group).
    ``expected`` is the :func:`cell_stamp` the form was opened with; when the cell has changed
    since, StalePosition is raised and nothing is written.
    """
    if not roles.is_reviewer(reviewer):
        raise PermissionDenied("Only reviewers take positions.")
    family_review = FamilyReview.objects.select_related("family").filter(review=review).first()
    if family_review is None or group.family_id != family_review.family_id:
        raise NotAllowed
    if verdict not in Verdict.values:
        raise ValidationError({"verdict": "Choose one of the four verdicts."})
    if criterion.set_id != review.criterion_set_id:
        raise ValidationError("That criterion is not part of this review's criterion set.")
    if review.status not in POSITION_STATUSES:
        raise ValidationError(f"This review is {review.get_status_display().lower()}; positions are closed.")
    try:
        check_length(rationale, MAX_RATIONALE_LENGTH)
    except MarkdownTooLong as exc:
        raise ValidationError({"rationale": str(exc)}) from exc
    if expected is not None:
        # Lock the reviewer's rows on the cell, so that two saves from two tabs queue here.
        list(
            Position.objects.select_for_update()
            .filter(review=review, reviewer=reviewer, criterion=criterion, clause__in=_group_clauses(group))
            .values_list("pk")
        )
        if cell_stamp(review=review, group=group, criterion=criterion, reviewer=reviewer) != expected:
            raise StalePosition
    versions = member_versions(family_review)
    entries = {
        e.version_id: e.clause
        for e in ClauseGroupMember.objects.select_related("clause").filter(group=group, version__in=versions)
    }
    if not entries:
        raise ValidationError("No member under review has this clause.")
    scope = _scope_members(family_review, group, members)
    named = [v for v in versions if v.pk in entries and (scope is None or v in scope)]
    clause = entries[named[0].pk]
    rationale = rationale.replace("\r\n", "\n").strip()
    html = render_markdown(rationale) if rationale else ""

    # The reviewer's other positions on this cell give up the members named now.
    named_ids = {v.pk for v in named}
    for other in Position.objects.filter(
        review=review, reviewer=reviewer, criterion=criterion, clause__in=list(entries.values())
    ).exclude(clause=clause):
        covers = _covered(other, entries)
        if covers & named_ids:
            remaining = [v for v in versions if v.pk in covers - named_ids]
            if not remaining:
                other.delete()
            else:
                PositionScope.objects.get_or_create(position=other)[0].members.set(remaining)
                _move_to_first(other, remaining, entries)
    position, created = Position.objects.get_or_create(
        review=review,
        clause=clause,
        criterion=criterion,
        reviewer=reviewer,
        defaults={"verdict": verdict, "rationale": rationale, "rationale_html": html},
    )
    if not created:
        position.verdict, position.rationale, position.rationale_html = verdict, rationale, html
        position.lock_version += 1
        position.updated_at = timezone.now()
        position.save()
    if scope is None:
        PositionScope.objects.filter(position=position).delete()
    else:
        PositionScope.objects.get_or_create(position=position)[0].members.set(named)
    PositionRevision.objects.create(
        position=position,
        verdict=position.verdict,
        rationale=position.rationale,
        lock_version=position.lock_version,
        editor=reviewer,
    )
    return position


def _covered(position: Position, entries: dict[int, Clause]) -> set[int]:
    scope = PositionScope.objects.filter(position=position).first()
    if scope is None:
        return set(entries)
    return set(scope.members.values_list("pk", flat=True)) & set(entries)


def _move_to_first(position: Position, remaining: list[LicenseVersion], entries: dict[int, Clause]) -> None:
    """A position lives on its first member's clause; keep it there after its scope shrank."""
    clause = entries[remaining[0].pk]
    if position.clause_id != clause.pk:
        clash = Position.objects.filter(
            review=position.review_id,
            clause=clause,
            criterion=position.criterion_id,
            reviewer=position.reviewer_id,
        ).exclude(pk=position.pk)
        if not clash.exists():
            position.clause = clause
            position.save(update_fields=["clause"])
