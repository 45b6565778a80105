"""Reads for one matrix cell and one criterion, each in a fixed number of queries.

``cell_detail`` shows each reviewer's position on one clause against one criterion, the
threads on that clause, and precedent from other reviews (review.matrix.precedent; four queries). ``criterion_page`` lists the clauses with positions or
threads on one criterion, and those the wording rules suggest (five queries). The cells they
draw are the matrix's own (review.matrix.selectors), so an in-place update looks like the table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404

from accounts.models import display_name
from licenses.models import Clause, Criterion
from licenses.text.hints import Hint
from review.matrix.precedent import Precedent, precedents_for
from review.matrix.selectors import (
    Cell,
    Column,
    TallyMarks,
    cell_url_maker,
    clauses_of,
    columns_of,
    hints_for,
    make_cell,
    verdict_label,
    version_terms,
)
from review.matrix.verdicts import NEGATIVE, SYMBOLS, VERDICTS, Tally
from review.models import Position, Review, Thread


@dataclass
class PositionView:
    position: Position
    reviewer_name: str
    is_mine: bool = False

    @property
    def verdict_label(self) -> str:
        return verdict_label(self.position.verdict)

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.position.verdict]

    @property
    def css(self) -> str:
        return f"v-{self.position.verdict}"


@dataclass
class ThreadSummary:
    thread: Thread
    comment_count: int
    tagged: bool  # tagged with the criterion in question


@dataclass
class CellDetail(TallyMarks):
    review: Review
    clause: Clause
    column: Column
    tally: Tally
    positions: list[PositionView]
    threads: list[ThreadSummary]
    hint: Hint | None = None  # a keyword match, never a position
    precedents: list[Precedent] = field(default_factory=list)  # other reviews, alike clauses
    mine: Position | None = None

    url: str = ""
    thread_count: int = 0  # threads tagged with this criterion

    @property
    def cell(self) -> Cell:
        """The matrix cell, as the matrix draws it (for an in-place update)."""
        crit = self.column.criterion
        return make_cell(
            self.url,
            self.clause.pk,
            crit.pk,
            self.tally,
            hint=self.hint.label if self.hint else None,
            threads=self.thread_count,
        )


def _position_views(positions, user) -> list[PositionView]:
    user_id = getattr(user, "pk", None)
    return [PositionView(p, display_name(p.reviewer), is_mine=p.reviewer_id == user_id) for p in positions]


def _positions_qs(review: Review):
    return (
        Position.objects.filter(review=review)
        .select_related("reviewer__profile")
        .prefetch_related(
            Prefetch("threads", queryset=Thread.objects.with_opening().select_related("clause", "review"))
        )
        .order_by("updated_at", "pk")
    )


def _thread_summaries(threads, criterion_id: int | None) -> list[ThreadSummary]:
    out = []
    for t in threads:
        out.append(ThreadSummary(t, t.comment_count, t.criterion_id == criterion_id))
    out.sort(key=lambda s: (not s.tagged, s.thread.created_at, s.thread.pk))
    return out


def clause_for(review: Review, clause_id: int) -> Clause:
    try:
        clause = Clause.objects.get(pk=clause_id, version_id=review.version_id)
    except Clause.DoesNotExist:
        raise Http404("No such clause in this review.") from None
    clause.version = review.version
    return clause


def criterion_for(review: Review, *, pk: int | None = None, key: str | None = None) -> Criterion:
    lookup = {"pk": pk} if pk is not None else {"key": key}
    try:
        return Criterion.objects.select_related("set").get(set_id=review.criterion_set_id, **lookup)
    except Criterion.DoesNotExist:
        raise Http404("No such criterion in this review.") from None


def cell_detail(review: Review, clause: Clause, criterion: Criterion, *, user=None) -> CellDetail:
    """Each reviewer's position on one cell, the threads on its clause, and precedent from other
    reviews the user may read: four queries."""
    positions = list(_positions_qs(review).filter(clause=clause, criterion=criterion))
    threads = list(
        Thread.objects.filter(review=review, clause=clause)
        .with_counts()
        .with_opening()
        .select_related("criterion__set", "started_by__profile")
        .order_by("created_at", "pk")
    )
    views = _position_views(positions, user)
    column = Column(criterion, criterion.short_label)
    summaries = _thread_summaries(threads, criterion.pk)
    return CellDetail(
        review=review,
        clause=clause,
        column=column,
        tally=Tally(**_verdict_counts(p.verdict for p in positions)),
        positions=views,
        threads=summaries,
        hint=hints_for(clause, criterion.set.slug, version_terms(review.version.text)).get(criterion.number),
        precedents=precedents_for(review, clause, criterion, user=user),
        mine=next((v.position for v in views if v.is_mine), None),
        url=cell_url_maker(review)(clause.pk, criterion.pk),
        thread_count=sum(1 for t in summaries if t.tagged),
    )


def _verdict_counts(verdicts) -> dict[str, int]:
    counts = dict.fromkeys(VERDICTS, 0)
    for v in verdicts:
        counts[v] += 1
    return counts


@dataclass
class CriterionClause(TallyMarks):
    clause: Clause
    tally: Tally
    positions: list[PositionView] = field(default_factory=list)
    threads: list[ThreadSummary] = field(default_factory=list)
    hint: Hint | None = None
    url: str = ""

    @property
    def flagged(self) -> bool:
        return self.tally.worst in NEGATIVE


@dataclass
class CriterionPage:
    review: Review
    column: Column
    columns: list[Column]
    clauses: list[CriterionClause]  # with positions or threads on this criterion
    hinted: list[CriterionClause]  # suggested by the rules, with nothing said yet
    tally: Tally

    @property
    def flagged(self) -> list[CriterionClause]:
        return [c for c in self.clauses if c.flagged]


def criterion_page(review: Review, key: str, *, user=None) -> CriterionPage:
    """The clauses with positions or threads on one criterion: five queries."""
    columns = columns_of(review)
    column = next((c for c in columns if c.key == key), None)
    if column is None:
        raise Http404("No such criterion in this review.")
    criterion = column.criterion
    clauses = clauses_of(review)
    positions = list(_positions_qs(review).filter(criterion=criterion))
    threads = list(
        Thread.objects.filter(review=review, criterion=criterion, clause__isnull=False)
        .with_counts()
        .with_opening()
        .select_related("criterion__set", "started_by__profile")
        .order_by("created_at", "pk")
    )
    by_clause_positions: dict[int, list[Position]] = defaultdict(list)
    for p in positions:
        by_clause_positions[p.clause_id].append(p)
    by_clause_threads: dict[int, list[Thread]] = defaultdict(list)
    for t in threads:
        by_clause_threads[t.clause_id].append(t)
    cell_url = cell_url_maker(review)
    terms = version_terms(review.version.text)
    active, hinted = [], []
    total = Tally()
    for clause in clauses:
        ps = by_clause_positions.get(clause.pk, [])
        ts = by_clause_threads.get(clause.pk, [])
        t = Tally(**_verdict_counts(p.verdict for p in ps))
        total = total + t
        item = CriterionClause(
            clause=clause,
            tally=t,
            positions=_position_views(ps, user),
            threads=_thread_summaries(ts, criterion.pk),
            hint=hints_for(clause, review.criterion_set.slug, terms).get(criterion.number),
            url=cell_url(clause.pk, criterion.pk),
        )
        if ps or ts:
            active.append(item)
        elif item.hint is not None:
            hinted.append(item)
    return CriterionPage(
        review=review, column=column, columns=columns, clauses=active, hinted=hinted, tally=total
    )
