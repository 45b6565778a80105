"""Review summary exports: Markdown, HTML, JSON and CSV.

Pure: no Django at all. The dataclasses and JSON live in review.export_data, Markdown in
review.export_markdown, HTML in review.export_html; this module is the one to import, and holds
the CSV matrix.
"""

from __future__ import annotations

import csv
import io

from review.export_data import (
    SCHEMA,
    Clause,
    Comment,
    Criterion,
    Decision,
    ExportOptions,
    Position,
    ReviewSummary,
    Thread,
    apply_options,
    from_json,
    to_json,
)
from review.export_html import to_html
from review.export_markdown import to_markdown
from review.verdicts import VERDICTS, Tally, disagreement, tally, worst

__all__ = [
    "SCHEMA",
    "CSV_COLUMNS",
    "Clause",
    "Comment",
    "Criterion",
    "Decision",
    "ExportOptions",
    "Position",
    "ReviewSummary",
    "Tally",
    "Thread",
    "apply_options",
    "disagreement",
    "from_json",
    "neutralise_cell",
    "tally",
    "to_csv",
    "to_html",
    "to_json",
    "to_markdown",
    "worst",
]

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
