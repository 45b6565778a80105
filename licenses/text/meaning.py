"""Pure secondary links by meaning: rewrites that share almost no words. No Django imports.

Every other rule of the alignment reads word identity. A clause rewritten in other words
(GPL-2.0 2(c) "reads commands interactively ... print or display an announcement" became
GPL-3.0 5(d) "interactive user interfaces, each must display Appropriate Legal Notices")
keeps few words but the same *kind* of words, which the word vectors of
:mod:`licenses.text.embedding` (trained on license texts, offline) can see.

That signal is weak and every license's clauses look alike to it (warranty, copying,
notices), so it is read with three guards that keep it from pairing unrelated leftovers:

- **relative**: a pair's cosine is read as a z-score against each clause's cosines with every
  clause of the other side, linked or not (the lower of the two z-scores must reach
  :data:`MEANING_Z`): the pair must stand out from the whole text, not just clear a level;
- **alone and mutual**: both clauses are in no link at all, each is the other's best among
  the clauses left alone there, and each holds at least :data:`MEANING_WORDS` distinct words
  the vectors know;
- **place**: the two sit between the same aligned neighbours (the pairs still in order,
  :func:`licenses.text.rescue.in_order`).

The links are secondary (``Pair.more_from`` / ``more_into``): they never change a pairing.
"""

from __future__ import annotations

import numpy as np

from licenses.text.embedding import Vectors, load
from licenses.text.matching import Side
from licenses.text.rescue import _bounds, in_order

MEANING_Z = 2.5  # least z-score of a pair's cosine, in its row and in its column
MEANING_WORDS = 6  # clauses with fewer distinct words the vectors know are never linked by meaning
MEANING_ROOM = 3  # each side needs this many clauses with a vector for a z-score to mean anything


def _known(vec: Vectors, words: list[str]) -> int:
    """How many distinct words of a clause the vectors know: a vector read off one or two words
    (a heading, a line of initials) is noise."""
    return len({w for w in words if w in vec.index})


def _zscores(cos: np.ndarray, known_a: np.ndarray, known_b: np.ndarray) -> np.ndarray:
    """For each (i, j): the lower of cos[i, j]'s z-score in row i and in column j."""
    row = cos[:, known_b]
    col = cos[known_a, :]
    z_row = (cos - row.mean(axis=1, keepdims=True)) / (row.std(axis=1, keepdims=True) + 1e-6)
    z_col = (cos - col.mean(axis=0, keepdims=True)) / (col.std(axis=0, keepdims=True) + 1e-6)
    return np.minimum(z_row, z_col)


def by_meaning(
    sa: Side,
    sb: Side,
    pairs: dict[int, tuple[int, float]],
    linked: set[tuple[int, int]],
    vectors: Vectors | None = None,
) -> set[tuple[int, int]]:
    """Links (a i, b j) between clauses in no link that mean alike (see the module docstring).

    ``pairs``: the one-to-one pairing {a i: (b j, similarity)} (each clause of a split or merge
    with the first clause of its other side); ``linked``: every link shown so far.
    """
    vec = load() if vectors is None else vectors
    if vec is None or not vec.words or not len(sa) or not len(sb):
        return set()
    va, vb = vec.clauses(sa.words), vec.clauses(sb.words)
    known_a, known_b = va.any(axis=1), vb.any(axis=1)
    if known_a.sum() < MEANING_ROOM or known_b.sum() < MEANING_ROOM:
        return set()
    busy_a = {i for i, _ in linked}
    busy_b = {j for _, j in linked}
    free_a = [i for i in range(len(sa)) if i not in busy_a and _known(vec, sa.words[i]) >= MEANING_WORDS]
    free_b = [j for j in range(len(sb)) if j not in busy_b and _known(vec, sb.words[j]) >= MEANING_WORDS]
    if not free_a or not free_b:
        return set()
    z = _zscores(va @ vb.T, known_a, known_b)[np.ix_(free_a, free_b)]
    low, high = _bounds(len(sa), in_order(pairs), len(sb))
    lo = np.array([low[i] for i in free_a])[:, None]
    hi = np.array([high[i] for i in free_a])[:, None]
    fb = np.array(free_b)[None, :]
    z = np.where((lo < fb) & (fb < hi), z, -np.inf)
    best_b = z.argmax(axis=1)
    best_a = z.argmax(axis=0)
    out: set[tuple[int, int]] = set()
    for x, y in enumerate(best_b.tolist()):
        if z[x, y] >= MEANING_Z and int(best_a[y]) == x:
            out.add((free_a[x], free_b[y]))
    return out
