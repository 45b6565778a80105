"""The CSV matrix: one row per clause and criterion. Pure."""

from __future__ import annotations

import csv
import io

from review.exports.data import ReviewSummary
from review.matrix.verdicts import VERDICTS, tally

CSV_COLUMNS = (
    "clause_path",
    "clause_anchor",
    "clause_heading",
    "criterion_key",
    "criterion_number",
    *VERDICTS,
    "worst",
    "disagreement",
    "reviewers_verdicts",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """Prefix a quote to text a spreadsheet would read as a formula (CSV injection)."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def to_csv(summary: ReviewSummary) -> str:
    """The matrix: one row per clause and criterion, in clause then criterion order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for clause in summary.clauses:
        for criterion in summary.criteria:
            cell = clause.cell(criterion.key)
            t = tally(p.verdict for p in cell)
            row: list[object] = [clause.path, clause.anchor, clause.heading, criterion.key, criterion.number]
            row += [t.count(v) for v in VERDICTS]
            row += [t.worst or "", "yes" if t.disagreement else "no"]
            row.append("; ".join(f"{p.reviewer}={p.verdict}" for p in cell))
            writer.writerow([neutralise_cell(v) if isinstance(v, str) else v for v in row])
    return out.getvalue()
