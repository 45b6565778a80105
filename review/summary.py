"""Build the pure ``ReviewSummary`` that the exports render, from the database.

Seven queries whatever the size of the review: criteria, clauses, positions (with their
reviewers), the position-thread links, threads, and comments (with their authors); the review
itself comes in already loaded by the view. Export options narrow the queries, then
``apply_options`` records them in the summary (and narrows anything the queries left in).
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.utils import timezone

from licenses.models import Clause

from . import export_data as x
from .models import Comment, Position, Review, Thread, display_name


def _full_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def review_summary(
    review: Review, *, include_resolved: bool = True, criterion: str | None = None
) -> x.ReviewSummary:
    """The review as an export sees it. ``criterion`` is a criterion key (unknown keys raise ValueError).

    Comments that were deleted or hidden by a moderator are left out, and so are threads about
    no clause (the review's general thread), since an export is organised by clause.
    """
    version = review.version
    license = version.license
    criteria = list(review.criterion_set.criteria.order_by("number"))
    keys = {c.pk: c.key for c in criteria}
    if criterion is not None and criterion not in keys.values():
        raise ValueError(f"Unknown criterion {criterion!r}.")
    only = next((pk for pk, key in keys.items() if key == criterion), None)

    clauses = list(
        Clause.objects.filter(version=version)
        .only("id", "path", "anchor", "heading", "text", "ordinal")
        .order_by("ordinal")
    )
    positions = Position.objects.filter(review=review).select_related("reviewer__profile")
    threads = Thread.objects.filter(review=review, clause__isnull=False)
    if only is not None:
        positions = positions.filter(criterion_id=only)
        threads = threads.filter(criterion_id=only)
    if not include_resolved:
        threads = threads.exclude(status=Thread.Status.RESOLVED)
    links: dict[int, list[int]] = defaultdict(list)
    for position_id, thread_id in Position.threads.through.objects.filter(
        position__in=positions.values("pk")
    ).values_list("position_id", "thread_id"):
        links[position_id].append(thread_id)
    comments = (
        Comment.objects.visible()
        .filter(thread__in=threads.values("pk"))
        .select_related("author__profile")
        .order_by("created_at", "pk")
    )
    comments_by_thread: dict[int, list[x.Comment]] = defaultdict(list)
    for c in comments:
        comments_by_thread[c.thread_id].append(
            x.Comment(
                author=c.author_display,
                date=c.created_at,
                stance=c.stance,
                body=c.body,
                suggested_wording=c.suggested_wording,
            )
        )

    positions_by_clause: dict[int, list[x.Position]] = defaultdict(list)
    for p in positions.order_by("clause_id", "criterion_id", "updated_at", "pk"):
        positions_by_clause[p.clause_id].append(
            x.Position(
                reviewer=display_name(p.reviewer),
                criterion_key=keys[p.criterion_id],
                verdict=p.verdict,
                rationale=p.rationale,
                updated_at=p.updated_at,
                thread_ids=sorted(links.get(p.pk, [])),
            )
        )
    threads_by_clause: dict[int, list[x.Thread]] = defaultdict(list)
    for t in threads.order_by("created_at", "pk"):
        threads_by_clause[t.clause_id].append(
            x.Thread(
                id=t.pk,
                status=t.status,
                quote=t.quote_exact,
                criterion_key=keys.get(t.criterion_id),
                comments=comments_by_thread.get(t.pk, []),
            )
        )

    version_url = version.get_absolute_url()
    decision = None
    if review.decided_at is not None:
        decision = x.Decision(
            by=display_name(review.decided_by) if review.decided_by_id else "",
            at=review.decided_at,
            rationale=review.decision_rationale,
        )
    summary = x.ReviewSummary(
        license_name=license.name,
        version_label=version.label,
        status=review.status,
        url=_full_url(review.get_absolute_url()),
        criterion_set=review.criterion_set.slug,
        spdx_id=license.spdx_id,
        decision=decision,
        criteria=[x.Criterion(key=c.key, number=c.number, title=c.title) for c in criteria],
        clauses=[
            x.Clause(
                path=clause.path,
                anchor=clause.anchor,
                url=_full_url(f"{version_url}#{clause.dom_id}"),
                heading=clause.heading,
                text=clause.text,
                positions=positions_by_clause.get(clause.pk, []),
                threads=threads_by_clause.get(clause.pk, []),
            )
            for clause in clauses
        ],
        generated_at=timezone.now(),
    )
    return x.apply_options(summary, x.ExportOptions(include_resolved=include_resolved, criterion=criterion))
