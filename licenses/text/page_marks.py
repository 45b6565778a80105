"""Page marks a PDF leaves in copied text ("Page 2 of 9", "- 3 -", "3/9"). Pure.

A license copied out of a PDF carries a page mark on a line of its own wherever a page broke,
often in the middle of a sentence. Stored, each would sit in some clause's text: shown there,
compared as words the clause gained ("changed"), quoted by reviewers.
"""

from __future__ import annotations

import re

# "Page 2 of 9", "- 3 -", "3/9": a page mark left by a PDF, never a heading
_MARK = r"[Pp][Aa][Gg][Ee][ \t]+\d{1,4}(?:[ \t]*(?:[Oo][Ff]|/)[ \t]*\d{1,4})?|[-–—][ \t]*\d{1,4}[ \t]*[-–—]|\d{1,4}[ \t]*/[ \t]*\d{1,4}"
PAGE_MARK = re.compile(_MARK)
_LINE = re.compile(r"^[ \t\f]*(?:" + _MARK + r")[ \t\f]*(?:\n|\Z)", re.M)
MIN_MARKS = 2  # one such line may be the text's own; a PDF leaves one per page


def drop_page_marks(text: str) -> tuple[str, int]:
    """``text`` without the lines that hold only a page mark, and how many went; unchanged
    (and 0) when fewer than :data:`MIN_MARKS` lines are page marks. A mark between two lines of
    one paragraph goes with its line break, so the paragraph reads on; one between paragraphs
    leaves their blank line."""
    marks = list(_LINE.finditer(text))
    if len(marks) < MIN_MARKS:
        return text, 0
    out, at = [], 0
    for m in marks:
        out.append(text[at : m.start()])
        at = m.end()
    out.append(text[at:])
    return "".join(out), len(marks)
