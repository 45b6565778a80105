"""Writes for reviews, threads and comments.

Every function is keyword-only, runs in one transaction, validates with ``full_clean()``
and checks the actor's rights itself, raising :class:`NotAllowed` (views turn it into a
404, so nobody learns that an object they may not touch exists). Business-rule problems a
user can fix (a quote that is not in the clause, a body that is too long) raise Django's
``ValidationError`` with a message meant for people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts import roles
from licenses.models import Clause, Criterion, CriterionSet, LicenseVersion
from licenses.text.comparison import normalise
from review.markup import MarkdownTooLong, render_markdown
from review.models import Comment, CommentRevision, Review, Stance, Thread
from review.notify import services as notify
from review.quotes import QUOTE_CONTEXT, context_score
from review.rules import may_comment, may_decide, may_delete, may_edit, may_open_review, may_resolve

DEFAULT_CRITERION_SET = "osd-1.9"
MAX_WORDING_LENGTH = 20_000


class NotAllowed(Exception):
    """The actor may not do this. Views answer 404."""


# --- quotes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """A W3C TextQuoteSelector plus offsets into the clause text."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None


def locate_quote(text: str, quote: Quote) -> Quote:
    """Check ``quote`` against ``text`` and return it anchored: offsets, prefix and suffix.

    The offsets win when they point at the exact text. Otherwise the exact text is searched
    for, and the occurrence whose surroundings best match the prefix and suffix is taken (the
    clause may have been re-rendered since the selection, shifting offsets). Prefix and
    suffix are recomputed from the clause so that what is stored is always true.
    """
    exact = quote.exact
    if not exact.strip():
        raise ValidationError(
            "The quote is empty. Select some words of the clause, or comment on the whole clause."
        )
    start, end = quote.start, quote.end
    if (
        start is not None
        and end is not None
        and 0 <= start <= end
        and text[start:end].split() == exact.split()
    ):
        exact = text[start:end]  # the page shows wrapped lines joined: same words, other spaces
    else:
        spans = []
        at = text.find(exact)
        while at != -1:
            spans.append((at, at + len(exact)))
            at = text.find(exact, at + 1)
        if not spans:  # selected on the reflowed page across a line break of the stored text
            loose = r"\s+".join(re.escape(w) for w in exact.split())
            spans = [m.span() for m in re.finditer(loose, text)]
        if not spans:
            raise ValidationError(
                "The quoted words are not in this clause. Select the words again, "
                "or start a thread on the whole clause."
            )
        start, end = max(spans, key=lambda s: context_score(text, s[0], s[1], quote.prefix, quote.suffix))
        exact = text[start:end]
    return Quote(
        exact=exact,
        prefix=text[max(0, start - QUOTE_CONTEXT) : start],
        suffix=text[end : end + QUOTE_CONTEXT],
        start=start,
        end=end,
    )


# --- helpers ------------------------------------------------------------------------------------


def _render(body: str) -> str:
    body = body.strip()
    if not body:
        raise ValidationError({"body": "Write something: the comment is empty."})
    try:
        return render_markdown(body)
    except MarkdownTooLong as exc:
        raise ValidationError({"body": str(exc)}) from exc


def _check_wording(suggested_wording: str) -> str:
    wording = suggested_wording.strip()
    if len(wording) > MAX_WORDING_LENGTH:
        raise ValidationError(
            {"suggested_wording": f"The suggested wording is over {MAX_WORDING_LENGTH:,} characters."}
        )
    return wording


def _wording_for(thread: Thread, suggested_wording: str) -> str:
    """The suggested wording, or "" when it is just the clause text unchanged (forms prefill it)."""
    wording = _check_wording(suggested_wording)
    if wording and thread.clause_id and normalise(wording) == normalise(thread.clause.text):
        return ""
    return wording


def _new_comment(
    *,
    thread: Thread,
    author,
    body: str,
    stance: str,
    suggested_wording: str,
    source: str = Comment.Source.WEB,
    message_id: str = "",
) -> Comment:
    comment = Comment(
        thread=thread,
        author=author,
        body=body.strip(),
        body_html=_render(body),
        stance=stance,
        suggested_wording=_wording_for(thread, suggested_wording),
        source=source,
        message_id=message_id,
    )
    comment.full_clean()
    comment.save()
    return comment


# --- reviews ------------------------------------------------------------------------------------


@transaction.atomic
def review_open(
    *,
    version: LicenseVersion,
    opened_by,
    criterion_set: CriterionSet | None = None,
    rationale: str = "",
    similar_licenses: str = "",
    legal_review: str = "",
    projects: str = "",
    is_public: bool = True,
) -> Review:
    if not may_open_review(opened_by, version.license):
        raise NotAllowed
    if criterion_set is None:
        criterion_set = CriterionSet.objects.get(slug=DEFAULT_CRITERION_SET)
    review = Review(
        version=version,
        criterion_set=criterion_set,
        opened_by=opened_by,
        rationale=rationale.strip(),
        similar_licenses=similar_licenses.strip(),
        legal_review=legal_review.strip(),
        projects=projects.strip(),
        is_public=is_public,
    )
    review.full_clean()
    review.save()
    notify.review_opened(review=review)
    return review


