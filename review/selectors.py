"""Reads for the review pages, each in a fixed number of queries.

``review_page`` loads the clauses, threads, comments and revisions of a review in one query
each and assembles them in Python, so the page costs the same with five commented clauses as
with a hundred.

A clause's heat and quote highlights are in review.clause_marks, the rounds of a license in
review.rounds.selectors, and the list of public reviews in review.listing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import ClassVar

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from accounts import roles
from licenses.models import Clause, Criterion
from licenses.text.comparison import redline
from review.clause_marks import HEAT_LEVELS, Heat, MarkedSpan, heat_for, highlight
from review.matrix.verdicts import DISAGREEMENT_SYMBOL, Tally, tally, tally_symbols
from review.models import Comment, CommentRevision, Position, Review, Stance, Thread
from review.rounds.selectors import Rounds, rounds_for
from review.rounds.services import attach_redlines, orphaned_threads
from review.rules import (
    may_comment,
    may_decide,
    may_delete,
    may_edit,
    may_import,
    may_open_review,
    may_resolve,
)

PRESSING = (Stance.OBJECTION, Stance.CONCERN)

FILTERS = {"all": "All clauses", "open": "With open threads", "resolved": "With resolved threads"}


@dataclass
class Viewer:
    """What the current user may do on this review, worked out once per request."""

    user: object
    is_reviewer: bool = False
    is_moderator: bool = False
    is_steward: bool = False  # of this review's license
    can_comment: bool = False
    can_decide: bool = False
    can_open: bool = False  # open a review of this license
    can_open_next_round: bool = False  # stewards of this license and moderators
    can_import: bool = False  # import mail into this review


def viewer_for(user, review: Review) -> Viewer:
    if not user.is_authenticated:
        return Viewer(user=user)
    license = review.version.license
    steward = roles.is_steward_of(user, license)
    moderator = roles.is_moderator(user)
    return Viewer(
        user=user,
        is_reviewer=roles.is_reviewer(user),
        is_moderator=moderator,
        is_steward=steward,
        can_comment=may_comment(user, review),
        can_decide=may_decide(user),
        can_open=moderator or steward or may_open_review(user, license),
        can_open_next_round=moderator or steward,
        can_import=may_import(user, review),
    )


@dataclass
class CommentView:
    comment: Comment
    revisions: list[CommentRevision] = field(default_factory=list)
    redline: list[tuple[str, str]] = field(default_factory=list)
    can_edit: bool = False
    can_delete: bool = False
    can_moderate: bool = False  # hide / restore


@dataclass
class ThreadView:
    thread: Thread
    comments: list[CommentView]
    can_resolve: bool = False
    can_reply: bool = False
    # On the full page an imported thread starts folded to its first line (mail threads are long);
    # a thread fragment sent after a reply or an edit comes as it was, open.
    starts_folded: bool = False
    # Folded (a big review): ``comments`` holds only the first, and these are counted apart.
    live: int | None = None  # comments not deleted
    pressing: int | None = None  # of those, objections and concerns
    stances: ClassVar[list[tuple[str, str]]] = list(Stance.choices)

    @property
    def comment_count(self) -> int:
        if self.live is not None:
            return self.live
        return sum(1 for c in self.comments if not c.comment.is_deleted)

    @property
    def pressing_count(self) -> int:
        if self.pressing is not None:
            return self.pressing
        return sum(
            c.comment.stance in PRESSING for c in self.comments if not c.comment.is_deleted
        )

    @property
    def is_resolved(self) -> bool:
        return self.thread.status == Thread.Status.RESOLVED

    @property
    def first(self) -> CommentView | None:
        return self.comments[0] if self.comments else None

    @property
    def is_imported(self) -> bool:
        return bool(self.comments) and self.comments[0].comment.source == Comment.Source.MAIL


@dataclass
class ClauseView:
    clause: Clause
    threads: list[ThreadView]
    segments: list[MarkedSpan]
    heat: Heat
    open_count: int = 0
    resolved_count: int = 0
    comment_count: int = 0
    positions: list[CellSummary] = field(default_factory=list)  # per criterion with positions
    stances: ClassVar[list[tuple[str, str]]] = list(Stance.choices)

    @property
    def thread_count(self) -> int:
        return len(self.threads)


@dataclass
class CellSummary:
    """The positions taken on one clause against one criterion, as the review page shows them."""

    criterion: Criterion
    tally: Tally
    url: str  # the matrix cell

    @property
    def symbols(self) -> str:
        marks = tally_symbols(self.tally)
        return f"{marks} {DISAGREEMENT_SYMBOL}" if self.tally.disagreement else marks

    @property
    def css(self) -> str:
        return f"v-{self.tally.worst or 'none'}"


@dataclass
class ReviewPage:
    review: Review
    viewer: Viewer
    clauses: list[ClauseView]  # after the filter
    all_clauses: list[ClauseView]
    general_threads: list[ThreadView]
    criteria: list[Criterion]
    decision_threads: list[Thread]
    filter: str
    totals: dict[str, int]
    rounds: Rounds = field(default_factory=Rounds)
    orphans: list[ThreadView] = field(default_factory=list)  # threads whose clause was removed
    orphan_threads: list[Thread] = field(default_factory=list)  # the same, with their old clause
    stances: list[tuple[str, str]] = field(default_factory=lambda: list(Stance.choices))
    heat_levels: list[Heat] = field(default_factory=lambda: HEAT_LEVELS)
    # A big review: threads come folded to their first line and open on demand (settings
    # REVIEW_INLINE_COMMENTS); ``expanded`` is the one thread shown in full (``?thread=``).
    lazy: bool = False
    expanded: int | None = None
    # On a big review each clause's threads arrive when its list is opened (``?clause=``, or by
    # htmx); these clauses show theirs in the page: the one asked for and the expanded thread's.
    opened_clauses: frozenset[int] = frozenset()
    # Addresses the folded threads repeat, worked out once (``threads`` + id + "/" is a thread's).
    review_path: str = ""
    threads_path: str = ""


def _thread_queryset() -> QuerySet[Thread]:
    return Thread.objects.select_related(
        "criterion__set", "started_by__profile", "resolved_by__profile", "clause"
    )


def _comment_views(
    comments: list[Comment], revisions: list[CommentRevision], viewer: Viewer, clause_text: str
) -> list[CommentView]:
    by_comment: dict[int, list[CommentRevision]] = defaultdict(list)
    for rev in revisions:
        by_comment[rev.comment_id].append(rev)
    user = viewer.user
    views = []
    for c in comments:
        views.append(
            CommentView(
                comment=c,
                revisions=by_comment.get(c.pk, []),
                redline=redline(clause_text, c.suggested_wording)
                if c.suggested_wording and clause_text
                else [],
                can_edit=may_edit(user, c),
                can_delete=may_delete(user, c),
                can_moderate=viewer.is_moderator,
            )
        )
    return views


def _thread_view(thread: Thread, comments, revisions, viewer: Viewer) -> ThreadView:
    clause_text = thread.clause.text if thread.clause_id else ""
    return ThreadView(
        thread=thread,
        comments=_comment_views(comments, revisions, viewer, clause_text),
        can_resolve=viewer.user.is_authenticated
        and may_resolve(viewer.user, thread, steward=viewer.is_steward),
        can_reply=viewer.can_comment,
    )


def public_stamp(pk: int) -> Review | None:
    """A public review's stamp alone (its pk and ``changed_at``), for a visitor's validator and
    kept page: one small query, read before anything it keys. None when not public."""
    return Review.objects.public().only("pk", "changed_at").filter(pk=pk).first()


def review_for(pk: int, user=None) -> Review:
    """A review the user may read (public, or any for moderators and its opener), else 404."""
    try:
        review = Review.objects.select_related(
            "version__license",
            "criterion_set",
            "opened_by__profile",
            "decided_by__profile",
            "previous_round__version__license",
            "family_review__family",
        ).get(pk=pk)
    except Review.DoesNotExist:
        raise Http404("No such review.") from None
    if not review.is_public and not (
        user is not None
        and user.is_authenticated
        and (roles.is_moderator(user) or review.opened_by_id == user.pk)
    ):
        raise Http404("No such review.")
    return review


def _full_comments() -> QuerySet[Comment]:
    return Comment.objects.select_related(
        "author__profile", "hidden_by__profile", "imported_by__profile", "corrected_by__profile"
    ).order_by("created_at", "pk")


def _load(review: Review, *, clause: Clause | None = None):
    """Threads, comments and revisions of the review (or of one clause): three queries."""
    threads = _thread_queryset().filter(review=review)
    comments = _full_comments().filter(thread__review=review)
    revisions = CommentRevision.objects.filter(comment__thread__review=review)
    if clause is not None:
        threads = threads.filter(clause=clause)
        comments = comments.filter(thread__clause=clause)
        revisions = revisions.filter(comment__thread__clause=clause)
    return (
        list(threads.order_by("created_at", "pk")),
        list(comments),
        list(revisions.select_related("editor__profile").order_by("-edited_at", "-pk")),
    )


@dataclass
class CommentCounts:
    """Every comment of a review as a row of four values: what a folded page counts from."""

    live: int  # not deleted, in the whole review
    by_thread: dict[int, tuple[int, int]]  # thread id -> (live, objections and concerns)
    first: dict[int, int]  # thread id -> its first comment's id


def _count_comments(review: Review) -> CommentCounts:
    by_thread: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    first: dict[int, int] = {}
    rows = Comment.objects.filter(thread__review=review).order_by("created_at", "pk")
    for pk, thread_id, stance, deleted_at in rows.values_list("pk", "thread_id", "stance", "deleted_at"):
        first.setdefault(thread_id, pk)
        if deleted_at is None:
            counts = by_thread[thread_id]
            counts[0] += 1
            counts[1] += stance in PRESSING
    return CommentCounts(
        live=sum(c[0] for c in by_thread.values()),
        by_thread={k: (v[0], v[1]) for k, v in by_thread.items()},
        first=first,
    )


def _load_folded(review: Review, counts: CommentCounts, expanded: int | None, listed: set[int]):
    """A big review: the first comment of each ``listed`` thread only (those of the opened
    clauses, and the general and orphaned ones), and the ``expanded`` thread in full (two
    queries, whatever the comments and whether a thread is expanded; ``or [0]`` keeps the
    first when none is listed), so that the page never loads what it folds away."""
    wanted = Q(pk__in=[pk for thread_id, pk in counts.first.items() if thread_id in listed] or [0])
    if expanded:
        wanted |= Q(thread_id=expanded)
    comments = list(_full_comments().filter(wanted, thread__review=review))
    revisions = list(
        CommentRevision.objects.filter(comment__thread_id=expanded or 0, comment__thread__review=review)
        .select_related("editor__profile")
        .order_by("-edited_at", "-pk")
    )
    return comments, revisions


def _assemble(clauses: list[Clause], threads, comments, revisions, viewer: Viewer, counts=None):
    comments_by_thread: dict[int, list[Comment]] = defaultdict(list)
    for c in comments:
        comments_by_thread[c.thread_id].append(c)
    thread_of_comment = {c.pk: c.thread_id for c in comments}
    revisions_by_thread: dict[int, list[CommentRevision]] = defaultdict(list)
    for r in revisions:
        revisions_by_thread[thread_of_comment.get(r.comment_id, 0)].append(r)
    clause_by_id = {c.pk: c for c in clauses}
    threads_by_clause: dict[int | None, list[ThreadView]] = defaultdict(list)
    orphans: list[ThreadView] = []
    for t in threads:
        if t.clause_id in clause_by_id:
            t.clause = clause_by_id[t.clause_id]  # the same object the page shows
        view = _thread_view(t, comments_by_thread[t.pk], revisions_by_thread[t.pk], viewer)
        view.starts_folded = view.is_imported
        if counts is not None:
            view.live, view.pressing = counts.by_thread.get(t.pk, (0, 0))
        if t.orphaned and t.clause_id is None:
            orphans.append(view)
        else:
            threads_by_clause[t.clause_id if t.clause_id in clause_by_id else None].append(view)
    clause_views = [_clause_view(clause, threads_by_clause.get(clause.pk, [])) for clause in clauses]
    return clause_views, threads_by_clause.get(None, []), orphans


def _clause_view(clause: Clause, tviews: list[ThreadView]) -> ClauseView:
    open_views = [tv for tv in tviews if not tv.is_resolved]
    return ClauseView(
        clause=clause,
        threads=tviews,
        segments=highlight(clause.text, [tv.thread for tv in tviews]),
        heat=heat_for(
            thread_count=len(tviews),
            open_comments=sum(tv.comment_count for tv in open_views),
            open_objections=sum(tv.pressing_count for tv in open_views),
        ),
        open_count=len(open_views),
        resolved_count=len(tviews) - len(open_views),
        comment_count=sum(tv.comment_count for tv in tviews),
    )


def criteria_for(review: Review) -> list[Criterion]:
    return list(Criterion.objects.filter(set=review.criterion_set_id).select_related("set"))


def review_page(
    review: Review, *, user, filter: str = "all", expanded: int | None = None, clause: int | None = None
) -> ReviewPage:
    """Everything the review page shows, in a fixed number of queries."""
    if filter not in FILTERS:
        filter = "all"
    viewer = viewer_for(user, review)
    clauses = list(review.version.clauses.order_by("ordinal"))
    counts = _count_comments(review)
    lazy = counts.live > settings.REVIEW_INLINE_COMMENTS
    opened: set[int] = set()
    if lazy:
        threads = list(_thread_queryset().filter(review=review).order_by("created_at", "pk"))
        opened = {clause, *(t.clause_id for t in threads if t.pk == expanded)} - {None}
        on_page = {c.pk for c in clauses} - opened  # these clauses show a count, not their threads
        listed = {t.pk for t in threads if t.clause_id not in on_page}
        comments, revisions = _load_folded(review, counts, expanded, listed)
    else:
        threads, comments, revisions = _load(review)
    attach_redlines(threads)  # one query, only when carried threads are outdated
    criteria = criteria_for(review)
    decision_threads = list(review.decision_threads.select_related("clause").order_by("created_at"))
    clause_views, general, orphans = _assemble(
        clauses, threads, comments, revisions, viewer, counts=counts if lazy else None
    )
    _attach_positions(review, clause_views, criteria)
    if filter == "open":
        shown = [cv for cv in clause_views if cv.open_count]
    elif filter == "resolved":
        shown = [cv for cv in clause_views if cv.resolved_count]
    else:
        shown = clause_views
    totals = {
        "threads": len(threads),
        "open": sum(t.status == Thread.Status.OPEN for t in threads),
        "resolved": sum(t.status == Thread.Status.RESOLVED for t in threads),
        "comments": counts.live,
        "clauses_discussed": sum(1 for cv in clause_views if cv.threads),
    }
    return ReviewPage(
        review=review,
        viewer=viewer,
        clauses=shown,
        all_clauses=clause_views,
        general_threads=general,
        criteria=criteria,
        decision_threads=decision_threads,
        filter=filter,
        totals=totals,
        rounds=rounds_for(review, user=user),
        orphans=orphans,
        # with the clause each was on in the previous version (one query, only when there are some)
        orphan_threads=orphaned_threads(review) if orphans else [],
        lazy=lazy,
        expanded=expanded,
        opened_clauses=frozenset(opened),
        review_path=review.get_absolute_url(),
        threads_path=_prefix("review:thread-detail", review.pk, 1),
    )


def _prefix(name: str, pk: int, ids: int) -> str:
    """The address ``name`` of review ``pk`` up to its ``ids`` trailing ids, each written
    ``<id>/``: one reverse() for a page that names hundreds of threads or cells."""
    return reverse(name, args=[pk, *[0] * ids]).removesuffix("0/" * ids)


def review_head(review: Review, *, user, filter: str = "all", viewer: Viewer | None = None) -> ReviewPage:
    """What the review page shows around its clause list (counts, rounds, decision, the form's
    criteria), for when the list itself comes from review.page_cache: a few small queries."""
    if filter not in FILTERS:
        filter = "all"
    orphans = list(Thread.objects.filter(review=review, orphaned=True, clause__isnull=True).only("pk"))
    return ReviewPage(
        review=review,
        viewer=viewer or viewer_for(user, review),
        clauses=[],
        all_clauses=[],
        general_threads=[],
        criteria=criteria_for(review),
        decision_threads=list(review.decision_threads.select_related("clause").order_by("created_at")),
        filter=filter,
        totals=review_totals(review),
        rounds=rounds_for(review, user=user),
        orphans=orphans,
    )


def _attach_positions(review: Review, clause_views: list[ClauseView], criteria: list[Criterion]) -> None:
    """Set ``cv.positions``: the tally per criterion of the positions on each clause (one query)."""
    verdicts: dict[tuple[int, int], list[str]] = defaultdict(list)
    for clause_id, criterion_id, verdict in Position.objects.filter(review=review).values_list(
        "clause_id", "criterion_id", "verdict"
    ):
        verdicts[clause_id, criterion_id].append(verdict)
    if not verdicts:
        return
    cells = _prefix("review:cell", review.pk, 2)
    for cv in clause_views:
        cv.positions = [
            CellSummary(
                criterion=criterion,
                tally=tally(verdicts[cv.clause.pk, criterion.pk]),
                url=f"{cells}{cv.clause.pk}/{criterion.pk}/",
            )
            for criterion in criteria
            if (cv.clause.pk, criterion.pk) in verdicts
        ]


def clause_block(review: Review, clause: Clause, *, user) -> ClauseView:
    """One clause with its threads, as the review page shows it (after a new thread)."""
    viewer = viewer_for(user, review)
    threads, comments, revisions = _load(review, clause=clause)
    attach_redlines(threads)
    clause_views, _, _ = _assemble([clause], threads, comments, revisions, viewer)
    _attach_positions(review, clause_views, criteria_for(review))
    return clause_views[0]


def thread_view(thread: Thread, *, user) -> ThreadView:
    """One thread as the review page shows it (for htmx swaps): a fixed number of queries."""
    viewer = viewer_for(user, thread.review)
    comments = list(
        thread.comments.select_related(
            "author__profile", "hidden_by__profile", "imported_by__profile", "corrected_by__profile"
        ).order_by("created_at", "pk")
    )
    revisions = list(
        CommentRevision.objects.filter(comment__thread=thread)
        .select_related("editor__profile")
        .order_by("-edited_at", "-pk")
    )
    attach_redlines([thread])
    return _thread_view(thread, comments, revisions, viewer)


def thread_for(review: Review, thread_id: int) -> Thread:
    try:
        thread = _thread_queryset().get(pk=thread_id, review=review)
    except Thread.DoesNotExist:
        raise Http404("No such thread.") from None
    thread.review = review
    return thread


def review_totals(review: Review) -> dict[str, int]:
    """The review page's header counts in two queries (for htmx answers that change a thread);
    the same numbers ``review_page`` counts from what it has loaded."""
    counts = Thread.objects.filter(review=review).aggregate(
        threads=Count("pk"),
        open=Count("pk", filter=Q(status=Thread.Status.OPEN)),
        resolved=Count("pk", filter=Q(status=Thread.Status.RESOLVED)),
        clauses_discussed=Count("clause", distinct=True, filter=Q(clause__version=review.version_id)),
    )
    counts["comments"] = Comment.objects.filter(thread__review=review, deleted_at__isnull=True).count()
    return counts
