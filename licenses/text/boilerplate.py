"""Pure guard of the alignment: a moved pair held together only by boilerplate. No Django imports.

A license repeats its stock phrases: "provided that you do at least one of the following" leads
in two lists, "subject to the terms and conditions of this License" opens several grants. Two
clauses that share such a phrase and little else clear the pairing threshold on the phrase
alone; where the pair also runs against the order of the pairs around it (a move), nothing
else speaks for it. A word counts as boilerplate when it lies in a run of :data:`SHINGLE` words
that another clause of the same side also holds; a pair that crosses another pair, and whose
content words outside the boilerplate of either side no longer clear the pairing threshold
(:func:`licenses.text.matching.threshold`), is undone. A pair with strong evidence (shared rare
phrases, a defined term, a heading: :class:`licenses.text.rescue.Evidence`) stays.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from licenses.text.matching import Side, lcs, threshold
from licenses.text.redline import content_of
from licenses.text.rescue import SHINGLE, Evidence, _crossings


def unshared_words(tokens: list[str], held: Counter) -> list[str]:
    """The content words of a clause (its ``tokens``) outside every run of :data:`SHINGLE` words
    that another clause of its side also holds (``held``: how many clauses hold each run, see
    :class:`licenses.text.rescue.Evidence`)."""
    mask = [False] * len(tokens)
    for k in range(len(tokens) - SHINGLE + 1):
        if held[tuple(tokens[k : k + SHINGLE])] > 1:
            mask[k : k + SHINGLE] = [True] * SHINGLE
    return content_of([t for t, m in zip(tokens, mask, strict=True) if not m])


def drop_boilerplate_moves(
    sa: Side, sb: Side, match: dict[int, tuple[int, float]], ev: Evidence, keep: set[int]
) -> dict[int, tuple[int, float]]:
    """``match`` without the pairs that cross another pair and share little beyond boilerplate."""
    if len(match) < 2:
        return dict(match)
    ii = np.array(list(match))
    jj = np.array([j for j, _ in match.values()])
    crossing = _crossings(ii, jj).any(axis=1)
    if not crossing.any():
        return dict(match)
    out = dict(match)
    for x in np.nonzero(crossing)[0].tolist():
        i = int(ii[x])
        j, s = match[i]
        if i in keep or ev.strong(i, j, s):
            continue
        wa, wb = unshared_words(sa.tokens[i], ev.held_a), unshared_words(sb.tokens[j], ev.held_b)
        if (len(wa), len(wb)) == (len(sa.words[i]), len(sb.words[j])):
            continue  # no boilerplate on either side: the similarity already spoke
        # the threshold the pair had to clear (the boilerplate set aside makes no clause shorter)
        n = min(len(sa.words[i]), len(sb.words[j]))
        if not wa or not wb or 2 * lcs(wa, wb) / (len(wa) + len(wb)) < threshold(n):
            del out[i]
    return out
