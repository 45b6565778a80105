"""Who may do what in a review. One home for the rights of the review app.

Each function answers "may this user …?" from the user's roles (:mod:`accounts.roles`, cached
on the user object) and the object's own fields; none costs more than one query. Services call
them before writing and raise ``NotAllowed``; views answer 404 (never 403) when the answer is no.
"""

from __future__ import annotations

from accounts import roles
from review.models import Comment, Review, Thread

#: Reviews that take positions; a decided or withdrawn review is a record and stays as it was.
POSITION_STATUSES = frozenset({Review.Status.OPEN, Review.Status.DEFERRED})


def may_open_review(user, license) -> bool:
    return roles.is_moderator(user) or roles.is_steward_of(user, license)


def may_comment(user, review: Review) -> bool:
    return roles.can_comment(user) and review.status == Review.Status.OPEN


def may_resolve(user, thread: Thread, *, steward: bool | None = None) -> bool:
    """The thread's starter, a steward of the license, or a moderator.

    ``steward`` lets a caller that already knows (the review page) skip a query.
    """
    if not user.is_authenticated:
        return False
    if roles.is_moderator(user) or (thread.started_by_id and thread.started_by_id == user.pk):
        return True
    if steward is None:
        steward = roles.is_steward_of(user, thread.review.version.license)
    return steward


def may_edit(user, comment: Comment) -> bool:
    """Only the author edits, only what they wrote on the site, and only while it is visible."""
    return (
        user.is_authenticated
        and comment.author_id == user.pk
        and comment.source == Comment.Source.WEB
        and not comment.is_deleted
        and not comment.is_hidden
    )


def may_delete(user, comment: Comment) -> bool:
    if comment.is_deleted or not user.is_authenticated:
        return False
    return comment.author_id == user.pk or roles.is_moderator(user)


def may_decide(user) -> bool:
    return roles.is_moderator(user)


def may_import(user, review: Review) -> bool:
    """Moderators only, in any review (archives of decided reviews too): an import writes
    comments in other people's names, so it is a moderator's act. Stewards are not included,
    even for their own licenses: they are a party to the review."""
    return roles.is_moderator(user)


def may_correct_import(user, comment: Comment) -> bool:
    """Moderators correct the author and date of an imported comment that is not deleted: the
    import was a moderator's act, and so is fixing what the mail got wrong."""
    return roles.is_moderator(user) and comment.source == Comment.Source.MAIL and not comment.is_deleted


def may_set_positions(user, review: Review) -> bool:
    return roles.is_reviewer(user) and review.status in POSITION_STATUSES


def may_open_next_round(user, review: Review) -> bool:
    return roles.is_moderator(user) or roles.is_steward_of(user, review.version.license)


def may_read(user, review: Review) -> bool:
    """Public reviews are for everyone; a private one for moderators and its opener
    (the same rule as ``selectors.review_for``). Notifications and feeds ask this per reader."""
    if review.is_public:
        return True
    return bool(user and user.is_authenticated) and (
        roles.is_moderator(user) or review.opened_by_id == user.pk
    )
