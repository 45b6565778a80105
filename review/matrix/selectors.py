"""The clause × criterion matrix: one read in a fixed number of queries.

``matrix`` costs four queries whatever the size of the review: criteria, clauses, the
positions counted per cell and verdict (the database does the counting), and the threads
counted per cell. Hints are worked out in Python from the clause text, and cached per text.

Everything a cell shows (class, symbols, the screen-reader label, its URL) is worked out here
once, so that the template does little per cell: a 200 × 10 matrix is 2,000 cells.

One cell (``cell_detail``) and one criterion (``criterion_page``) are in review.matrix.cells.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Count
from django.urls import reverse

from licenses.models import Clause, Criterion
from licenses.text.hints import Hint, Terms, defined_terms, hints
from licenses.text.hints.terms import NO_TERMS
from review.matrix.verdicts import LABELS, SYMBOLS, VERDICTS, Tally, tally_symbols
from review.models import Position, Review, Thread


@lru_cache(maxsize=64)
def version_terms(text: str) -> Terms:
    """The derived-work, distribution and source terms a license text defines (cached per text)."""
    return defined_terms([text])


@lru_cache(maxsize=4096)
def _hints(text: str, heading: str, terms: Terms) -> dict[tuple[str, int], Hint]:
    """(criterion set slug, number) -> the keyword hint the wording rules give the clause."""
    found: dict[tuple[str, int], Hint] = {}
    for hint in hints(text, heading, terms=terms):
        found.setdefault(hint.key, hint)
    return found


def hints_for(clause: Clause, set_slug: str, terms: Terms = NO_TERMS) -> dict[int, Hint]:
    """Criterion number -> keyword hint, for the criteria of one set (a hint is never a position)."""
    return {
        number: hint
        for (slug, number), hint in _hints(clause.text, clause.heading, terms).items()
        if slug == set_slug
    }


class TallyMarks:
    """How anything carrying a ``tally`` is drawn: its symbols and its colour class."""

    tally: Tally

    @property
    def symbols(self) -> str:
        return tally_symbols(self.tally)

    @property
    def css(self) -> str:
        return f"v-{self.tally.worst or 'none'}"


def verdict_label(verdict: str | None) -> str:
    return LABELS.get(verdict or "", "no positions")


@dataclass
class Column:
    criterion: Criterion
    label: str  # "OSD 6"

    @property
    def key(self) -> str:
        return self.criterion.key

    @property
    def title(self) -> str:
        return self.criterion.title


@dataclass
class Cell:
    url: str
    dom_id: str
    tally: Tally
    threads: int = 0
    hint: str | None = None  # what the keyword hint says, when the rules suggest this criterion
    css: str = "v-none"
    symbols: str = ""
    disagreement: bool = False
    sr: str = "no positions"  # what a screen reader (and the hover title) says
    precedent: bool = False  # a clause worded alike has positions on this criterion elsewhere

    def mark_precedent(self) -> None:
        self.precedent = True
        self.sr += "; precedent in another review (a suggestion, not a position)"

    @property
    def worst(self) -> str | None:
        return self.tally.worst


def make_cell(url: str, clause_id: int, criterion_id: int, t: Tally, *, hint=None, threads: int = 0) -> Cell:
    total = t.total
    worst = t.worst
    disagreement = t.disagreement
    if total:
        sr = ", ".join(f"{t.count(v)} {LABELS[v]}" for v in VERDICTS if t.count(v))
        symbols = tally_symbols(t)
    else:
        sr, symbols = "no positions", ""
    if disagreement:
        sr += "; reviewers disagree"
    if threads:
        sr += f"; {threads} thread{'s' if threads != 1 else ''}"
    if hint is not None:
        sr += f"; hint ({hint})" if hint else "; hint: the wording may touch this criterion"
    return Cell(
        url=url,
        dom_id=f"cell-{clause_id}-{criterion_id}",
        tally=t,
        threads=threads,
        hint=hint,
        css=f"v-{worst or 'none'}",
        symbols=symbols,
        disagreement=disagreement,
        sr=sr,
    )


@dataclass
class Row:
    clause: Clause
    cells: list[Cell]
    parent_id: int | None
    has_children: bool = False
    positions: int = 0

    @property
    def short_text(self) -> str:
        """The heading, else the start of the text: what the narrow clause column shows."""
        text = " ".join((self.clause.heading or self.clause.text)[:80].split())
        return text if len(text) < 60 else text[:58].rstrip() + "…"

    @property
    def depth(self) -> int:
        return self.clause.depth


@dataclass
class ColumnSummary:
    column: Column
    tally: Tally
    conflict_clauses: int = 0
    concern_clauses: int = 0
    disagreements: int = 0

    @property
    def worst(self) -> str | None:
        return self.tally.worst

    @property
    def worst_label(self) -> str:
        return verdict_label(self.worst)

    @property
    def css(self) -> str:
        return f"v-{self.worst or 'none'}"

    @property
    def symbol(self) -> str:
        return SYMBOLS.get(self.worst or "", "")


@dataclass
class Matrix:
    review: Review
    columns: list[Column]  # shown
    criteria: list[Column]  # all of the set, for the filter
    rows: list[Row]
    summary: list[ColumnSummary]
    only_with_positions: bool = False
    criterion_key: str | None = None
    total_clauses: int = 0
    total_positions: int = 0


def columns_of(review: Review) -> list[Column]:
    short = review.criterion_set.short_name
    return [Column(c, c.label_in(short)) for c in review.criterion_set.criteria.order_by("number")]


def cell_url_maker(review: Review):
    # One reverse() for the whole table instead of one per cell.
    probe = reverse("review:cell", args=[review.pk, 1, 2])
    head, tail = probe.rsplit("/1/2/", 1)
    return lambda clause_id, criterion_id: f"{head}/{clause_id}/{criterion_id}/{tail}"


def clauses_of(review: Review) -> list[Clause]:
    clauses = list(
        Clause.objects.filter(version_id=review.version_id)
        .only(
            "id", "version_id", "parent_id", "ordinal", "label", "path", "anchor", "heading", "text", "depth"
        )
        .order_by("ordinal")
    )
    for clause in clauses:  # permalinks without a query per clause
        clause.version = review.version
    return clauses


def matrix(review: Review, *, only_with_positions: bool = False, criterion_key: str | None = None) -> Matrix:
    """The matrix of ``review``: four queries, whatever its size.

    ``criterion_key`` narrows the columns to one criterion (an unknown key is ignored);
    ``only_with_positions`` keeps the rows with at least one position in the shown columns.
    """
    columns = criteria = columns_of(review)
    if criterion_key and any(c.key == criterion_key for c in columns):
        columns = [c for c in columns if c.key == criterion_key]
    else:
        criterion_key = None
    clauses = clauses_of(review)

    counts: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
    per_cell = (
        Position.objects.filter(review=review)
        .values_list("clause_id", "criterion_id", "verdict")
        .annotate(n=Count("id"))
        .order_by()
    )
    for clause_id, criterion_id, verdict, n in per_cell:
        counts[(clause_id, criterion_id)][verdict] = n
    thread_counts = {
        (clause_id, criterion_id): n
        for clause_id, criterion_id, n in Thread.objects.filter(
            review=review, clause__isnull=False, criterion__isnull=False
        )
        .values_list("clause_id", "criterion_id")
        .annotate(n=Count("id"))
        .order_by()
    }

    cell_url = cell_url_maker(review)
    set_slug = review.criterion_set.slug
    terms = version_terms(review.version.text)
    empty = Tally()
    summaries = {c.criterion.pk: ColumnSummary(c, Tally()) for c in columns}
    rows: list[Row] = []
    total_positions = 0
    for clause in clauses:
        found = hints_for(clause, set_slug, terms)
        clause_id = clause.id
        cells = []
        row_positions = 0
        for column in columns:
            crit = column.criterion
            crit_id = crit.id
            by_verdict = counts.get((clause_id, crit_id))
            t = Tally(**by_verdict) if by_verdict else empty
            cell = make_cell(
                cell_url(clause_id, crit_id),
                clause_id,
                crit_id,
                t,
                hint=found[crit.number].label if crit.number in found else None,
                threads=thread_counts.get((clause_id, crit_id), 0),
            )
            if by_verdict:
                row_positions += sum(by_verdict.values())
                s = summaries[crit_id]
                s.tally = s.tally + t
                s.conflict_clauses += cell.css == "v-conflicts"
                s.concern_clauses += cell.css == "v-concern"
                s.disagreements += cell.disagreement
            cells.append(cell)
        total_positions += row_positions
        rows.append(Row(clause=clause, cells=cells, parent_id=clause.parent_id, positions=row_positions))

    if only_with_positions:
        rows = [r for r in rows if r.positions]
    shown = {r.clause.pk for r in rows}
    parents = {r.parent_id for r in rows if r.parent_id in shown}
    for r in rows:
        r.has_children = r.clause.pk in parents
        if r.parent_id not in shown:
            r.parent_id = None
    return Matrix(
        review=review,
        columns=columns,
        criteria=criteria,
        rows=rows,
        summary=list(summaries.values()),
        only_with_positions=only_with_positions,
        criterion_key=criterion_key,
        total_clauses=len(clauses),
        total_positions=total_positions,
    )
