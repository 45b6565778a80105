"""Reads for family reviews, each in a fixed number of queries whatever the family's size."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.http import Http404

from licenses.families.models import ClauseGroup, ClauseGroupMember, Family
from licenses.families.services import ordered_members
from licenses.models import Clause, Criterion, LicenseVersion
from licenses.text.comparison import clause_text
from licenses.text.redline import Piece, redline
from review.families.models import FamilyReview, PositionScope, ThreadScope
from review.families.services import member_versions
from review.matrix.verdicts import Tally, tally
from review.models import Position, Review, Stance
from review.selectors import ThreadView, Viewer, _load, _thread_view, viewer_for


def family_review_for(review: Review) -> FamilyReview:
    """The family side of ``review`` (already checked for reading), or 404."""
    family_review = FamilyReview.objects.select_related("family").filter(review=review).first()
    if family_review is None:
        raise Http404("This review is not a family review.")
    family_review.review = review
    return family_review


def _norm(clause: Clause) -> str:
    return clause_text(clause)  # reads label, heading and text only


@dataclass
class AppliedThread:
    """A thread as one member sees it."""

    tv: ThreadView
    origin: Clause  # the clause it was started on
    origin_version: LicenseVersion
    here: Clause  # this member's clause in the same group
    members: list[LicenseVersion]  # the members it applies to
    narrowed: bool
    differs: bool
    pieces: list[Piece] = field(default_factory=list)  # origin -> here, when they differ

    @property
    def started_here(self) -> bool:
        return self.origin.pk == self.here.pk


@dataclass
class MemberClause:
    clause: Clause
    group: ClauseGroup | None
    threads: list[AppliedThread]
    in_group: list[LicenseVersion]  # the members under review that have this clause


@dataclass
class FamilyReviewPage:
    review: Review
    family_review: FamilyReview
    family: Family
    versions: list[LicenseVersion]
    member: LicenseVersion
    clauses: list[MemberClause]
    viewer: Viewer
    criteria: list[Criterion]
    stances: list[tuple[str, str]] = field(default_factory=lambda: list(Stance.choices))


def _applies(scopes: dict[int, set[int]], thread_id: int, in_group: list[int]) -> list[int]:
    scope = scopes.get(thread_id)
    return [v for v in in_group if scope is None or v in scope]


def _scopes(model, key: str, ids: list[int]) -> dict[int, set[int]]:
    """``{thread or position id: {version ids}}`` for the scoped ones (one query)."""
    found: dict[int, set[int]] = defaultdict(set)
    through = model.members.through
    for owner_id, version_id in through.objects.filter(
        **{f"{model.__name__.lower()}__{key}__in": ids}
    ).values_list(f"{model.__name__.lower()}__{key}", "licenseversion_id"):
        found[owner_id].add(version_id)
    return found


def family_review_page(review: Review, *, user, member_id: int | None = None) -> FamilyReviewPage:
    """One member's clauses with every thread of the review that applies to them."""
    family_review = family_review_for(review)
    versions = member_versions(family_review)
    if not versions:
        raise Http404("This family review has no members.")
    member = next((v for v in versions if v.pk == member_id), versions[0])
    version_ids = [v.pk for v in versions]
    by_id = {v.pk: v for v in versions}
    clauses = list(member.clauses.order_by("ordinal"))
    entries = list(
        ClauseGroupMember.objects.filter(group__family=family_review.family_id, version_id__in=version_ids)
        .select_related("group", "clause")
        .order_by("group__ordinal", "version_id")
    )
    group_of_clause = {e.clause_id: e.group for e in entries}
    clauses_of_group: dict[int, dict[int, Clause]] = defaultdict(dict)
    for e in entries:
        clauses_of_group[e.group_id][e.version_id] = e.clause
    threads, comments, revisions = _load(review)
    scopes = _scopes(ThreadScope, "thread_id", [t.pk for t in threads]) if threads else {}
    viewer = viewer_for(user, review)
    comments_by_thread = defaultdict(list)
    for c in comments:
        comments_by_thread[c.thread_id].append(c)
    thread_of_comment = {c.pk: c.thread_id for c in comments}
    revisions_by_thread = defaultdict(list)
    for r in revisions:
        revisions_by_thread[thread_of_comment.get(r.comment_id, 0)].append(r)

    by_member_clause: dict[int, list[AppliedThread]] = defaultdict(list)
    counts = dict.fromkeys(version_ids, 0)
    for thread in threads:
        group = group_of_clause.get(thread.clause_id)
        if group is None:
            continue
        members = clauses_of_group[group.pk]
        in_group = [v for v in version_ids if v in members]
        applies = _applies(scopes, thread.pk, in_group)
        for v in applies:
            counts[v] += 1
        if member.pk not in applies:
            continue
        origin, here = members.get(thread.clause.version_id, thread.clause), members[member.pk]
        thread.clause = origin
        a, b = _norm(origin), _norm(here)
        tv = _thread_view(thread, comments_by_thread[thread.pk], revisions_by_thread[thread.pk], viewer)
        by_member_clause[here.pk].append(
            AppliedThread(
                tv=tv,
                origin=origin,
                origin_version=by_id.get(origin.version_id, member),
                here=here,
                members=[by_id[v] for v in applies],
                narrowed=thread.pk in scopes,
                differs=a != b,
                pieces=redline(a, b) if a != b else [],
            )
        )
    for v in versions:
        v.thread_count = counts[v.pk]  # shown on the member tabs
    member_clauses = []
    for clause in clauses:
        group = group_of_clause.get(clause.pk)
        in_group = (
            [by_id[v] for v in version_ids if v in clauses_of_group[group.pk]]
            if group is not None
            else [member]
        )
        member_clauses.append(MemberClause(clause, group, by_member_clause.get(clause.pk, []), in_group))
    return FamilyReviewPage(
        review=review,
        family_review=family_review,
        family=family_review.family,
        versions=versions,
        member=member,
        clauses=member_clauses,
        viewer=viewer,
        criteria=list(review.criterion_set.criteria.order_by("number")),
    )


