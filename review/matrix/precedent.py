"""Precedent: positions reviewers took, in other reviews, on clauses worded like this one.

"In the review of CC-BY-NC-4.0, 3 reviewers found §2(a)(1)(A) conflicts with OSD 6; this
clause's wording is 85 % similar." Precedent is a suggestion to read, never a position: it is
shown beside the cell, with its source, a link and a redline, and counts in no tally.

Only reviews the user may read are consulted (public ones; every review for moderators; their
own for the people who opened them: the rule of ``review.selectors.review_for``). Positions are
few beside clauses, so the clauses that have positions are compared with the clause in hand,
rather than the catalogue searched: one query (the positions counted per clause, criterion and
verdict, with the clauses' words and license), at most ``MAX_CANDIDATES`` clauses (the most recently argued), whatever the
size of the catalogue. The wording measure is ``licenses.text.similarity`` (pure).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.urls import reverse

from accounts import roles
from licenses.models import Clause, Criterion, License, LicenseVersion
from licenses.text.redline import redline
from licenses.text.similarity import most_similar, most_similar_many, percent
from review.matrix.verdicts import LABELS, VERDICTS, Tally
from review.models import Position, Review

#: Wording at least this alike counts as precedent (Indel similarity over content words).
THRESHOLD = 0.7
#: At most this many precedents per cell.
LIMIT = 3
#: The clauses with positions compared, most recently argued first.
MAX_CANDIDATES = 5000


def readable_reviews(user) -> Q:
    """Reviews ``user`` may read, as a filter on Position (the rule of ``review_for``)."""
    if user is not None and user.is_authenticated:
        if roles.is_moderator(user):
            return Q()
        return Q(review__is_public=True) | Q(review__opened_by=user)
    return Q(review__is_public=True)


@dataclass
class Precedent:
    review_id: int
    clause: Clause  # the clause the positions were taken on, with its version and license
    criterion: Criterion
    tally: Tally
    score: float
    this_text: str = ""  # the clause in hand, for the redline

    @property
    def percent(self) -> int:
        return percent(self.score)

    @property
    def reviewers(self) -> int:
        return self.tally.total

    @property
    def finding(self) -> str:
        """ "3 reviewers found §2(a)(1)(A) conflicts with OSD 6" (or "… were split: …")."""
        t = self.tally
        counts = [(v, t.count(v)) for v in VERDICTS if t.count(v)]
        who = f"{t.total} reviewer{'s' if t.total != 1 else ''}"
        where = self.where
        if len(counts) == 1:
            verdict = counts[0][0]
            found = {
                "conflicts": "conflicts with",
                "concern": "raises a concern under",
                "complies": "complies with",
                "not_applicable": "is not applicable to",
            }[verdict]
            return f"{who} found {where} {found} {self.criterion.short_label}"
        split = ", ".join(f"{n} {LABELS[v]}" for v, n in counts)
        return f"{who} were split on {where} against {self.criterion.short_label}: {split}"

    @property
    def where(self) -> str:
        """ "§2.2(b)", but "Section 2(a)(1)(A)" as printed, and "the preamble" for an unnumbered one."""
        path = self.clause.path
        if not path:
            return "a clause"
        return path if path[:1].isalpha() else f"§{path}"

    @property
    def source(self) -> str:
        return self.clause.version.title

    @property
    def review_url(self) -> str:
        return reverse("review:cell", args=[self.review_id, self.clause.pk, self.criterion.pk])

    @property
    def redline(self) -> list[tuple[str, str]]:
        """From the precedent's wording to this clause's: what this clause adds or drops."""
        return redline(self.clause.text, self.this_text)


@dataclass
class _Candidates:
    rows: dict[int, dict] = field(default_factory=dict)  # clause id -> the first row about it
    # clause id -> [(review id, criterion id, verdict counts)]
    findings: dict[int, list[tuple[int, int, dict[str, int]]]] = field(default_factory=dict)


_CLAUSE_FIELDS = {
    "clause__path": "path",
    "clause__anchor": "anchor",
    "clause__label": "label",
    "clause__heading": "heading",
    "clause__text": "text",
}


def _clause(row: dict) -> Clause:
    """The clause of a row, with its version and license, built without another query."""
    license = License(slug=row["clause__version__license__slug"], name=row["clause__version__license__name"])
    version = LicenseVersion(label=row["clause__version__label"], license=license)
    clause = Clause(pk=row["clause_id"], **{attr: row[key] for key, attr in _CLAUSE_FIELDS.items()})
    clause.version = version
    return clause


def _candidates(*, criterion_ids: Iterable[int], user, exclude_review_id: int) -> _Candidates:
    """The clauses with positions on these criteria in other readable reviews: one query.

    The database counts the positions per review, clause, criterion and verdict, and the rows
    carry the clause's words and its license, so the count of queries never depends on the data.
    """
    rows = (
        Position.objects.filter(readable_reviews(user), criterion_id__in=list(criterion_ids))
        .exclude(review_id=exclude_review_id)
        .values(
            "review_id",
            "clause_id",
            "criterion_id",
            "verdict",
            *_CLAUSE_FIELDS,
            "clause__version__label",
            "clause__version__license__slug",
            "clause__version__license__name",
        )
        .annotate(n=Count("id"), last=Max("updated_at"))
        .order_by("-last", "clause_id")[: MAX_CANDIDATES * 4]
    )
    out = _Candidates()
    for row in rows:
        clause_id = row["clause_id"]
        if clause_id not in out.rows:
            if len(out.rows) >= MAX_CANDIDATES:
                continue
            out.rows[clause_id] = row
        cells = out.findings.setdefault(clause_id, [])
        key = (row["review_id"], row["criterion_id"])
        counts = next((c for r, k, c in cells if (r, k) == key), None)
        if counts is None:
            counts = {}
            cells.append((*key, counts))
        counts[row["verdict"]] = row["n"]
    return out


def _tally(counts: dict[str, int]) -> Tally:
    return Tally(**{v: counts.get(v, 0) for v in VERDICTS})


def precedents_for(review: Review, clause: Clause, criterion: Criterion, *, user=None) -> list[Precedent]:
    """Up to LIMIT precedents for one cell, most alike first: one query."""
    found = _candidates(criterion_ids=[criterion.pk], user=user, exclude_review_id=review.pk)
    if not found.rows:
        return []
    matches = most_similar(
        clause.text,
        [(pk, row["clause__text"]) for pk, row in found.rows.items() if pk != clause.pk],
        threshold=THRESHOLD,
        limit=LIMIT,
    )
    out = []
    for m in matches:
        other = _clause(found.rows[m.key])  # model objects only for what is shown
        for review_id, _criterion_id, counts in found.findings[m.key]:
            out.append(Precedent(review_id, other, criterion, _tally(counts), m.score, clause.text))
    out.sort(key=lambda p: (-p.score, -p.reviewers))
    return out[:LIMIT]


def precedent_cells(review: Review, clauses: list[Clause], criteria: list[Criterion], *, user=None) -> set:
    """(clause id, criterion id) of the matrix cells that have precedent elsewhere: one query.

    Each clause of the review is compared once with every candidate clause, whatever the
    number of criteria; a cell is marked when a clause alike has positions on its criterion.
    """
    by_id = {c.pk: c for c in criteria}
    found = _candidates(criterion_ids=by_id, user=user, exclude_review_id=review.pk)
    if not found.rows:
        return set()
    candidates = [(pk, row["clause__text"]) for pk, row in found.rows.items()]
    marked = set()
    matches = most_similar_many([c.text for c in clauses], candidates, threshold=THRESHOLD, limit=LIMIT)
    for clause, found_here in zip(clauses, matches, strict=True):
        for m in found_here:
            if m.key == clause.pk:
                continue
            for _review_id, criterion_id, _counts in found.findings[m.key]:
                marked.add((clause.pk, criterion_id))
    return marked
