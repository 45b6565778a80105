"""Reads for the review endpoints: the list of public reviews and one review with its threads,
comments, positions and decision, in a fixed number of queries.

Visibility is the site's: the list is ``review.listing.review_list`` (public reviews), and one
review is ``review.selectors.review_for`` (public, or any for moderators and its opener; 404
otherwise). Deleted and hidden comments keep their place with no body, as on the review page.
"""

from __future__ import annotations

from collections import defaultdict

from django.http import HttpRequest
from django.urls import reverse

from accounts.models import display_name
from api.catalogue import _abs, license_ref, version_url
from api.pagination import paginate
from licenses.models import Criterion
from review import listing
from review.models import Comment, Position, Review, Thread


def review_url(request: HttpRequest, pk: int) -> str:
    return _abs(request, reverse("api:review", args=[pk]))


def review_page(request: HttpRequest, *, status: str, license: str, page: int, page_size: int) -> dict:
    reviews = listing.review_list(status=status)
    if license:
        reviews = reviews.filter(version__license__slug=license)
    paged = paginate(request, reviews, page=page, page_size=page_size)
    return {
        "count": paged.count,
        "next": paged.next,
        "previous": paged.previous,
        "results": [
            {
                "id": r.pk,
                "status": r.status,
                "license": license_ref(request, r.version.license),
                "version": r.version.label,
                "criterion_set": r.criterion_set.slug,
                "opened_at": r.opened_at,
                "decided_at": r.decided_at,
                "thread_count": r.thread_count,
                "open_thread_count": r.open_thread_count,
                "comment_count": r.comment_count,
                "last_activity": r.last_activity,
                "url": review_url(request, r.pk),
                "html_url": _abs(request, r.get_absolute_url()),
            }
            for r in paged.rows
        ],
    }


def _clause_ref(clause) -> dict | None:
    return {"path": clause.path, "anchor": clause.anchor} if clause is not None else None


def comment_json(c: Comment) -> dict:
    gone = c.is_deleted or c.is_hidden
    return {
        "id": c.pk,
        "author": c.author_display,
        "source": c.source,
        "stance": c.stance,
        "body": None if gone else c.body,
        "body_html": None if gone else c.body_html,
        "suggested_wording": "" if gone else c.suggested_wording,
        "created_at": c.created_at,
        "edited_at": c.edited_at,
        "deleted": c.is_deleted,
        "hidden": c.is_hidden and not c.is_deleted,
        "hidden_reason": c.hidden_reason if c.is_hidden and not c.is_deleted else "",
    }


def thread_json(
    request: HttpRequest, t: Thread, comments: list[Comment], criterion_keys: dict[int, str]
) -> dict:
    quote = None
    if t.quote_exact:
        quote = {
            "exact": t.quote_exact,
            "prefix": t.quote_prefix,
            "suffix": t.quote_suffix,
            "start": t.quote_start,
            "end": t.quote_end,
            "missing": t.quote_missing,
        }
    return {
        "id": t.pk,
        "clause": _clause_ref(t.clause),
        "general": t.is_general,
        "quote": quote,
        "criterion": criterion_keys.get(t.criterion_id) if t.criterion_id else None,
        "status": t.status,
        "started_by": display_name(t.started_by) if t.started_by_id else None,
        "created_at": t.created_at,
        "resolved_at": t.resolved_at,
        "outdated": t.outdated,
        "orphaned": t.orphaned,
        "carried_from": t.carried_from_id,
        "html_url": _abs(request, f"{reverse('review:review-detail', args=[t.review_id])}#{t.dom_id}"),
        "comments": [comment_json(c) for c in comments],
    }


def position_json(p: Position, *, thread_ids: list[int] | None = None) -> dict:
    """A position; ``p`` comes with clause, criterion and reviewer (and its profile) loaded."""
    if thread_ids is None:
        thread_ids = sorted(p.threads.values_list("pk", flat=True))
    return {
        "id": p.pk,
        "clause": _clause_ref(p.clause),
        "criterion": p.criterion.key,
        "reviewer": display_name(p.reviewer),
        "verdict": p.verdict,
        "rationale": p.rationale,
        "rationale_html": p.rationale_html,
        "version": p.lock_version,
        "updated_at": p.updated_at,
        "threads": thread_ids,
    }


def _threads(review: Review):
    return Thread.objects.filter(review=review).select_related("clause", "started_by__profile")


def _comments(**filters):
    return Comment.objects.filter(**filters).select_related("author__profile").order_by("created_at", "pk")


def positions_with_cells():
    return Position.objects.select_related("clause", "criterion", "reviewer__profile")


def review_detail(request: HttpRequest, review: Review) -> dict:
    """``review`` (from review_for) with everything on it: seven queries whatever its size."""
    criteria = list(Criterion.objects.filter(set=review.criterion_set_id).order_by("number"))
    keys = {c.pk: c.key for c in criteria}
    threads = list(_threads(review).order_by("created_at", "pk"))
    comments_by_thread: dict[int, list[Comment]] = defaultdict(list)
    for c in _comments(thread__review=review):
        comments_by_thread[c.thread_id].append(c)
    positions = list(
        positions_with_cells().filter(review=review).order_by("clause__ordinal", "criterion__number", "pk")
    )
    links: dict[int, list[int]] = defaultdict(list)
    for position_id, thread_id in Position.threads.through.objects.filter(
        position__review=review
    ).values_list("position_id", "thread_id"):
        links[position_id].append(thread_id)
    decision = None
    if review.decided_at is not None:
        decision = {
            "status": review.status,
            "by": display_name(review.decided_by) if review.decided_by_id else "",
            "at": review.decided_at,
            "rationale": review.decision_rationale,
            "threads": sorted(review.decision_threads.values_list("pk", flat=True)),
        }
    version = review.version
    return {
        "id": review.pk,
        "status": review.status,
        "is_public": review.is_public,
        "license": license_ref(request, version.license),
        "version": {
            "ref": version.ref,
            "license": version.license.slug,
            "label": version.label,
            "url": version_url(request, version.license.slug, version.label),
        },
        "criterion_set": review.criterion_set.slug,
        "criteria": [{"key": c.key, "number": c.number, "title": c.title} for c in criteria],
        "opened_by": display_name(review.opened_by) if review.opened_by_id else None,
        "opened_at": review.opened_at,
        "previous_round": review.previous_round_id,
        "rationale": review.rationale,
        "similar_licenses": review.similar_licenses,
        "legal_review": review.legal_review,
        "projects": review.projects,
        "decision": decision,
        "threads": [thread_json(request, t, comments_by_thread.get(t.pk, []), keys) for t in threads],
        "positions": [position_json(p, thread_ids=sorted(links.get(p.pk, []))) for p in positions],
        "url": review_url(request, review.pk),
        "html_url": _abs(request, review.get_absolute_url()),
    }


def thread_detail(request: HttpRequest, thread: Thread) -> dict:
    """One thread with its comments (after a write): two queries."""
    thread = _threads(thread.review).get(pk=thread.pk)
    keys = (
        dict(Criterion.objects.filter(pk=thread.criterion_id).values_list("pk", "key"))
        if thread.criterion_id
        else {}
    )
    return thread_json(request, thread, list(_comments(thread=thread)), keys)
