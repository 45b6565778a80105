"""Pure secondary links of the alignment: a clause in no link whose rare phrases and words agree on one clause. No Django imports.

A rewrite that splits one clause in two pairs one half with it and leaves the other half alone:
an old "Availability of Source Code" (an executable comes with its source; the source goes
only under this license) pairs with the new "the source must also be made available" item,
and the new "Distribution of Source Form" (the source goes only under this license) is left in
no link. :func:`licenses.text.shared_phrases.phrase_links` wants three rare phrases for such a
clause, as two stock phrases turn up in unrelated clauses of long texts; word similarity alone
finds look-alikes. When the two signs agree, the clause was drawn from there.

:func:`agreeing_links` links a clause in no link at all with a clause of the other side when
that clause shares at least :data:`AGREE_PHRASES` rare phrases with it (:class:`licenses.text.
rescue.Evidence`), strictly more than any other, and is also its best match on content words,
clearing the pairing threshold (:func:`licenses.text.matching.threshold`).
"""

from __future__ import annotations

import numpy as np

from licenses.text.matching import Side, threshold
from licenses.text.rescue import Evidence

AGREE_PHRASES = 2  # rare phrases shared, strictly the most of the clause's


def _best(counts: list[tuple[int, int]]) -> int | None:
    counts = sorted(counts, reverse=True)
    n, k = counts[0]
    if n >= AGREE_PHRASES and (len(counts) == 1 or counts[1][0] < n):
        return k
    return None


def _agrees(this: Side, other: Side, com: np.ndarray, k: int, o: int) -> bool:
    """``o`` is clause ``k``'s best match on content words (``com`` read this -> other), above the threshold."""
    n = len(this.words[k])
    lo = np.array([len(w) for w in other.words], dtype=np.float64)
    sims = 2 * com[k].astype(np.float64) / np.maximum(n + lo, 1)
    top = float(sims.max())
    return (
        bool(n) and sims[o] == top and int((sims == top).sum()) == 1 and top >= threshold(min(n, int(lo[o])))
    )


def agreeing_links(
    sa: Side, sb: Side, com: np.ndarray, ev: Evidence, linked: set[tuple[int, int]]
) -> set[tuple[int, int]]:
    """(a i, b j) for a clause in no link and the clause its rare phrases and its words both point to."""
    busy_a = {i for i, _ in linked}
    busy_b = {j for _, j in linked}
    of_a: dict[int, list[tuple[int, int]]] = {}
    of_b: dict[int, list[tuple[int, int]]] = {}
    for (i, j), n in ev.phrases.items():
        of_a.setdefault(i, []).append((n, j))
        of_b.setdefault(j, []).append((n, i))
    out = set()
    for i, counts in of_a.items():
        j = _best(counts) if i not in busy_a else None
        if j is not None and _agrees(sa, sb, com, i, j):
            out.add((i, j))
    for j, counts in of_b.items():
        i = _best(counts) if j not in busy_b else None
        if i is not None and _agrees(sb, sa, com.T, j, i):
            out.add((i, j))
    return out - linked
