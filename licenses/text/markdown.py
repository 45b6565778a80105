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

import re

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
    """A heading's words without the marks and spaces around them and its emphasis pairs:
    "**Grant.**" -> "Grant.", "Grant of **Rights**" -> "Grant of Rights"."""
    return unemphasised(s.strip()).strip(MARKS).strip()


def titles(marks: str) -> bool:
    """Whether the marks before a number make it a title's: a heading's "#" or emphasis
    ("## 2. Grant", "**2. Grant.**"), a scheme apart from the plain "1." items of a list."""
    marks = marks.strip()
    return marks.startswith("#") or marks.endswith(("**", "__", "*", "_"))


# A pair of emphasis marks on one line around words: "**must**", "__must__", "*every*", "_notice_".
# The opening mark follows no word character and the closing one precedes none (so "model_name"
# and "2 * 3" are no emphasis); words start and end against the marks ("** x **" is none).
# At most 200 characters between them, so a long line of lone marks costs linear time.
_PAIR = re.compile(r"(?<![\w*_\\])(\*\*|__|\*|_)(?=[^\s*_])[^\n]{0,199}?[^\s*_\\]\1(?![\w*_])")


def emphasis_marks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) of every emphasis mark of the pairs in ``text[start:end]``, both marks
    of each pair: what a Markdown text's clause words leave out."""
    out: list[tuple[int, int]] = []
    for m in _PAIR.finditer(text, start, len(text) if end is None else end):
        width = len(m.group(1))
        out += [(m.start(), m.start() + width), (m.end() - width, m.end())]
    return out


def without(text: str, spans, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` less the (start, end) ``spans`` that lie inside it (in any order; one
    that overlaps a span before it is left alone)."""
    end = len(text) if end is None else end
    parts, pos = [], start
    for a, b in sorted(spans):
        if a < pos or b > end:
            continue
        parts.append(text[pos:a])
        pos = b
    parts.append(text[pos:end])
    return "".join(parts)


def unemphasised(s: str) -> str:
    """``s`` without the marks of its emphasis pairs: "Grant of **Rights**" -> "Grant of Rights"."""
    if "*" not in s and "_" not in s:
        return s
    return without(s, emphasis_marks(s))
