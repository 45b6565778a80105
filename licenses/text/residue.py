"""Pure secondary links of the alignment: where the words a pair left over went. No Django imports.

A clause often keeps most of its text in its counterpart and hands a sentence or two to
another clause: a closing notice about the license itself moves out of the last section into
a new one of its own, a proviso joins the next clause. The pair is right, and the leftover
words say where the rest went.

:func:`leftovers`: for each pair (one clause with one), the content words of either clause
outside the longest common subsequence with its partner are its leftover. A leftover of at
least :data:`LEFT_WORDS` words links its clause with the clause of the other side, other than
the partner, that holds at least :data:`LEFT_MIN` of it, as one passage
(:func:`licenses.text.fanout.passage`), and clearly more than any other clause
(:data:`LEFT_MARGIN`). When that clause has a partner of its own that holds the leftover
about as well, the words are parallel wording (two grants alike), not a move, and nothing links.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist

from licenses.text.fanout import passage
from licenses.text.matching import Side, lcs

LEFT_WORDS = 8  # least content words left over by a pair
LEFT_MIN = 0.5  # share of the leftover one clause of the other side must hold, in order
LEFT_MARGIN = 0.2  # the best clause must beat the second best by this share


def leftover(x: list[str], y: list[str]) -> list[str]:
    """The words of ``x`` outside one longest common subsequence with ``y``, in order."""
    kept = set()
    for block in Indel.editops(x, y).as_matching_blocks():
        kept.update(range(block.a, block.a + block.size))
    return [w for k, w in enumerate(x) if k not in kept]


def leftovers(
    sa: Side, sb: Side, com: np.ndarray, pairs: dict[int, int], linked: set[tuple[int, int]]
) -> set[tuple[int, int]]:
    """(a i, b j) for a clause of a pair and the clause of the other side that holds what it left over."""
    back = {j: i for i, j in pairs.items()}
    out: set[tuple[int, int]] = set()
    for this, other, mine, mate, flip in ((sa, sb, pairs, back, False), (sb, sa, back, pairs, True)):
        # mine: this side's clause -> its partner; mate: the other side's clause -> its partner
        rows = []
        for k, partner in sorted(mine.items()):
            kept = com[partner, k] if flip else com[k, partner]
            if len(this.words[k]) - kept < LEFT_WORDS:  # the leftover's length, known already
                continue
            rest = leftover(this.words[k], other.words[partner])
            if len(rest) >= LEFT_WORDS:
                rows.append((k, partner, rest))
        if not rows or not len(other):
            continue
        # the leftover's words found, in order, in every clause of the other side (one C call)
        dist = cdist([r for _, _, r in rows], other.words, scorer=Indel.distance, dtype=np.int64)
        lo = np.array([len(w) for w in other.words], dtype=np.int64)
        for x, (k, partner, rest) in enumerate(rows):
            share = (len(rest) + lo - dist[x]) / 2 / len(rest)
            share[partner] = -1.0
            o = int(share.argmax())
            second = float(np.partition(share, -2)[-2]) if len(share) > 1 else 0.0
            best = float(share[o])
            if best < LEFT_MIN or best - second < LEFT_MARGIN or not passage(rest, other.words[o]):
                continue
            # parallel wording: the clause's own partner holds the leftover about as well
            p = mate.get(o)
            if p is not None and lcs(rest, this.words[p]) / len(rest) > best - LEFT_MARGIN:
                continue
            out.add((o, k) if flip else (k, o))
    return {x for x in out if x not in linked}
