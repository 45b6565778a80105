"""A family review as the exports see it: one ``ReviewSummary`` whose clauses are the clause
groups of the members under review, each thread and position saying which members it applies to.

The pure renderers (Markdown, HTML, CSV, JSON) then work unchanged. Nine queries whatever the
size: members, their groups' entries, criteria, threads, thread scopes, comments, positions,
position scopes and the position-thread links.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.utils import timezone

from accounts.models import display_name
from licenses.families.models import ClauseGroupMember
from licenses.models import Clause
from review.exports import data
from review.families.models import FamilyReview, PositionScope, ThreadScope
from review.families.services import member_versions
from review.models import Comment, Position, Review, Thread


def _full_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _scopes(through, owner: str, ids: list[int]) -> dict[int, set[int]]:
    """``{thread or position id: {version ids}}`` for the scoped ones; ``owner`` is "thread" or "position"."""
    found: dict[int, set[int]] = defaultdict(set)
    if ids:
        rows = through.objects.filter(**{f"{owner}scope__{owner}_id__in": ids}).values_list(
            f"{owner}scope__{owner}_id", "licenseversion_id"
        )
        for owner_id, version_id in rows:
            found[owner_id].add(version_id)
    return found


def family_review_summary(
    review: Review,
    family_review: FamilyReview,
    *,
    include_resolved: bool = True,
    criterion: str | None = None,
) -> data.ReviewSummary:
    versions = member_versions(family_review)
    version_ids = [v.pk for v in versions]
    by_id = {v.pk: v for v in versions}
    criteria = list(review.criterion_set.criteria.order_by("number"))
    keys = {c.pk: c.key for c in criteria}
    if criterion is not None and criterion not in keys.values():
        raise ValueError(f"Unknown criterion {criterion!r}.")
    only = next((pk for pk, key in keys.items() if key == criterion), None)

    entries = list(
        ClauseGroupMember.objects.filter(group__family=family_review.family_id, version_id__in=version_ids)
        .select_related("clause")
        .only(
            "group_id",
            "version_id",
            "group__ordinal",
            "clause__id",
            "clause__path",
            "clause__anchor",
            "clause__heading",
            "clause__text",
            "clause__version_id",
        )
        .order_by("group__ordinal", "group_id")
    )
    groups: dict[int, dict[int, Clause]] = {}
    group_of_clause: dict[int, int] = {}
    for e in entries:
        groups.setdefault(e.group_id, {})[e.version_id] = e.clause
        group_of_clause[e.clause_id] = e.group_id

    def applies(group_id: int, scope: set[int] | None) -> list[data.AppliesTo]:
        members = groups[group_id]
        return [
            data.AppliesTo(license=by_id[v].license.slug, version=by_id[v].label, clause=members[v].path)
            for v in version_ids
            if v in members and (scope is None or v in scope)
        ]

    threads = Thread.objects.filter(review=review, clause__in=list(group_of_clause))
    positions = Position.objects.filter(review=review, clause__in=list(group_of_clause))
    if only is not None:
        threads = threads.filter(criterion_id=only)
        positions = positions.filter(criterion_id=only)
    if not include_resolved:
        threads = threads.exclude(status=Thread.Status.RESOLVED)
    threads = list(
        threads.order_by("created_at", "pk").only("id", "clause_id", "status", "quote_exact", "criterion_id")
    )
    thread_scopes = _scopes(ThreadScope.members.through, "thread", [t.pk for t in threads])
    comments_by_thread: dict[int, list[data.Comment]] = defaultdict(list)
    for thread_id, author_id, username, shown, name, email, created_at, stance, body, wording in (
        Comment.objects.visible()
        .filter(thread__in=[t.pk for t in threads])
        .order_by("created_at", "pk")
        .values_list(
            "thread_id",
            "author_id",
            "author__username",
            "author__profile__display_name",
            "author_name",
            "author_email",
            "created_at",
            "stance",
            "body",
            "suggested_wording",
        )
    ):
        author = (shown or username) if author_id else (name or email or "unknown")
        comments_by_thread[thread_id].append(
            data.Comment(author=author, date=created_at, stance=stance, body=body, suggested_wording=wording)
        )
    threads_by_group: dict[int, list[data.Thread]] = defaultdict(list)
    for t in threads:
        gid = group_of_clause[t.clause_id]
        threads_by_group[gid].append(
            data.Thread(
                id=t.pk,
                status=t.status,
                quote=t.quote_exact,
                criterion_key=keys.get(t.criterion_id),
                comments=comments_by_thread.get(t.pk, []),
                applies_to=applies(gid, thread_scopes.get(t.pk)),
            )
        )

    rows = list(
        positions.order_by("clause_id", "criterion_id", "updated_at", "pk").values_list(
            "pk",
            "clause_id",
            "criterion_id",
            "reviewer__username",
            "reviewer__profile__display_name",
            "verdict",
            "rationale",
            "updated_at",
        )
    )
    position_scopes = _scopes(PositionScope.members.through, "position", [r[0] for r in rows])
    links: dict[int, list[int]] = defaultdict(list)
    for position_id, thread_id in Position.threads.through.objects.filter(
        position_id__in=[r[0] for r in rows]
    ).values_list("position_id", "thread_id"):
        links[position_id].append(thread_id)
    positions_by_group: dict[int, list[data.Position]] = defaultdict(list)
    for pk, clause_id, criterion_id, username, shown, verdict, rationale, updated_at in rows:
        gid = group_of_clause[clause_id]
        positions_by_group[gid].append(
            data.Position(
                reviewer=shown or username,
                criterion_key=keys[criterion_id],
                verdict=verdict,
                rationale=rationale,
                updated_at=updated_at,
                thread_ids=sorted(links.get(pk, [])),
                applies_to=applies(gid, position_scopes.get(pk)),
            )
        )

    clauses = []
    seen_anchors: set[str] = set()
    for gid, members in groups.items():
        v = next(v for v in version_ids if v in members)
        first = members[v]
        anchor = first.anchor
        if anchor in seen_anchors:  # two groups led by different members may share an address
            anchor = f"{anchor}~{by_id[v].license.slug}"
        seen_anchors.add(anchor)
        clauses.append(
            data.Clause(
                path=first.path,
                anchor=anchor,
                url=_full_url(f"{by_id[v].get_absolute_url()}#{first.dom_id}"),
                heading=first.heading,
                text=first.text,
                positions=positions_by_group.get(gid, []),
                threads=threads_by_group.get(gid, []),
            )
        )
    base = versions[0]
    decision = None
    if review.decided_at is not None:
        decision = data.Decision(
            by=display_name(review.decided_by) if review.decided_by_id else "",
            at=review.decided_at,
            rationale=review.decision_rationale,
        )
    summary = data.ReviewSummary(
        license_name=f"{family_review.family.name} (family: {', '.join(v.license.name for v in versions)})",
        version_label=base.label,
        status=review.status,
        url=_full_url(review.get_absolute_url()),
        criterion_set=review.criterion_set.slug,
        spdx_id=None,
        decision=decision,
        criteria=[data.Criterion(key=c.key, number=c.number, title=c.title) for c in criteria],
        clauses=clauses,
        generated_at=timezone.now(),
        licenses=[data.Member(license=v.license.slug, version=v.label) for v in versions],
        family=family_review.family.name,
    )
    return data.apply_options(
        summary, data.ExportOptions(include_resolved=include_resolved, criterion=criterion)
    )
