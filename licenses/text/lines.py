"""Pure line splitting for the segmenter: text -> lines with their Markdown markers. No Django imports.

Used by :mod:`licenses.text.segmentation`. A line records where its visible text starts, where a
clause label would start (after "#", ">", "**" and similar markers), and whether it is blank
or a Markdown heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from licenses.text.markdown import HEADING, OPEN_EMPHASIS

BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
LEAD = re.compile(
    rf"[\s\ufeff\u200b]*(?P<md>{HEADING}|>[ \t]*|[-*+][ \t]+(?=\S{{1,12}}[.)][ \t]))?(?:{OPEN_EMPHASIS}[ \t]*)?"
)
INVISIBLE = "\ufeff\u200b"
# Invisible characters anywhere on a line do not make it hold text.
DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
# A line that ends a sentence, an item ("; and") or a box ("**"): the next line starts afresh.
TERMINAL = re.compile(r"""(?:[.:;!?)\]"”'’*]|[;,][ \t]*(?:and|or),?|\band/or)$""")


@dataclass(slots=True)
class Line:
    start: int  # first visible character (may be a Markdown marker)
    end: int  # end of the line, without the line break
    body: int  # where the label would start, after markers
    blank: bool
    markdown_heading: bool


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    bounds = [(m.start(), m.end()) for m in BREAK.finditer(text)] + [(len(text), len(text))]
    for line_end, next_pos in bounds:
        content = text[pos:line_end]
        stripped = content.lstrip()
        first = line_end - len(stripped)
        if stripped[:1].isalnum() or stripped[:1] in ("(", "§"):
            out.append(Line(first, line_end, first, False, False))
        else:
            m = LEAD.match(text, pos, line_end)
            blank = not stripped.translate(DROP_INVISIBLE).strip()
            out.append(Line(first, line_end, m.end(), blank, (m.group("md") or "").startswith("#")))
        pos = next_pos
    return out
