"""Build the pure ``ReviewSummary`` that the exports render, from the database.

Seven queries whatever the size of the review: criteria, clauses, positions (with their
reviewers), the position-thread links, threads, and comments (with their authors); the review
itself comes in already loaded by the view. Export options narrow the queries, then
``apply_options`` records them in the summary (and narrows anything the queries left in).
"""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone

from accounts.models import display_name
from config.site import site_base
from licenses.models import Clause
from review.exports import data
from review.families.models import FamilyReview
from review.models import Comment, Position, Review, Thread


def review_summary(
    review: Review,
    *,
    include_resolved: bool = True,
    criterion: str | None = None,
    base_url: str | None = None,
    kind: str = "summary",
) -> data.ReviewSummary:
    """The review as an export sees it. ``criterion`` is a criterion key (unknown keys raise ValueError).

    Comments that were deleted or hidden by a moderator are left out, and so are threads about
    no clause (the review's general thread), since an export is organised by clause.
    """
    family_review = FamilyReview.objects.filter(review=review).select_related("family").first()
    if family_review is not None:
        from review.families.exports import family_review_summary

        return family_review_summary(
            review, family_review, include_resolved=include_resolved, criterion=criterion
        )
    base = (base_url if base_url is not None else site_base()).rstrip("/")

    def _full_url(path: str) -> str:
        return f"{base}{path}"

    version = review.version
    license = version.license
    criteria = list(review.criterion_set.criteria.order_by("number"))
    short_name = review.criterion_set.short_name
    keys = {c.pk: c.key for c in criteria}
    if criterion is not None and criterion not in keys.values():
        raise ValueError(f"Unknown criterion {criterion!r}.")
    only = next((pk for pk, key in keys.items() if key == criterion), None)

    clauses = list(
        Clause.objects.filter(version=version)
        .only("id", "path", "anchor", "heading", "text", "ordinal")
        .order_by("ordinal")
    )
    positions = Position.objects.filter(review=review)
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
    # Plain rows rather than model instances: an export can hold thousands of them.
    comments = (
        Comment.objects.visible()
        .filter(thread__in=threads.values("pk"))
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
    )
    comments_by_thread: dict[int, list[data.Comment]] = defaultdict(list)
    for thread_id, author_id, username, shown, name, email, created_at, stance, body, wording in comments:
        author = (shown or username) if author_id else (name or email or "unknown")
        comments_by_thread[thread_id].append(
            data.Comment(author=author, date=created_at, stance=stance, body=body, suggested_wording=wording)
        )

    positions_by_clause: dict[int, list[data.Position]] = defaultdict(list)
    rows = positions.order_by("clause_id", "criterion_id", "updated_at", "pk").values_list(
        "pk",
        "clause_id",
        "criterion_id",
        "reviewer__username",
        "reviewer__profile__display_name",
        "verdict",
        "rationale",
        "updated_at",
    )
    for pk, clause_id, criterion_id, username, shown, verdict, rationale, updated_at in rows:
        positions_by_clause[clause_id].append(
            data.Position(
                reviewer=shown or username,
                criterion_key=keys[criterion_id],
                verdict=verdict,
                rationale=rationale,
                updated_at=updated_at,
                thread_ids=sorted(links.get(pk, [])),
            )
        )
    # A plain review has one member: everything applies to it, at its own clause.
    paths = {clause.pk: clause.path for clause in clauses}
    here = {
        pk: [data.AppliesTo(license=license.slug, version=version.label, clause=path)]
        for pk, path in paths.items()
    }
    for clause_id, held in positions_by_clause.items():
        for position in held:
            position.applies_to = list(here.get(clause_id, []))
    review_url = _full_url(review.get_absolute_url())
    threads_by_clause: dict[int, list[data.Thread]] = defaultdict(list)
    for t in threads.order_by("created_at", "pk").only(
        "id", "clause_id", "status", "quote_exact", "criterion_id"
    ):
        threads_by_clause[t.clause_id].append(
            data.Thread(
                id=t.pk,
                status=t.status,
                quote=t.quote_exact,
                criterion_key=keys.get(t.criterion_id),
                comments=comments_by_thread.get(t.pk, []),
                applies_to=list(here.get(t.clause_id, [])),
                url=f"{review_url}#{t.dom_id}",
            )
        )

    version_url = version.get_absolute_url()
    decision = None
    if review.decided_at is not None:
        decision = data.Decision(
            by=display_name(review.decided_by) if review.decided_by_id else "",
            at=review.decided_at,
            rationale=review.decision_rationale,
        )
    summary = data.ReviewSummary(
        license_name=license.name,
        version_label=version.label,
        status=review.status,
        url=review_url,
        criterion_set=review.criterion_set.slug,
        spdx_id=license.spdx_id,
        decision=decision,
        criteria=[
            data.Criterion(key=c.key, number=c.number, title=c.title, label=c.label_in(short_name))
            for c in criteria
        ],
        clauses=[
            data.Clause(
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
        licenses=[data.Member(license=license.slug, version=version.label)],
    )
    return data.apply_options(
        summary, data.ExportOptions(include_resolved=include_resolved, criterion=criterion, kind=kind)
    )
