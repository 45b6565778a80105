"""Threads follow a license to its next version: open the next review round and carry open threads.

:func:`open_next_round` opens the new :class:`Review` and copies the open threads, each
onto the clause that :mod:`review.rounds.alignment` (pure) finds for it.

Comments are copied to the new thread, and ``Thread.carried_from`` links back. The new
round then reads on its own (review page, matrix, exports and counts need no special
case), while the old round stays an intact record: its threads, comments and edit
histories are never touched. Comment edit histories stay with the originals (the link
back reaches them); edits made after the carry-over belong to their round.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from licenses.compare.links import links_for
from licenses.compare.selectors import segments_from_clauses
from licenses.models import Clause, LicenseVersion
from review.models import Comment, Review, Thread
from review.rounds.alignment import Target, align_clauses, choose_clause, clause_redline
from review.rules import may_open_next_round
from review.services import NotAllowed

_COPIED_COMMENT_FIELDS = (
    "author_id",
    "author_name",
    "author_email",
    "body",
    "body_html",  # sanitised when first written; copied as is
    "stance",
    "suggested_wording",
    "created_at",
    "edited_at",
    "deleted_at",
    "deleted_by_id",
    "hidden_at",
    "hidden_by_id",
    "hidden_reason",
    "source",
    "message_id",
    "mail_fingerprint",
)


@transaction.atomic
def open_next_round(*, review: Review, new_version: LicenseVersion, by) -> Review:
    """Open a review of ``new_version`` as the next round of ``review`` and carry its open threads.

    - an open thread moves to the aligned clause, with its quote re-anchored there;
      ``outdated`` when the clause text changed, ``quote_missing`` when its quote is gone;
    - when the old clause's words went into several new clauses (a split, or the secondary
      links of the comparison), a quoted thread goes to the one holding its quote;
    - a thread whose clause was removed follows where its words went (a secondary link),
      else is kept as an orphan (``clause=None``, ``orphaned``); links a steward removed
      on the compare page are never followed;
    - general threads stay general; resolved threads stay behind with the old round.
    """
    if not may_open_next_round(by, review):
        raise NotAllowed
    if new_version.license_id != review.version.license_id:
        raise ValidationError("The next round must review a version of the same license.")
    if new_version.pk == review.version_id:
        raise ValidationError("Choose another version: this round already reviews this one.")
    if Review.objects.filter(previous_round=review, version=new_version).exists():
        raise ValidationError(f"A next round of this review already covers version {new_version.label}.")

    new_review = Review(
        version=new_version,
        criterion_set_id=review.criterion_set_id,
        opened_by=by,
        previous_round=review,
        is_public=review.is_public,
        rationale=review.rationale,
        similar_licenses=review.similar_licenses,
        legal_review=review.legal_review,
        projects=review.projects,
    )
    new_review.full_clean()
    new_review.save()

    old_clauses = list(Clause.objects.filter(version_id=review.version_id).order_by("ordinal"))
    new_clauses = list(Clause.objects.filter(version=new_version).order_by("ordinal"))
    hand = links_for(review.version, new_version)  # the compare page's hand links, followed here too
    targets = align_clauses(
        segments_from_clauses(old_clauses),
        segments_from_clauses(new_clauses),
        links=hand.links,
        unlinks=hand.unlinks,
    )
    old_by_id = {c.pk: c for c in old_clauses}
    new_by_anchor = {c.anchor: c for c in new_clauses}
    new_texts = {c.anchor: c.text for c in new_clauses}

    threads = list(review.threads.open().order_by("created_at", "pk"))
    carried: list[tuple[Thread, Thread]] = []
    for old in threads:
        new = _carry(old, new_review, old_by_id, new_by_anchor, targets, new_texts)
        # foreign keys are ours or copied from a valid row; skip their one-query-each checks
        new.full_clean(exclude=["review", "clause", "carried_from", "criterion", "started_by", "resolved_by"])
        carried.append((old, new))
    Thread.objects.bulk_create([new for _, new in carried])

    new_of = {old.pk: new for old, new in carried}
    copies = [
        Comment(thread=new_of[c.thread_id], **{f: getattr(c, f) for f in _COPIED_COMMENT_FIELDS})
        for c in Comment.objects.filter(thread__in=[old.pk for old in threads]).order_by("created_at", "pk")
    ]
    Comment.objects.bulk_create(copies)
    return new_review


def _carry(
    old: Thread,
    new_review: Review,
    old_by_id: dict[int, Clause],
    new_by_anchor: dict[str, Clause],
    targets: dict[str, Target],
    new_texts: dict[str, str],
) -> Thread:
    new = Thread(
        review=new_review,
        clause=None,
        quote_exact=old.quote_exact,
        quote_prefix=old.quote_prefix,
        quote_suffix=old.quote_suffix,
        criterion_id=old.criterion_id,
        status=Thread.Status.OPEN,
        started_by_id=old.started_by_id,
        created_at=old.created_at,
        carried_from=old,
        outdated=old.outdated,
        orphaned=old.orphaned,
        quote_missing=old.quote_missing,
        is_general=old.is_general,
    )
    old_clause = old_by_id.get(old.clause_id) if old.clause_id else None
    if old_clause is None:  # a general thread, or one already orphaned: stays as it is
        return new
    target = targets.get(old_clause.anchor)
    # the quote decides between the pair, the halves of a split and the secondary links;
    # otherwise the pair, and a clause with no pair follows its first link
    landing = (
        choose_clause(target, new_texts, old.quote_exact, old.quote_prefix, old.quote_suffix)
        if target is not None
        else None
    )
    if landing is None:
        new.orphaned = True
        new.quote_missing = bool(old.quote_exact)
        return new
    clause = new_by_anchor[landing.anchor]
    # a clause reached by a link is another clause: what the thread spoke of was rewritten
    new.outdated = old.outdated or target.changed or landing.via == "link"
    if old.quote_exact:
        found = landing.quote
        if found is not None:
            new.quote_exact, new.quote_prefix, new.quote_suffix = found.exact, found.prefix, found.suffix
            new.quote_start, new.quote_end = found.start, found.end
            new.quote_missing = False
        else:
            new.quote_missing = True
    new.clause = clause
    return new


# --- reads for the templates --------------------------------------------------------------------


def orphaned_threads(review: Review) -> list[Thread]:
    """Orphans of this round, with the clause each was on in the previous version (one query)."""
    return list(
        review.threads.filter(orphaned=True)
        .select_related("carried_from__clause", "carried_from__review__version__license")
        .order_by("created_at", "pk")
    )


def attach_redlines(threads: list[Thread]) -> None:
    """Set ``thread.carryover_redline`` (old clause -> new clause) on outdated carried threads,
    and ``thread.carryover_from`` (the old clause's path) when the thread moved to a clause
    with another path (a move, a split half, a secondary link).

    One query for all of them; ``templates/review/_carryover_badges.html`` shows both.
    """
    wanted = [t for t in threads if t.outdated and t.carried_from_id and t.clause_id]
    if not wanted:
        return
    old = {
        pk: (text, path)
        for pk, text, path in Thread.objects.filter(pk__in=[t.carried_from_id for t in wanted])
        .exclude(clause=None)
        .values_list("pk", "clause__text", "clause__path")
    }
    for t in wanted:
        if t.carried_from_id in old:
            text, path = old[t.carried_from_id]
            t.carryover_redline = clause_redline(text, t.clause.text)
            if path != t.clause.path:
                t.carryover_from = path
