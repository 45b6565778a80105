"""Pure secondary links inside aligned sections: rewrites paired within their scope. No Django imports.

A rewrite that keeps a section but rewords its items leaves them with too few words in
common to clear any threshold over the whole text: CC-BY 3.0 §7(b) "the license granted here
is perpetual ... Licensor reserves the right to release the Work under different license
terms or to stop distributing the Work at any time" and 4.0 Section 6(d) "the Licensor may
also offer the Licensed Material under separate terms or conditions or stop distributing the
Licensed Material at any time" share a few rare words and little else. Read against every
clause of the other text, such a pair is noise; read inside its section, where the two
sections are already aligned (7 "Termination" with Section 6 "Term and Termination"), it is
the clear best. So:

- **scope**: two clauses can only link here when an ancestor of one (its parent, or the
  parent's parent, ...) is linked with an ancestor of the other;
- **alone**: both clauses are in no link at all, and each has at least :data:`SCOPE_WORDS`
  distinct content words;
- **clear best**: within the scope, their IDF-weighted bag-of-words cosine (IDF over the
  clauses of both texts, so words that every clause uses count for nothing) reaches
  :data:`SCOPE_MIN` and beats every other pairing of either clause in that scope by
  :data:`SCOPE_MARGIN`.

A clause's best inside its scope can still lose that partner's column to a clause with a
better partner of its own; :func:`by_regret` then reads the items of two linked clauses as one
assignment, and links a pair of the best one when doing without it costs :data:`REGRET_MARGIN`
(one more assignment per pair, in scopes of at most :data:`REGRET_CELLS` free pairs).

The links are secondary (``Pair.more_from`` / ``more_into``): they never change a pairing.
Cost: one TF-IDF matrix of the free clauses some scope reads and their cosines (no more cells
than the first pass's matrix of every clause against every clause); a scope of more than
:data:`SCOPE_CELLS` free pairs is skipped.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import chain

import numpy as np
from scipy import sparse
from scipy.optimize import linear_sum_assignment

from licenses.text.matching import Side

SCOPE_MIN = 0.15  # least IDF cosine of a pair linked inside its scope
SCOPE_MARGIN = 0.07  # ... and by how much it must beat each clause's next best in the scope
SCOPE_WORDS = 6  # clauses with fewer distinct content words are never linked this way
SCOPE_CELLS = 250_000  # a scope of more free pairs than this is too loose to read (and to pay for)
REGRET_MARGIN = 0.1  # total cosine the best assignment of a scope's items loses without a pair
REGRET_CELLS = 2_500  # larger scopes of items are not assigned (one assignment per pair kept)


def _ancestors(side: Side, k: int) -> list[int]:
    out: list[int] = []
    p = side.segs[k].parent
    while p is not None and p not in out:
        out.append(p)
        p = side.segs[p].parent
    return out


def _doc_freq(sa: Side, sb: Side) -> Counter[str]:
    """In how many clauses of both sides each content word occurs."""
    df: Counter[str] = Counter()
    for side in (sa, sb):
        df.update(chain.from_iterable(map(set, side.words)))
    return df


def _tfidf(
    sa: Side, sb: Side, rows_a: list[int], rows_b: list[int], df: Counter[str]
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Unit TF-IDF rows of the given clauses (sparse, one matrix per side); ``df``: document
    frequencies over every clause of both sides (:func:`_doc_freq`)."""
    n = len(sa) + len(sb)
    vocab: dict[str, int] = {}
    idf: list[float] = []
    ids = []
    for side, rows in ((sa, rows_a), (sb, rows_b)):
        for k in rows:
            codes = []
            for w in side.words[k]:
                code = vocab.get(w)
                if code is None:
                    code = vocab[w] = len(idf)
                    idf.append(math.log(n / df[w]))
                codes.append(code)
            ids.append(codes)
    weight = np.array(idf)
    out = []
    for part in (ids[: len(rows_a)], ids[len(rows_a) :]):
        rows = np.repeat(np.arange(len(part)), [len(codes) for codes in part])
        cols = np.fromiter(chain.from_iterable(part), dtype=np.int64, count=len(rows))
        # a word met twice counts twice: the duplicates are summed
        m = sparse.csr_matrix((weight[cols], (rows, cols)), shape=(len(part), len(idf)))
        row_of = np.repeat(np.arange(len(part)), np.diff(m.indptr))
        norm = np.sqrt(np.bincount(row_of, weights=m.data**2, minlength=len(part)))
        m.data /= np.where(norm > 0, norm, 1)[row_of]  # a word in every clause weighs 0
        out.append(m)
    return out[0], out[1]


