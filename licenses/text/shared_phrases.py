"""Pure secondary links of the alignment: a clause in no link and the clause it shares many rare phrases with. No Django imports.

A rewrite that breaks a long clause apart leaves each piece with a few of the clause's words,
too few for a pair once the long clause has paired with another piece: LPPL 1.0's preamble
ends with the example notice and the advice on choosing another license, which LPPL 1.1 gives
sections of their own ("How to Use This License", "Choosing This License or Another License")
while its preamble pairs with 1.0's. Word shares are weak evidence for such a piece, as the
long clause holds many words of everything; whole phrases are not: a five-word phrase that
only one clause of each side holds (:class:`licenses.text.rescue.Evidence`) was carried over.

:func:`phrase_links`: a clause in no link that shares at least :data:`PHRASES` rare phrases
(runs of them, as the second pass counts them) with one clause of the other side, strictly
more than with any other, links with that clause, even when it is linked elsewhere. Two
phrases, the second pass's bar for a pair, are not enough here: the other clause has a
counterpart already, and two stock phrases ("subject to the terms and conditions of this
License") turn up in unrelated clauses of long texts.
"""

from __future__ import annotations

from licenses.text.matching import Side
from licenses.text.rescue import Evidence

PHRASES = 3  # rare phrases a clause in no link must share with its best clause, strictly the most


def strictly_most(counts: list[tuple[int, int]], least: int) -> int | None:
    """The clause sharing strictly the most phrases, when that is at least ``least``, else None."""
    counts = sorted(counts, reverse=True)
    n, k = counts[0]
    if n >= least and (len(counts) == 1 or counts[1][0] < n):
        return k
    return None


def lone_best(ev: Evidence, linked: set[tuple[int, int]], best, least: int):
    """(a i, b j, from_a) for each clause in no link and the clause ``best`` picks among those it
    shares rare phrases with (``best`` reads (phrases, clause) counts; ``least`` phrases at the
    fewest); ``from_a`` says which side's clause is in no link."""
    busy_a = {i for i, _ in linked}
    busy_b = {j for _, j in linked}
    of_a: dict[int, list[tuple[int, int]]] = {}
    of_b: dict[int, list[tuple[int, int]]] = {}
    for (i, j), n in ev.phrases.items():
        of_a.setdefault(i, []).append((n, j))
        of_b.setdefault(j, []).append((n, i))
    for i, counts in of_a.items():
        j = best(counts, least) if i not in busy_a else None
        if j is not None:
            yield i, j, True
    for j, counts in of_b.items():
        i = best(counts, least) if j not in busy_b else None
        if i is not None:
            yield i, j, False


def phrase_links(sa: Side, sb: Side, ev: Evidence, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for a clause in no link and the one clause it shares most rare phrases with."""
    return {(i, j) for i, j, _ in lone_best(ev, linked, strictly_most, PHRASES)} - linked
