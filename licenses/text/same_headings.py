"""Pure secondary links of the alignment: the one clause of each side under one heading. No Django imports.

A license rewritten from another, or a new version that reorders a section, often keeps the
run-in headings of its clauses while it renumbers them and rewrites their bodies: MPL 1.1's
"3.2. Availability of Source Code." and "3.5. Required Notices." are CDDL 1.0's 3.1 and 3.3,
whose bodies share a quarter of their words at most. The first pass pairs by words and by
position, so such a clause may be left alone, or paired with the neighbour that took over
its number, while the heading says plainly where it went.

:func:`heading_links` links two clauses whose headings are the same (folded, the stop that
ends a heading set aside) when that heading names exactly one clause on each side, holds at
least :data:`HEADING_WORDS` content words ("Definitions" or "Termination" alone is read by the
topic and term rules), and at least one of the two clauses is in no link yet: two clauses
that both have counterparts were already placed by their words, and a heading shared by
both says no more than they do.
"""

from __future__ import annotations

from collections import Counter

from licenses.text.matching import Side
from licenses.text.redline import content_words

HEADING_WORDS = 2  # least content words of a heading that names a clause on its own


def _key(heading: str) -> str:
    """A heading as compared: folded already; words only (the closing stop, dashes set aside)."""
    return " ".join(w for w in heading.replace("-", " ").split() if any(c.isalnum() for c in w)).strip(" .:;")


def _unique(side: Side) -> dict[str, int]:
    """{heading: clause} for each heading of enough content words that names one clause of the side."""
    keys = [_key(h) for h in side.heading]
    count = Counter(keys)
    return {
        k: i for i, k in enumerate(keys) if k and count[k] == 1 and len(content_words(k)) >= HEADING_WORDS
    }


def heading_links(sa: Side, sb: Side, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for the one clause of each side under the same heading, one of them in no link."""
    busy_a = {i for i, _ in linked}
    busy_b = {j for _, j in linked}
    where_b = _unique(sb)
    out = set()
    for h, i in _unique(sa).items():
        j = where_b.get(h)
        if j is not None and (i not in busy_a or j not in busy_b):
            out.add((i, j))
    return out - linked
