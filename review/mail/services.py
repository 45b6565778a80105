"""Import a mail thread into a review (a service), and link imported authors to accounts.

The preview that comes first (a selector) is review.mail.preview.

``import_messages`` turns the chosen messages into comments (source "mail", the author as
the message names them, no account created), one thread per clause plus the review's
general thread for mail about no clause, all in one transaction.

Decisions:
- A message is "already imported" when its Message-ID or its fingerprint (hash of author,
  date and words) is on any mail comment of this review, deleted or hidden ones included:
  a moderator who removed an imported message does not want it back on the next import.
- Bodies longer than MAX_COMMENT_LENGTH are cut and end with "[truncated: N more characters]".
- A message without a date is imported with the time of the import (the preview says so).
- Mail bodies are rendered as Markdown: mail conventions (*emphasis*, "- " lists, indented
  code, wrapped paragraphs) read well that way, and the renderer sanitises the rest.
- An imported message joins the oldest open thread on its clause that was started by an
  import (no starter, no quote, with mail comments); else a new thread is opened, dated by
  its first message. The general thread is one per review, whatever its status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from accounts import roles
from licenses.models import Clause
from review.mail.parse import Message
from review.mail.preview import existing_keys, importable_clauses, is_known, message_id_of
from review.markup import MAX_COMMENT_LENGTH, render_markdown
from review.models import Comment, CommentCorrection, Review, Stance, Thread
from review.rules import may_correct_import, may_import
from review.services import NotAllowed
from review.signals import comments_created
from review.stamps import touch

AUTHOR_NAME_LENGTH = Comment._meta.get_field("author_name").max_length


# --- rights -------------------------------------------------------------------------------------


# --- import -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportChoice:
    message: Message
    clause_id: int | None = None  # None: the review's general thread
    stance: str = Stance.NOTE
    # The moderator's corrections in the preview; None keeps what the mail said.
    author_name: str | None = None
    author_email: str | None = None
    date: datetime | None = None


@dataclass
class ImportResult:
    comments: list[Comment]
    already_there: int  # chosen messages the review already held (skipped)
    threads: list[Thread]

    @property
    def imported(self) -> int:
        return len(self.comments)


def truncate_body(body: str, limit: int = MAX_COMMENT_LENGTH) -> str:
    """``body`` cut to ``limit`` characters, ending with a note of how much was cut."""
    body = body.strip()
    if len(body) <= limit:
        return body
    reserve = 64  # room for the note
    kept = body[: limit - reserve].rstrip()
    note = f"\n\n[truncated: {len(body) - len(kept):,} more characters]"
    return kept + note


def _author_fields(item: ImportChoice) -> tuple[str, str]:
    msg = item.message
    name = " ".join((msg.author_name if item.author_name is None else item.author_name).split())
    email = (msg.author_email if item.author_email is None else item.author_email) or ""
    email = email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            name, email = name or email, ""  # keep what the message said, as the name
    return name[:AUTHOR_NAME_LENGTH], email


def _mail_threads(review: Review, clause_ids: set[int]) -> dict[int, Thread]:
    """The open import-started thread of each clause (the oldest), one query."""
    found: dict[int, Thread] = {}
    if not clause_ids:
        return found
    threads = (
        Thread.objects.filter(
            review=review,
            clause_id__in=clause_ids,
            status=Thread.Status.OPEN,
            is_general=False,
            started_by__isnull=True,
            quote_exact="",
        )
        .annotate(mail=Count("comments", filter=Q(comments__source=Comment.Source.MAIL)))
        .filter(mail__gt=0)
        .order_by("created_at", "pk")
    )
    for thread in threads:
        found.setdefault(thread.clause_id, thread)
    return found


def _when(item: ImportChoice) -> datetime | None:
    return item.date or item.message.date


def _offset_minutes(when: datetime | None) -> int | None:
    delta = when.utcoffset() if when is not None else None
    return int(delta.total_seconds() // 60) if delta is not None else None


@transaction.atomic
def import_messages(
    *, review: Review, items: list[ImportChoice], by, source: str = "pasted text"
) -> ImportResult:
    """Import the chosen messages as comments of ``review``; all or nothing.

    Each comment records who imported it, when, and ``source`` (the file name, or "pasted
    text"), and the UTC offset its mail was written in.

    Messages already in the review (by Message-ID or fingerprint) are skipped and counted.
    Raises NotAllowed when ``by`` may not import, ValidationError for a clause outside the
    version, an unknown stance or a message with no words of its own.
    """
    if not may_import(by, review):
        raise NotAllowed
    # Serialise imports into one review, so that two at once cannot both add a message.
    list(Review.objects.select_for_update().filter(pk=review.pk).values_list("pk"))

    wanted = {item.clause_id for item in items if item.clause_id is not None}
    clauses = {c.pk: c for c in importable_clauses(review).filter(pk__in=wanted)}
    for n, item in enumerate(items, 1):
        if item.clause_id is not None and item.clause_id not in clauses:
            raise ValidationError(f"Message {n}: that clause is not part of the version under review.")
        if item.stance not in Stance.values:
            raise ValidationError(f"Message {n}: choose a stance.")
        if not item.message.body.strip():
            raise ValidationError(f"Message {n} has no words of its own to import.")

    ids, fingerprints = existing_keys(review)
    now = timezone.now()
    fresh: list[tuple[ImportChoice, str]] = []  # with its fingerprint, a hash of the whole body
    already = 0
    for item in items:
        msg = item.message
        fingerprint = msg.fingerprint
        if is_known(msg, ids, fingerprints, fingerprint):
            already += 1
            continue
        fresh.append((item, fingerprint))
        if message_id_of(msg):
            ids.add(message_id_of(msg))
        fingerprints.add(fingerprint)

    # Oldest first, so that each new thread is dated by its first message and pks follow dates.
    order = sorted(range(len(fresh)), key=lambda k: (_when(fresh[k][0]) or now, k))
    fresh = [fresh[k] for k in order]

    threads = _mail_threads(review, set(clauses) & {i.clause_id for i, _ in fresh if i.clause_id})
    general: Thread | None = None
    touched: dict[int, Thread] = {}
    comments: list[Comment] = []
    for item, fingerprint in fresh:
        msg = item.message
        when = _when(item) or now
        if item.clause_id is None:
            if general is None:
                general = (
                    Thread.objects.filter(review=review, is_general=True).order_by("created_at", "pk").first()
                )
            if general is None:
                general = _new_thread(review=review, clause=None, created_at=when)
            thread = general
        else:
            thread = threads.get(item.clause_id)
            if thread is None:
                thread = _new_thread(review=review, clause=clauses[item.clause_id], created_at=when)
                threads[item.clause_id] = thread
        touched[thread.pk] = thread
        body = truncate_body(msg.body)
        name, email = _author_fields(item)
        comment = Comment(
            thread=thread,
            author=None,
            author_name=name,
            author_email=email,
            body=body,
            body_html=render_markdown(body),
            stance=item.stance,
            created_at=when,
            source=Comment.Source.MAIL,
            message_id=message_id_of(msg),
            mail_fingerprint=fingerprint,
            imported_by=by,
            imported_at=now,
            import_source=source[:200],
            mail_utc_offset=_offset_minutes(_when(item)),
        )
        comment.full_clean(exclude=["thread", "author", "imported_by"])
        comments.append(comment)
    Comment.objects.bulk_create(comments, batch_size=500)
    comments_created.send(sender=Comment, comments=comments)
    return ImportResult(comments=comments, already_there=already, threads=list(touched.values()))


def _new_thread(*, review: Review, clause: Clause | None, created_at: datetime) -> Thread:
    thread = Thread(
        review=review,
        clause=clause,
        started_by=None,
        is_general=clause is None,
        created_at=created_at,
    )
    thread.full_clean(exclude=["review", "clause"])
    thread.save()
    return thread


# --- linking imported authors -------------------------------------------------------------------


@dataclass(frozen=True)
class ImportedAuthor:
    email: str
    name: str
    comments: int
    linked: bool  # every comment from this address is linked to an account


def imported_authors(*, review: Review) -> list[ImportedAuthor]:
    """The addresses of the imported mail in a review, with a count: one query."""
    rows = (
        Comment.objects.filter(thread__review=review, source=Comment.Source.MAIL)
        .exclude(author_email="")
        .values("author_email")
        .annotate(
            n=Count("pk"),
            unlinked=Count("pk", filter=Q(author__isnull=True)),
            name=Max("author_name"),
        )
        .order_by("author_email")
    )
    return [ImportedAuthor(r["author_email"], r["name"] or "", r["n"], r["unlinked"] == 0) for r in rows]


@transaction.atomic
def link_imported_author(*, review: Review | None = None, email: str, user, by) -> int:
    """Attribute the imported mail from ``email`` (in one review, or everywhere) to ``user``.

    Moderators only. Returns the number of comments linked. The comments keep their imported
    name and address, so the link can be checked and undone in the admin.
    """
    if not roles.is_moderator(by):
        raise NotAllowed
    email = email.strip()
    if not email:
        raise ValidationError({"email": "Give the address the messages were sent from."})
    comments = Comment.objects.filter(source=Comment.Source.MAIL, author_email__iexact=email)
    if review is not None:
        comments = comments.filter(thread__review=review)
    reviews = set(comments.values_list("thread__review_id", flat=True))
    count = comments.update(author=user)
    touch(review_ids=reviews)
    if not count:
        raise ValidationError(
            {"email": f"No imported message{' in this review' if review else ''} is from {email}."}
        )
    return count


# --- correcting an imported author or date ------------------------------------------------------


@transaction.atomic
def correct_imported_comment(
    *, comment: Comment, by, author_name: str, author_email: str, created_at: datetime
) -> CommentCorrection:
    """A moderator corrects who wrote an imported comment and when; the history keeps both.

    Raises NotAllowed unless ``by`` may (review.rules.may_correct_import), and ValidationError
    when nothing changes, when neither a name nor an address is left, or for a date in the future.
    The comment stays linked to an account if it was; only the name and address the mail gave
    are corrected.
    """
    if not may_correct_import(by, comment):
        raise NotAllowed
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    name = " ".join(author_name.split())
    email = author_email.strip()
    if not name and not email:
        raise ValidationError({"author_name": "Give a name, an address or both."})
    if created_at.tzinfo is None:
        raise ValidationError({"created_at": "Give the date with its zone."})
    now = timezone.now()
    if created_at > now:
        raise ValidationError({"created_at": "That date is in the future."})
    offset = _offset_minutes(created_at)
    if (name, email, created_at, offset) == (
        comment.author_name,
        comment.author_email,
        comment.created_at,
        comment.mail_utc_offset,
    ):
        raise ValidationError("Nothing changed: correct the name, the address or the date.")
    correction = CommentCorrection(
        comment=comment,
        corrected_by=by,
        corrected_at=now,
        author_name_before=comment.author_name,
        author_email_before=comment.author_email,
        created_at_before=comment.created_at,
        utc_offset_before=comment.mail_utc_offset,
        author_name_after=name,
        author_email_after=email,
        created_at_after=created_at,
        utc_offset_after=offset,
    )
    comment.author_name, comment.author_email = name, email
    comment.created_at, comment.mail_utc_offset = created_at, offset
    comment.corrected_at, comment.corrected_by = now, by
    comment.full_clean(exclude=["thread", "author", "imported_by", "corrected_by", "hidden_by", "deleted_by"])
    correction.full_clean(exclude=["comment", "corrected_by"])
    comment.save(
        update_fields=[
            "author_name", "author_email", "created_at", "mail_utc_offset", "corrected_at", "corrected_by",
        ]
    )  # fmt: skip
    correction.save()
    return correction
