"""Pure address spaces for the segmenter: parts that restart their numbering. No Django imports.

A text can hold more than one run of numbering: ``PART A`` / ``PART B``, a ``Schedule``, an
``Exhibit``, or a second document (LGPL-3.0 followed by the GPL-3.0 it builds on). When a
top-level number would repeat a path already used, the clauses from there on get their own
address space: their paths start with the part's slug (``part-b/1``), taken from the part
heading, or else from the title of the second document (``gnu-general-public-license/0``).
If the earlier run also stood under a part heading (``PART A``), it is prefixed too, so both
parts read alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from licenses.text.addresses import in_space, slug, split_space
from licenses.text.assembly import Draft
from licenses.text.headings import APPENDIX, is_heading_text
from licenses.text.lines import TERMINAL
from licenses.text.numbering import Reading, is_first

# "PART B. DOWNLOADING AGREEMENT", "Exhibit A - Form of Notice", "SCHEDULE 2", "Appendix:".
# The name must end the line or be followed by punctuation: "Part C of this Agreement" is prose.
PART = re.compile(
    r"(?P<name>(?:PART|Part|SCHEDULE|Schedule|EXHIBIT|Exhibit|APPENDIX|Appendix|ANNEX|Annex|ADDENDUM|Addendum"
    r"|ATTACHMENT|Attachment)(?:[ \t]+(?:[A-Z]|[IVX]{1,5}|\d{1,3})\b)?)[ \t]*(?:[.:–—-]|$)"
)
TITLE_WORDS = re.compile(r"(?i)\b(?:license|licence|agreement|terms|lizenz|licencia|licenza)\b")


def part_name(line: str) -> str:
    """``"PART B. DOWNLOADING"`` -> ``"part-b"``; ``""`` when the line is no part heading."""
    m = PART.match(line.strip().strip("*_#").strip())
    return slug(m.group("name")) if m else ""


def title_slug(candidates: list[str]) -> str:
    """A prefix for a second document from the short lines that stand before its clauses:
    the first that names a license or agreement, else the first of them."""
    named = [c for c in candidates if TITLE_WORDS.search(c)]
    pick = (named or candidates or [""])[0]
    return short_slug(pick) if pick else ""  # "" lets Spaces.open number the part


def short_slug(title: str) -> str:
    """At most four words and 30 characters: ``"BeOpen.com License Agreement for Python 2.0"``
    -> ``"beopen-com-license-agreement"``."""
    if not any(c.isascii() and c.isalnum() for c in title):
        return ""  # "条款结束": no letters for a slug; the caller numbers the part instead
    words = slug(title, limit=200).split("-")
    out = words[0][:30]
    for w in words[1:4]:
        if len(out) + 1 + len(w) > 30:
            break
        out = f"{out}-{w}"
    return out or "part"


@dataclass
class Spaces:
    """Which address space the segmenter is in, and the paths used in it."""

    prefix: str = ""
    part: str = ""  # the part heading read most recently ("part-b"), "" before any
    space_part: str = ""  # the part heading the current space's first clause stood under
    start: int = 0  # index of the current space's first draft
    used: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)

    def top_level(self, local: str, draft_index: int) -> bool:
        """Record a top-level path; True when it repeats one, so a new space must open."""
        path = in_space(self.prefix, local)
        if not self.used:
            self.space_part, self.start = self.part, draft_index
        return path in self.used

    def open(self, draft_index: int, fallback: str) -> tuple[str, str]:
        """Open a new space at ``draft_index``: (new prefix, prefix for the earlier run or "")."""
        earlier = (
            self.space_part if not self.prefix and self.space_part and self.space_part != self.part else ""
        )
        base = self.part if self.part and self.part != self.space_part else fallback
        base = base or f"part-{len(self.prefixes) + 2}"
        prefix, n = base, 1
        while prefix in self.prefixes or prefix == earlier:
            n += 1
            prefix = f"{base}-{n}"
        self.prefixes.add(prefix)
        if earlier:
            self.prefixes.add(earlier)
        self.prefix, self.space_part, self.start, self.used = prefix, self.part, draft_index, set()
        return prefix, earlier

    def add(self, path: str) -> None:
        self.used.add(path)


class PartHeadings:
    """A mixin of :class:`licenses.text.segmentation._Segmenter`: part headings and the address
    space a top-level number goes to (it reads the segmenter's lines, drafts and ``spaces``)."""

    def _part_heading(self, i: int) -> str:
        """The slug of a part heading ("PART B.", "Schedule 2") that starts line ``i``, or ""."""
        ln = self.lines[i]
        if ln.end - ln.body > 120 or i and not (self.lines[i - 1].blank or self.accepted[i - 1]):
            prev = self.lines[i - 1] if i else None
            if prev is None or not TERMINAL.search(self.text[prev.start : prev.end].rstrip()):
                return ""
        return part_name(self.text[ln.body : ln.end])

    def _top_level_path(self, i: int, local: str, reading: Reading) -> str:
        """``local`` in the current address space, opening a new one when numbering restarts."""
        spaces = self.spaces
        restarts = reading.style[0] == "num" and is_first(reading) and not self._after_colon(i)
        if spaces.top_level(local, len(self.drafts)) and restarts:  # "Permitted uses:" 1. 2. is a list
            old_start = spaces.start
            title, title_line = self._title_before(i)
            by_part = bool(spaces.part) and spaces.part != spaces.space_part
            prefix, earlier = spaces.open(len(self.drafts), title)
            for d in self.drafts[old_start:] if earlier else ():
                if d.label and not split_space(d.path)[0]:
                    d.path = in_space(earlier, d.path)
            first = self.part_line + 1 if by_part else title_line  # "Schedule 1" itself stays "schedule-1"
            for d in self.drafts:
                if not d.label and d.line >= first and d.line != title_line and not split_space(d.path)[0]:
                    d.path = in_space(prefix, d.path)
            named = next((d for d in self.drafts if d.line == title_line), None)
            if by_part or title_line >= i:
                pass
            elif named is None:
                self._insert_title(title_line, prefix)
            elif not named.label and not APPENDIX.match(named.heading):
                named.path = in_space(prefix, "preamble")  # the second document's title opens it
        return in_space(spaces.prefix, local)

    def _insert_title(self, line: int, prefix: str) -> None:
        """The second document's title block starts a segment of its own, not the last clause's tail.

        Safe to insert in the middle: the drafts after ``line`` are unnumbered and the stack is empty.
        """
        ln = self.lines[line]
        title = self.text[ln.body : ln.end].strip().strip("*_#").strip()
        at = next((k for k, d in enumerate(self.drafts) if d.line > line), len(self.drafts))
        for d in self.drafts[at:]:
            if d.parent is not None and d.parent >= at:
                d.parent += 1
        self.drafts.insert(
            at, Draft(line, "", in_space(prefix, "preamble"), 0, None, heading=title, body=ln.end)
        )
        self.accepted[line] = True
        self.spaces.start += 1

    def _title_before(self, i: int) -> tuple[str, int]:
        """A title for a second document: short heading-like lines since the last clause."""
        found: list[tuple[str, int]] = [
            (d.heading, d.line)
            for d in self.drafts
            if not d.label and d.line > self.last_numbered and d.heading
        ]
        for j in range(self.last_numbered + 1, i):
            ln = self.lines[j]
            line = self.text[ln.body : ln.end].strip()
            if (
                not ln.blank
                and len(line) < 100
                and (self.lines[j - 1].blank or j == 0)
                and is_heading_text(line)
            ):
                found.append((line, j))
        found.sort(key=lambda f: f[1])
        pick = title_slug([f for f, _ in found])
        line = next((j for f, j in found if short_slug(f) == pick), i)
        return pick, line
