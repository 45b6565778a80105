"""Write endpoints: start a thread, reply, set a position, import a mail thread.

Each goes through the service the page uses, after the same rights check (404 without the
right), with the page's comment rate limit shared with the site (one counter per person), and
answers with the object as the read endpoints show it.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Router, Status

from accounts import roles
from api import reviews
from api.auth import write_auth
from api.errors import ApiError, not_found
from api.schemas import (
    CommentIn,
    CommentOut,
    ConflictOut,
    Error,
    MailImportIn,
    MailImportOut,
    PositionIn,
    PositionOut,
    ThreadIn,
    ThreadOut,
)
from licenses.models import Clause, Criterion
from review import ratelimit as comment_rate
from review import selectors as review_selectors
from review import services
from review.mail.parse import MailFormatError
from review.mail.preview import MAX_IMPORT_BYTES, preview_import
from review.mail.services import ImportChoice, import_messages
from review.matrix.services import position_set
from review.models import Review, Thread
from review.rules import may_comment, may_import

router = Router(tags=["writes"], auth=write_auth)
REFUSALS = {401: Error, 403: Error, 404: Error, 422: Error, 429: Error}


def _clause(review: Review, ref: str) -> Clause:
    """The clause of the review's version named by its anchor (“2.2.b”) or its path (“2.2(b)”)."""
    ref = ref.strip()
    clauses = Clause.objects.filter(version_id=review.version_id)
    clause = clauses.filter(anchor=ref).first() or clauses.filter(path=ref).order_by("ordinal").first()
    if clause is None:
        raise ApiError(
            422, "invalid", f"The version under review has no clause “{ref}”.", errors={"clause": [ref]}
        )
    return clause


def _criterion(review: Review, key: str) -> Criterion:
    criterion = Criterion.objects.filter(set_id=review.criterion_set_id, key=key.strip()).first()
    if criterion is None:
        raise ApiError(
            422,
            "invalid",
            f"“{key}” is not a criterion of this review's set ({review.criterion_set.slug}).",
            errors={"criterion": [key]},
        )
    return criterion


def _count_comment(user) -> None:
    """The site's per-person comment limit: the same counter as the review page's forms."""
    if not comment_rate.hit(user.pk):
        wait = comment_rate.WINDOW
        raise ApiError(
            429,
            "rate_limited",
            f"Over {comment_rate.limit()} comments a minute. Try again in a minute.",
            headers={"Retry-After": str(wait)},
            retry_after=wait,
        )


def _created(request: HttpRequest, response: HttpResponse, data: dict, location: str) -> Status:
    response["Location"] = request.build_absolute_uri(location)
    return Status(201, data)


@router.post("/reviews/{review_id}/threads/", response={201: ThreadOut, **REFUSALS}, url_name="thread-create")
def start_thread(request, review_id: int, payload: ThreadIn, response: HttpResponse):
    """Start a thread on a clause (or on words quoted from it) with its first comment.

    Reviewers, moderators and stewards, while the review is open.
    """
    user = request.user
    review = review_selectors.review_for(review_id, user)
    if not may_comment(user, review):
        raise not_found("No such review.")
    clause = _clause(review, payload.clause)
    criterion = _criterion(review, payload.criterion) if payload.criterion else None
    quote = None
    if payload.quote is not None and payload.quote.exact:
        q = payload.quote
        quote = services.Quote(exact=q.exact, prefix=q.prefix, suffix=q.suffix, start=q.start, end=q.end)
    _count_comment(user)
    thread = services.thread_start(
        review=review,
        clause=clause,
        author=user,
        body=payload.body,
        stance=payload.stance,
        criterion=criterion,
        quote=quote,
        suggested_wording=payload.suggested_wording,
    )
    thread.review = review
    location = reverse("api:thread", args=[review.pk, thread.pk])
    return _created(request, response, reviews.thread_detail(request, thread), location)


@router.post(
    "/reviews/{review_id}/threads/{thread_id}/comments/",
    response={201: CommentOut, **REFUSALS},
    url_name="comment-create",
)
def reply(request, review_id: int, thread_id: int, payload: CommentIn, response: HttpResponse):
    """Reply to a thread. Reviewers, moderators and stewards, while the review is open."""
    user = request.user
    review = review_selectors.review_for(review_id, user)
    thread: Thread = review_selectors.thread_for(review, thread_id)
    if not may_comment(user, review):
        raise not_found("No such thread.")
    _count_comment(user)
    comment = services.comment_add(
        thread=thread,
        author=user,
        body=payload.body,
        stance=payload.stance,
        suggested_wording=payload.suggested_wording,
    )
    comment.author = user
    location = reverse("api:thread", args=[review.pk, thread.pk])
    return _created(request, response, reviews.comment_json(comment), location)


