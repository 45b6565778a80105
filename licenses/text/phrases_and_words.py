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
from licenses.text.shared_phrases import lone_best, strictly_most

AGREE_PHRASES = 2  # rare phrases shared, strictly the most of the clause's


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
    out = set()
    for i, j, from_a in lone_best(ev, linked, strictly_most, AGREE_PHRASES):
        if _agrees(sa, sb, com, i, j) if from_a else _agrees(sb, sa, com.T, j, i):
            out.add((i, j))
    return out - linked
