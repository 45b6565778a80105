"""Markdown marks around clause numbers, headings and defined terms. No Django imports.

Licenses for models and data are often published as Markdown (LICENSE.md, model cards):
``## 1. Definitions``, ``**2. Grant.** Subject to …``, ``**3.** Notices.``,
``- **"Output"** means …``. The marks are part of the original text (every offset keeps them)
but not of a clause's number, heading or defined term. This module holds the patterns the
segmenter reads them with, so :mod:`licenses.text.lines` (marks before a label),
:mod:`licenses.text.numbering` (a mark right after a label), :mod:`licenses.text.headings`
(an inline heading in emphasis) and :mod:`licenses.text.assembly` (a defined term in emphasis)
share one reading of them.
"""

from __future__ import annotations

# "# " to "###### " at a line's start: a heading.
HEADING = r"#{1,6}[ \t]+"
# Emphasis that opens before a number, a heading or a term: "**", "__", or a single "*" / "_"
# right against the word ("*1.*"), so that a "* " bullet and a "___" rule are not read as one.
OPEN_EMPHASIS = r"(?:\*\*|__|[*_](?=[\w(§\"“‘'«]))"
# Emphasis that closes right after a number or a heading ("**1.** Definitions", "**Grant.** You"),
# followed by a space or the line's end.
CLOSE_EMPHASIS = r"(?:\*\*|__|[*_])(?=[ \t]|$)"
# Characters stripped from the ends of a heading's words.
MARKS = "*_#"


def unmark(s: str) -> str:
    """A heading's words without the marks and spaces around them: "**Grant.**" -> "Grant."."""
    return s.strip().strip(MARKS).strip()


def titles(marks: str) -> bool:
    """Whether the marks before a number make it a title's: a heading's "#" or emphasis
    ("## 2. Grant", "**2. Grant.**"), a scheme apart from the plain "1." items of a list."""
    marks = marks.strip()
    return marks.startswith("#") or marks.endswith(("**", "__", "*", "_"))