@router.post(
    "/reviews/{review_id}/positions/",
    response={200: PositionOut, 201: PositionOut, 409: ConflictOut, **REFUSALS},
    url_name="position-set",
)
def set_position(request, review_id: int, payload: PositionIn):
    """Set your position on one cell (clause × criterion), with optimistic locking.

    Send the ``version`` you started from as ``expected_version`` (0 when you had none). If the
    position changed since, nothing is saved and the answer is 409 with the ``current`` position.
    Reviewers and moderators, while the review is open or deferred.
    """
    user = request.user
    review = review_selectors.review_for(review_id, user)
    # As the matrix cell: only reviewers post (404 otherwise); a closed review is a 422 from the service.
    if not roles.is_reviewer(user):
        raise not_found("No such review.")
    clause = _clause(review, payload.clause)
    criterion = _criterion(review, payload.criterion)
    threads = list(Thread.objects.filter(review=review, pk__in=payload.threads))
    if len(threads) != len(set(payload.threads)):
        raise ApiError(
            422,
            "invalid",
            "A linked thread is not a thread of this review.",
            errors={"threads": payload.threads},
        )
    position = position_set(
        review=review,
        clause=clause,
        criterion=criterion,
        reviewer=user,
        verdict=payload.verdict,
        rationale=payload.rationale,
        expected_version=payload.expected_version,
        threads=threads,
    )
    position = reviews.positions_with_cells().get(pk=position.pk)
    created = payload.expected_version == 0
    return Status(201 if created else 200, reviews.position_json(position))


@router.post(
    "/reviews/{review_id}/mail-imports/",
    response={200: MailImportOut, 201: MailImportOut, 413: Error, **REFUSALS},
    url_name="mail-import",
)
def import_mail(request, review_id: int, payload: MailImportIn):
    """Import a mail thread: each new message becomes a comment on the clause it is about.

    Moderators only (any review), as on the import page: an import writes in other people's names.
    Messages already in the review (by Message-ID or content) are skipped. With ``dry_run`` the
    answer says what would happen and nothing is written.
    """
    user = request.user
    review = review_selectors.review_for(review_id, user)
    if not may_import(user, review):
        raise not_found("No such review.")
    if len(payload.raw.encode("utf-8", "surrogatepass")) > MAX_IMPORT_BYTES:
        raise ApiError(
            413, "too_large", "This is over the 5 MiB limit. Split the archive into smaller files."
        )
    try:
        preview = preview_import(review=review, raw=payload.raw)
    except MailFormatError as exc:
        raise ApiError(422, "invalid", str(exc)) from None
    clause_refs = {o.id: {"path": o.path, "anchor": ""} for o in preview.clauses}
    anchors = dict(Clause.objects.filter(pk__in=clause_refs).values_list("pk", "anchor"))
    for pk, ref in clause_refs.items():
        ref["anchor"] = anchors.get(pk, "")
    messages = [
        {
            "index": item.index,
            "author": item.author or item.email,
            "date": item.date,
            "subject": item.subject,
            "clause": clause_refs.get(item.clause_id) if item.clause_id else None,
            "stance": item.stance,
            "already_imported": item.already_imported,
        }
        for item in preview.items
    ]
    if payload.dry_run:
        return Status(
            200,
            {
                "dry_run": True,
                "imported": 0,
                "already_there": preview.already_count,
                "messages": messages,
                "threads": [],
            },
        )
    choices = [
        ImportChoice(message=item.message, clause_id=item.clause_id, stance=item.stance)
        for item in preview.items
        if item.importable
    ]
    result = import_messages(review=review, items=choices, by=user) if choices else None
    return Status(
        201 if result and result.imported else 200,
        {
            "dry_run": False,
            "imported": result.imported if result else 0,
            "already_there": preview.already_count + (result.already_there if result else 0),
            "messages": messages,
            "threads": sorted({t.pk for t in result.threads}) if result else [],
        },
    )
