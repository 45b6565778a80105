"""Review summary exports: Markdown, HTML, JSON and CSV.

Pure: no Django at all. The dataclasses and JSON live in ``data``, Markdown in ``markdown``,
HTML in ``html_doc`` and the CSV matrix in ``csv_matrix``; this package is the one to import.
``summary`` (which reads the ORM) and ``views`` are imported by name, never from here.
"""

from __future__ import annotations

from review.exports.csv_matrix import CSV_COLUMNS, neutralise_cell, to_csv
from review.exports.data import (
    KINDS,
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
from review.exports.html_doc import to_html
from review.exports.markdown import to_markdown, to_text
from review.matrix.verdicts import Tally, disagreement, tally, worst

__all__ = [
    "KINDS",
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
    "to_text",
    "worst",
]
