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

# "PART B. DOWNLOADING AGREEMENT", "Exhibit A - Form of Notice", "SCHEDULE 2", "Appendix:".
# The name must end the line or be followed by punctuation: "Part C of this Agreement" is prose.
PART = re.compile(
    r"(?P<name>(?:PART|Part|SCHEDULE|Schedule|EXHIBIT|Exhibit|APPENDIX|Appendix|ANNEX|Annex|ADDENDUM|Addendum"
    r"|ATTACHMENT|Attachment)(?:[ \t]+(?:[A-Z]|[IVX]{1,5}|\d{1,3})\b)?)[ \t]*(?:[.:–—-]|$)"
)
_TITLE_WORDS = re.compile(r"(?i)\b(?:license|licence|agreement|terms|lizenz|licencia|licenza)\b")


def part_name(line: str) -> str:
    """``"PART B. DOWNLOADING"`` -> ``"part-b"``; ``""`` when the line is no part heading."""
    m = PART.match(line.strip().strip("*_#").strip())
    return slug(m.group("name")) if m else ""


def title_slug(candidates: list[str]) -> str:
    """A prefix for a second document from the short lines that stand before its clauses:
    the first that names a license or agreement, else the first of them."""
    named = [c for c in candidates if _TITLE_WORDS.search(c)]
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
            self.used = {in_space(earlier, split_space(p)[1]) for p in self.used}
        self.prefix, self.space_part, self.start, self.used = prefix, self.part, draft_index, set()
        return prefix, earlier

    def add(self, path: str) -> None:
        self.used.add(path)