# --- the family matrix: clause groups x criteria ------------------------------------------------


@dataclass
class ScopedPosition:
    position: Position
    members: list[LicenseVersion]
    narrowed: bool


@dataclass
class FamilyCell:
    group: ClauseGroup
    criterion: Criterion
    positions: list[ScopedPosition]
    tally: Tally

    @property
    def narrowed(self) -> bool:
        return any(p.narrowed for p in self.positions)


@dataclass
class FamilyRow:
    group: ClauseGroup
    label: str
    heading: str
    states: list[str]  # per member: identical | differs | absent
    cells: list[FamilyCell]


@dataclass
class FamilyMatrix:
    review: Review
    family: Family
    versions: list[LicenseVersion]
    criteria: list[Criterion]
    rows: list[FamilyRow]


def family_matrix(review: Review) -> FamilyMatrix:
    """Rows are the clause groups of the members under review; a cell tallies the positions on
    any clause of its group and says which members each holds for."""
    family_review = family_review_for(review)
    versions = member_versions(family_review)
    version_ids = [v.pk for v in versions]
    by_id = {v.pk: v for v in versions}
    criteria = list(review.criterion_set.criteria.order_by("number"))
    entries = list(
        ClauseGroupMember.objects.filter(group__family=family_review.family_id, version_id__in=version_ids)
        .select_related("group", "clause")
        .order_by("group__ordinal", "group_id")
    )
    groups: dict[int, ClauseGroup] = {}
    members_of: dict[int, dict[int, Clause]] = defaultdict(dict)
    group_of_clause: dict[int, int] = {}
    for e in entries:
        groups.setdefault(e.group_id, e.group)
        members_of[e.group_id][e.version_id] = e.clause
        group_of_clause[e.clause_id] = e.group_id
    positions = list(
        Position.objects.filter(review=review, clause_id__in=list(group_of_clause)).select_related(
            "reviewer__profile"
        )
    )
    scopes = _scopes(PositionScope, "position_id", [p.pk for p in positions]) if positions else {}
    cell_positions: dict[tuple[int, int], list[ScopedPosition]] = defaultdict(list)
    for p in positions:
        gid = group_of_clause[p.clause_id]
        in_group = [v for v in version_ids if v in members_of[gid]]
        applies = _applies(scopes, p.pk, in_group)
        cell_positions[(gid, p.criterion_id)].append(
            ScopedPosition(p, [by_id[v] for v in applies], narrowed=p.pk in scopes)
        )
    rows = []
    for gid, group in groups.items():
        members = members_of[gid]
        first = next(members[v] for v in version_ids if v in members)
        base = _norm(first)
        states = [
            "absent" if v not in members else ("identical" if _norm(members[v]) == base else "differs")
            for v in version_ids
        ]
        cells = []
        for criterion in criteria:
            held = cell_positions.get((gid, criterion.pk), [])
            cells.append(FamilyCell(group, criterion, held, tally(p.position.verdict for p in held)))
        rows.append(FamilyRow(group, first.path, first.summary_line, states, cells))
    return FamilyMatrix(
        review=review, family=family_review.family, versions=versions, criteria=criteria, rows=rows
    )


def family_cell(review: Review, group_id: int, criterion_id: int):
    """One cell of the family matrix with its members (for the position form)."""
    matrix = family_matrix(review)
    for row in matrix.rows:
        if row.group.pk == group_id:
            for cell in row.cells:
                if cell.criterion.pk == criterion_id:
                    present = [v for v, s in zip(matrix.versions, row.states, strict=True) if s != "absent"]
                    return matrix, row, cell, present
    raise Http404("No such cell.")


__all__ = ["family_cell", "family_matrix", "family_review_for", "family_review_page", "ordered_members"]