def _scoped(
    sa: Side, sb: Side, linked: set[tuple[int, int]], *, deep: bool, cells: int, df: Counter[str] | None
) -> list[tuple[list[int], list[int], np.ndarray]]:
    """Each scope's free clauses, a side and b side, and their IDF cosines.

    A scope is a linked pair of clauses; its free clauses are their descendants (``deep``) or
    their children in no link with at least :data:`SCOPE_WORDS` distinct content words. A
    scope of more than ``cells`` free pairs is skipped.
    """
    busy_a = {i for i, _ in linked}
    busy_b = {j for _, j in linked}
    free_a = [i for i in range(len(sa)) if i not in busy_a and len(set(sa.words[i])) >= SCOPE_WORDS]
    free_b = [j for j in range(len(sb)) if j not in busy_b and len(set(sb.words[j])) >= SCOPE_WORDS]
    if not free_a or not free_b:
        return []
    under_a: dict[int, list[int]] = {}
    for x, i in enumerate(free_a):
        for p in _ancestors(sa, i) if deep else [sa.segs[i].parent]:
            under_a.setdefault(p, []).append(x)
    under_b: dict[int, list[int]] = {}
    for y, j in enumerate(free_b):
        for p in _ancestors(sb, j) if deep else [sb.segs[j].parent]:
            under_b.setdefault(p, []).append(y)
    scopes = [
        (under_a[p], under_b[q])
        for p, q in sorted(linked)
        if p in under_a and q in under_b and len(under_a[p]) * len(under_b[q]) <= cells
    ]
    if not scopes:
        return []
    # only the free clauses some scope reads; their cosines once (no more cells than the
    # first pass's own matrix of every clause against every clause)
    used_a = sorted({x for rows, _ in scopes for x in rows})
    used_b = sorted({y for _, cols in scopes for y in cols})
    df = _doc_freq(sa, sb) if df is None else df
    ta, tb = _tfidf(sa, sb, [free_a[x] for x in used_a], [free_b[y] for y in used_b], df)
    cos_all = (ta @ tb.T).toarray()
    at_a = {x: k for k, x in enumerate(used_a)}
    at_b = {y: k for k, y in enumerate(used_b)}
    return [
        (
            [free_a[x] for x in rows],
            [free_b[y] for y in cols],
            cos_all[np.ix_([at_a[x] for x in rows], [at_b[y] for y in cols])],
        )
        for rows, cols in scopes
    ]


def scoped_links(sa: Side, sb: Side, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """:func:`in_scope`, then :func:`by_regret` over the links it adds (one count of the words)."""
    df = _doc_freq(sa, sb)
    first = in_scope(sa, sb, linked, df)
    return first | by_regret(sa, sb, linked | first, df)


def in_scope(
    sa: Side, sb: Side, linked: set[tuple[int, int]], df: Counter[str] | None = None
) -> set[tuple[int, int]]:
    """Links (a i, b j) between clauses in no link, the clear best of each other inside a linked scope.

    ``linked``: every link shown so far (pairs and secondary links); ``df``: the words' document
    frequencies, when the caller has them. See the module docstring.
    """
    out: set[tuple[int, int]] = set()
    for rows, cols, cos in _scoped(sa, sb, linked, deep=True, cells=SCOPE_CELLS, df=df):
        out |= {(rows[r], cols[c]) for r, c in _clear_best(cos)}
    return out


def by_regret(
    sa: Side, sb: Side, linked: set[tuple[int, int]], df: Counter[str] | None = None
) -> set[tuple[int, int]]:
    """Links (a i, b j) between items in no link under two linked clauses, paired by the best
    one-to-one assignment of those items when no other assignment comes near it.

    Run after :func:`in_scope`: a pair can be each side's best inside its scope and still lose
    its column to a clause that has a better partner of its own (GPL-2.0 §2's closing
    paragraph, on aggregates, holds more of 3.0 5(c)'s words than 2(b) does, yet 2(b) →
    5(c) and the closing paragraph → 5's closing one is the clear reading). Inside each
    scope of children (not further descendants; at most :data:`REGRET_CELLS` free pairs), the
    assignment of most total cosine is solved, and each of its pairs that reaches
    :data:`SCOPE_MIN` links when the best assignment without it totals :data:`REGRET_MARGIN`
    less.
    """
    out: set[tuple[int, int]] = set()
    for rows, cols, cos in _scoped(sa, sb, linked, deep=False, cells=REGRET_CELLS, df=df):
        out |= {(rows[r], cols[c]) for r, c in _regret_best(cos)}
    return out


def _regret_best(cos: np.ndarray) -> list[tuple[int, int]]:
    """The pairs of the best assignment that reach :data:`SCOPE_MIN` and cost at least
    :data:`REGRET_MARGIN` of total cosine to do without."""
    rows, cols = linear_sum_assignment(cos, maximize=True)
    total = float(cos[rows, cols].sum())
    out = []
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        if cos[r, c] < SCOPE_MIN:
            continue
        without = cos.copy()
        without[r, c] = -(cos.size + 1.0)  # never chosen while another assignment exists
        rr, cc = linear_sum_assignment(without, maximize=True)
        if total - float(without[rr, cc].sum()) >= REGRET_MARGIN:
            out.append((r, c))
    return out


def _second(m: np.ndarray, axis: int) -> np.ndarray:
    """The second largest value along ``axis`` (-inf where there is only one)."""
    if m.shape[axis] < 2:
        return np.full(m.shape[1 - axis], -np.inf)
    return -np.partition(-m, 1, axis=axis).take(1, axis=axis)


def _clear_best(cos: np.ndarray) -> list[tuple[int, int]]:
    """Cells that reach :data:`SCOPE_MIN` and beat every other cell of their row and of their
    column by :data:`SCOPE_MARGIN`."""
    if not cos.size:
        return []
    best_c = cos.argmax(axis=1)
    best_r = cos.argmax(axis=0)
    row_2, col_2 = _second(cos, 1), _second(cos, 0)
    out = []
    for r, c in enumerate(best_c.tolist()):
        v = cos[r, c]
        if (
            v >= SCOPE_MIN
            and int(best_r[c]) == r
            and v - row_2[r] >= SCOPE_MARGIN
            and v - col_2[c] >= SCOPE_MARGIN
        ):
            out.append((r, c))
    return out