@transaction.atomic
def review_decide(
    *, review: Review, user, status: str, rationale: str, threads: Iterable[Thread] = ()
) -> Review:
    """Record the decision: who, when, why, and the threads it rests on."""
    if not may_decide(user):
        raise NotAllowed
    if status not in Review.Status.values:
        raise ValidationError({"status": "Choose a status."})
    threads = list(threads)
    if any(t.review_id != review.pk for t in threads):
        raise ValidationError({"threads": "A decision can only rest on threads of this review."})
    if status != Review.Status.OPEN and not rationale.strip():
        raise ValidationError({"rationale": "Give the rationale for the decision."})
    review.status = status
    review.decision_rationale = rationale.strip()
    if status == Review.Status.OPEN:
        review.decided_by, review.decided_at = None, None
    else:
        review.decided_by, review.decided_at = user, timezone.now()
    review.full_clean(exclude=["opened_by"])  # the opener's account may be gone (SET_NULL)
    review.save()
    review.decision_threads.set(threads)
    return review


# --- threads ------------------------------------------------------------------------------------


@transaction.atomic
def thread_start(
    *,
    review: Review,
    clause: Clause | None,
    author,
    body: str,
    stance: str = Stance.NOTE,
    criterion: Criterion | None = None,
    quote: Quote | None = None,
    suggested_wording: str = "",
) -> Thread:
    """Open a thread on a clause (or a quote inside it) with its first comment."""
    if not may_comment(author, review):
        raise NotAllowed
    if clause is not None and clause.version_id != review.version_id:
        raise ValidationError("That clause is not part of the version under review.")
    if criterion is not None and criterion.set_id != review.criterion_set_id:
        raise ValidationError({"criterion": "That criterion is not in this review's criterion set."})
    thread = Thread(review=review, clause=clause, criterion=criterion, started_by=author)
    if quote is not None and quote.exact:
        if clause is None:
            raise ValidationError("A quote needs a clause.")
        anchored = locate_quote(clause.text, quote)
        thread.quote_exact = anchored.exact
        thread.quote_prefix = anchored.prefix
        thread.quote_suffix = anchored.suffix
        thread.quote_start = anchored.start
        thread.quote_end = anchored.end
    thread.full_clean()
    thread.save()
    comment = _new_comment(
        thread=thread, author=author, body=body, stance=stance, suggested_wording=suggested_wording
    )
    notify.comment_posted(comment=comment, new_thread=True)
    return thread


@transaction.atomic
def thread_resolve(*, thread: Thread, user) -> Thread:
    if not may_resolve(user, thread):
        raise NotAllowed
    if thread.status != Thread.Status.RESOLVED:
        thread.status = Thread.Status.RESOLVED
        thread.resolved_by, thread.resolved_at = user, timezone.now()
        thread.save(update_fields=["status", "resolved_by", "resolved_at"])
    return thread


@transaction.atomic
def thread_reopen(*, thread: Thread, user) -> Thread:
    if not may_resolve(user, thread):
        raise NotAllowed
    if thread.status != Thread.Status.OPEN:
        thread.status = Thread.Status.OPEN
        thread.resolved_by, thread.resolved_at = None, None
        thread.save(update_fields=["status", "resolved_by", "resolved_at"])
    return thread


# --- comments -----------------------------------------------------------------------------------


@transaction.atomic
def comment_add(
    *,
    thread: Thread,
    author,
    body: str,
    stance: str = Stance.NOTE,
    suggested_wording: str = "",
    source: str = Comment.Source.WEB,
    message_id: str = "",
) -> Comment:
    """A reply: appended to the thread (replies are flat per thread). Replies by mail come
    through here too (``source=REPLY`` with the mail's Message-ID), with the same rights."""
    if not may_comment(author, thread.review):
        raise NotAllowed
    comment = _new_comment(
        thread=thread,
        author=author,
        body=body,
        stance=stance,
        suggested_wording=suggested_wording,
        source=source,
        message_id=message_id,
    )
    notify.comment_posted(comment=comment)
    return comment


@transaction.atomic
def comment_edit(*, comment: Comment, editor, body: str, stance: str, suggested_wording: str = "") -> Comment:
    """The author changes their comment; the previous body is kept as a revision."""
    if not may_edit(editor, comment):
        raise NotAllowed
    body_html = _render(body)
    wording = _wording_for(comment.thread, suggested_wording)
    body = body.strip()
    if (body, stance, wording) == (comment.body, comment.stance, comment.suggested_wording):
        return comment  # nothing changed: no revision, no "edited" marker
    CommentRevision.objects.create(
        comment=comment,
        body=comment.body,
        stance=comment.stance,
        suggested_wording=comment.suggested_wording,
        editor=editor,
    )
    comment.body, comment.body_html = body, body_html
    comment.stance, comment.suggested_wording = stance, wording
    comment.edited_at = timezone.now()
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment, user) -> Comment:
    """Soft delete: the row stays (replies keep their context) and shows as "[deleted]"."""
    if not may_delete(user, comment):
        raise NotAllowed
    comment.deleted_at, comment.deleted_by = timezone.now(), user
    comment.save(update_fields=["deleted_at", "deleted_by"])
    return comment


@transaction.atomic
def comment_restore(*, comment: Comment, user) -> Comment:
    """A moderator undoes a deletion or a hide."""
    if not roles.is_moderator(user):
        raise NotAllowed
    comment.deleted_at, comment.deleted_by = None, None
    comment.hidden_at, comment.hidden_by, comment.hidden_reason = None, None, ""
    comment.save(update_fields=["deleted_at", "deleted_by", "hidden_at", "hidden_by", "hidden_reason"])
    return comment


@transaction.atomic
def comment_hide(*, comment: Comment, user, reason: str) -> Comment:
    """A moderator hides a comment; the reason shows in its place."""
    if not roles.is_moderator(user):
        raise NotAllowed
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the comment is hidden; readers see the reason."})
    comment.hidden_at, comment.hidden_by, comment.hidden_reason = timezone.now(), user, reason
    comment.full_clean()
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    return comment
