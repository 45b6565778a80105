"""Pure secondary links of the alignment: where else a clause's words came from or went. No Django imports.

The alignment pairs clauses one to one (plus two-clause splits and merges). A rewrite often
does more: one old clause feeds several new ones (a definition split into a term and its
items, a grant split into copyright and patent halves), or a sentence of an old clause
moves into a new clause that already has its own counterpart. Those links are shown beside
the pairs, as "also drawn from" / "its words also went into" notes; they never change
which clauses pair. Two general signs, neither tied to any license's wording:

- **containment**: most of a clause's content words appear, in order, in one clause of the
  other side, clearly more than in any other clause there (:func:`contained`);
- **place**: after the pairs are made, a clause left alone between two aligned neighbours,
  facing one clause left alone between their counterparts, is what the rewrite did with
  that place; the two link when they share a fair part of their words (:func:`in_gaps`).

Each sign has a guard against the obvious false friend: a contained clause must be
the clear best match (:data:`CONTAIN_MARGIN`), its shared words must form one passage of the
other clause rather than common words scattered through a long one (:func:`passage`), a
line repeated on its own side (boilerplate closing several lists) or a clause of fewer than
:data:`CONTAIN_WORDS` content words is never traced, and two clauses that both have
counterparts of their own are parallel wording, not a move.

Cost: numpy over the content-word LCS matrix the first pass already computed, plus a
Python loop over the clauses of each gap (the gaps partition the texts, so it is linear).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from rapidfuzz.distance import Indel

from licenses.text.matching import Side
from licenses.text.rescue import _bounds

CONTAIN_MIN = 0.6  # share of a clause's content words found, in order, in one clause of the other side
CONTAIN_WORDS = 6  # clauses with fewer content words are never traced by containment alone
CONTAIN_MARGIN = 0.2  # the best clause must beat the second best by this share
SPAN = 2.0  # the shared words must lie within this many times the contained clause's length
GAP_MIN = 0.3  # share of either lone leftover's words found, in order, in the other
GAP_WORDS = 4  # leftovers with fewer content words are never traced by place
GAP_ROOM = 1  # a stretch with more leftovers than this on either side is a rewrite too loose to read


def _best(share: np.ndarray) -> int | None:
    """The index holding clearly the largest share, or None."""
    if not len(share):
        return None
    top = int(np.argmax(share))
    second = float(np.partition(share, -2)[-2]) if len(share) > 1 else 0.0
    if share[top] >= CONTAIN_MIN and share[top] - second >= CONTAIN_MARGIN:
        return top
    return None


def passage(part: list[str], whole: list[str]) -> bool:
    """Whether the words ``part`` shares with ``whole`` form one passage of ``whole``.

    The shared words, in order, must lie within :data:`SPAN` times the length of ``part``: a
    sentence carried over, not the same common words scattered through a long clause.
    """
    blocks = [b for b in Indel.editops(part, whole).as_matching_blocks() if b.size]
    if not blocks:
        return False
    span = blocks[-1].b + blocks[-1].size - blocks[0].b
    return span <= SPAN * len(part)


def _unique(side: Side) -> np.ndarray:
    """unique[k]: no other clause of the side has the same folded text."""
    count = Counter(side.key)
    return np.array([count[k] == 1 for k in side.key], dtype=bool)


def contained(
    sa: Side, sb: Side, com: np.ndarray, paired_a: set[int] = frozenset(), paired_b: set[int] = frozenset()
) -> set[tuple[int, int]]:
    """(a i, b j) where most of one clause's words sit, in order, in the other (clear best).

    Two clauses that each have a counterpart of their own (``paired_a``, ``paired_b``) are
    not linked: parallel wording ("the Initial Developer grants ..." beside "each Contributor
    grants ...") makes them look alike without any words having moved between them.
    """
    la = np.array([len(w) for w in sa.words], dtype=np.float64)
    lb = np.array([len(w) for w in sb.words], dtype=np.float64)
    out: set[tuple[int, int]] = set()
    if not len(la) or not len(lb):
        return out
    # a line repeated on its side ("make other arrangements with the holder" closing two
    # lists) is boilerplate, not a passage that went somewhere
    ok_a = _unique(sa) & (la >= CONTAIN_WORDS)
    ok_b = _unique(sb) & (lb >= CONTAIN_WORDS)
    for j in np.nonzero(ok_b)[0].tolist():
        i = _best(com[:, j] / lb[j])
        if i is not None and not (i in paired_a and j in paired_b) and passage(sb.words[j], sa.words[i]):
            out.add((i, j))
    for i in np.nonzero(ok_a)[0].tolist():
        j = _best(com[i, :] / la[i])
        if j is not None and not (i in paired_a and j in paired_b) and passage(sa.words[i], sb.words[j]):
            out.add((i, j))
    return out


def in_gaps(sa: Side, sb: Side, com: np.ndarray, pairs: dict[int, int], linked: set[tuple[int, int]]):
    """(a i, b j) for the lone leftovers between the same two aligned neighbours, when they share words.

    ``pairs`` is the one-to-one alignment {a i: b j} (a split or merge counts by its first
    clause); ``linked`` the links already shown. A clause counts as left over when it is in
    no link at all and has at least :data:`GAP_WORDS` content words. Where a stretch between
    aligned neighbours holds one leftover on each side (:data:`GAP_ROOM`), the two are what
    the rewrite did with that place: they link when either holds at least :data:`GAP_MIN` of
    its words in the other, in order.
    """
    busy_a = {i for i, _ in linked} | set(pairs)
    busy_b = {j for _, j in linked} | set(pairs.values())
    low, high = _bounds(len(sa), {i: (j, 0.0) for i, j in pairs.items()}, len(sb))
    stretch: dict[tuple[int, int], list[int]] = {}
    for i in range(len(sa)):
        if i not in busy_a and len(sa.words[i]) >= GAP_WORDS:
            stretch.setdefault((low[i], high[i]), []).append(i)
    out: set[tuple[int, int]] = set()
    for (lo, hi), free_a in stretch.items():
        if len(free_a) > GAP_ROOM:
            continue
        free_b = []
        for j in range(lo + 1, hi):
            if j not in busy_b and len(sb.words[j]) >= GAP_WORDS:
                free_b.append(j)
                if len(free_b) > GAP_ROOM:
                    break
        if not free_b or len(free_b) > GAP_ROOM:
            continue
        block = com[np.ix_(free_a, free_b)].astype(np.float64)
        la = np.array([len(sa.words[i]) for i in free_a], dtype=np.float64)
        lb = np.array([len(sb.words[j]) for j in free_b], dtype=np.float64)
        # each other's best in the stretch, on the share of either clause's words
        share_b = block / lb[None, :]
        share_a = block / la[:, None]
        best_a, best_b = share_b.argmax(axis=0), share_a.argmax(axis=1)
        for y, j in enumerate(free_b):
            x = int(best_a[y])
            if int(best_b[x]) == y and max(share_a[x, y], share_b[x, y]) >= GAP_MIN:
                out.add((free_a[x], j))
    return out


def under_parent(sa: Side, sb: Side, com: np.ndarray, pairs: dict[int, int], linked: set[tuple[int, int]]):
    """(a i, b j) for an item in no link whose parent is paired, traced to the parent's partner.

    A rewrite often turns one clause into a lead-in with items (or folds items back into
    their parent): an item left alone under a paired parent that holds at least
    :data:`GAP_MIN` of its words as one passage of the parent's partner, and not a larger
    share as a passage of any other clause, came from (or went into) that partner.
    """
    busy_a = {i for i, _ in linked} | set(pairs)
    busy_b = {j for _, j in linked} | set(pairs.values())
    back = {j: i for i, j in pairs.items()}
    out: set[tuple[int, int]] = set()
    for this, other, partner, busy, flip in ((sb, sa, back, busy_b, True), (sa, sb, pairs, busy_a, False)):
        for k, seg in enumerate(this.segs):
            n = len(this.words[k])
            if k in busy or n < GAP_WORDS or seg.parent is None or seg.parent not in partner:
                continue
            p = partner[seg.parent]
            row = com[:, k] if flip else com[k, :]
            if row[p] / n < GAP_MIN or not passage(this.words[k], other.words[p]):
                continue
            rivals = [q for q in np.nonzero(row >= row[p])[0].tolist() if q != p]
            if not any(passage(this.words[k], other.words[q]) for q in rivals):
                out.add((p, k) if flip else (k, p))
    return out
