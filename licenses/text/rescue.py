"""Pure second pass of the alignment: counterparts the similarity threshold missed. No Django imports.

The first pass (:mod:`licenses.text.matching`) pairs clauses whose content words mostly
agree. A rewritten clause often keeps little of its wording but still shows who it is:

- **rare phrases**: runs of words that occur in one clause only on each side
  (Apache-1.1 §3 and Apache-2.0 4(d) share "if and wherever such third-party
  acknowledgments normally appear");
- **defined terms**: both clauses define the same term ("Licensable" means ...);
- **headings**: both carry the same heading;
- **order**: both sit between the same two aligned neighbours, the only clauses left there.

The same evidence guards the other way: a pair the first pass made *against* the order of
its neighbours ("moved") must either be very similar or show one of the first three signs,
or it is undone, so that "Artistic 1.0 §4 (object code)" does not become "moved" to 2.0's
"(4) modified source".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy as np

from licenses.text.matching import (
    Forbid,
    Side,
    increasing,
    label_key,
    mix_hashes,
    similarity,
    threshold,
    tie,
)

PATH_ALIKE = False
SHINGLE = 5  # words in a rare phrase
PHRASES = 2  # rare phrases two clauses must share to pair on them alone
PHRASES_SIMILAR = (1, 0.2)  # or this many, with this similarity or between the same neighbours
LONG_RUN = 10  # a shared passage of this many words counts as two phrases
MOVE_MIN = 0.5  # least similarity of a moved pair without other evidence ...
MOVE_CROSSINGS = 3  # ... when it crosses at least this many other pairs,
MOVE_PER_CROSSING = 0.01  # plus this much for each pair it crosses (a far move needs more)
MOVE_MAX = 0.9
GAP_FACTOR = 0.5  # between the same neighbours, this share of the usual threshold suffices,
LONE_MIN = 0.12  # (the only two clauses left there: this similarity) when labels or headings agree
MAX_WORDS = 30_000  # content words in all (real license pairs: under 10,000); beyond, no second pass

_DEFINES = re.compile(
    r"^(?:\S+ ){0,3}\" (?P<term>[^\"]{1,80}?) \" (?:\S+ ){0,3}?"
    r"(?:means|mean|shall mean|refers|shall refer|includes|shall include|has the meaning|is defined)\b"
)
_WORD = re.compile(r"\w+")


def defined_term(folded: str) -> str:
    """The term a definition clause defines ("licensable"), from its folded text; "" if none."""
    m = _DEFINES.match(folded)
    return m.group("term") if m else ""


def _windows(words: list[str]) -> list[tuple[str, ...]]:
    """Every run of SHINGLE words, in order."""
    return list(zip(*(words[k:] for k in range(SHINGLE)), strict=False))  # the shorter tails end it


class Evidence:
    """Signs, other than overall similarity, that an a clause and a b clause correspond."""

    def __init__(self, sa: Side, sb: Side) -> None:
        win_a = [_windows(w) for w in sa.tokens]
        sh_a = [set(w) for w in win_a]
        sh_b = [set(_windows(w)) for w in sb.tokens]
        # a phrase is rare when exactly one clause holds it on each side
        count_a: Counter[tuple[str, ...]] = Counter()
        for sh in sh_a:
            count_a.update(sh)
        count_b: Counter[tuple[str, ...]] = Counter()
        for sh in sh_b:
            count_b.update(sh)
        # how many clauses of each side hold each phrase (licenses.text.boilerplate reads them)
        self.held_a, self.held_b = count_a, count_b
        where_b = {s: j for j, sh in enumerate(sh_b) for s in sh if count_b[s] == 1}
        rare = {s for s, n in count_a.items() if n == 1 and s in where_b}
        # Shared rare phrases, counted as runs: one long shared passage is one phrase (two
        # when it is at least LONG_RUN words), not one per overlapping five-word window.
        self.phrases: dict[tuple[int, int], int] = defaultdict(int)
        for i, win in enumerate(win_a):
            if rare.isdisjoint(sh_a[i]):
                continue
            prev_k, prev_j, run = -2, None, 0
            for k, j in [(k, where_b[s]) for k, s in enumerate(win) if s in rare]:
                if j == prev_j and k == prev_k + 1:
                    run += 1
                    if run == LONG_RUN - SHINGLE:
                        self.phrases[(i, j)] += 1
                else:
                    self.phrases[(i, j)] += 1
                    run = 0
                prev_k, prev_j = k, j
        self.term_a = [defined_term(k) for k in sa.key]
        self.term_b = [defined_term(k) for k in sb.key]
        self.heading_a = [" ".join(_WORD.findall(h)) for h in sa.heading]
        self.heading_b = [" ".join(_WORD.findall(h)) for h in sb.heading]
        # the whole path, not the label: every list has an "(a)"
        self.path_a = [label_key(s.path) for s in sa.segs]
        self.path_b = [label_key(s.path) for s in sb.segs]
        # a term or heading is a sign only where it is unique on both sides
        self.unique_a = Counter(self.term_a) + Counter(self.heading_a)
        self.unique_b = Counter(self.term_b) + Counter(self.heading_b)

    def same_term(self, i: int, j: int) -> bool:
        t = self.term_a[i]
        return bool(t) and t == self.term_b[j] and self.unique_a[t] == 1 and self.unique_b[t] == 1

    def same_heading(self, i: int, j: int) -> bool:
        h = self.heading_a[i]
        return bool(h) and h == self.heading_b[j] and self.unique_a[h] == 1 and self.unique_b[h] == 1

    def shares_phrases(self, i: int, j: int, s: float, in_place: bool = False) -> bool:
        n = self.phrases.get((i, j), 0)
        return n >= PHRASES or (n >= PHRASES_SIMILAR[0] and (in_place or s >= PHRASES_SIMILAR[1]))

    def strong(self, i: int, j: int, s: float) -> bool:
        return self.shares_phrases(i, j, s) or self.same_term(i, j) or self.same_heading(i, j)

    def looks_alike(self, i: int, j: int) -> bool:
        """Same number (path), or headings that share a word: enough with order to pair weak matches."""
        if self.path_a[i] and self.path_a[i] == self.path_b[j] and PATH_ALIKE:
            return True
        return bool(set(self.heading_a[i].split()) & set(self.heading_b[j].split()))


def _bounds(n: int, match: dict[int, tuple[int, float]], m: int) -> tuple[list[int], list[int]]:
    """For each a index, the b range its counterpart may take without crossing a pair.

    (i, j) crosses no matched pair iff ``low[i] < j < high[i]``: the largest b index
    paired before i, and the smallest paired after it.
    """
    low, high = [-1] * n, [m] * n
    best = -1
    for i in range(n):
        low[i] = best
        if i in match:
            best = max(best, match[i][0])
    best = m
    for i in range(n - 1, -1, -1):
        high[i] = best
        if i in match:
            best = min(best, match[i][0])
    return low, high


def in_order(match: dict[int, tuple[int, float]]) -> dict[int, tuple[int, float]]:
    """The pairs of one longest run still in their original order on both sides.

    A pair outside it moved (a definition carried from the end of the text to its start): it
    says nothing of where the clauses around it went, and must not cut their stretch between
    aligned neighbours off from its counterparts.
    """
    keys = sorted(match)
    keep = increasing([match[i][0] for i in keys])
    return {keys[p]: match[keys[p]] for p in sorted(keep)}


def _crossings(ii: np.ndarray, jj: np.ndarray) -> np.ndarray:
    """crosses[x, y]: pairs x and y cross (order kept on one side, broken on the other)."""
    return (ii[:, None] - ii[None, :]) * (jj[:, None] - jj[None, :]) < 0


def drop_weak_moves(
    sa: Side, sb: Side, match: dict[int, tuple[int, float]], ev: Evidence, keep: set[int]
) -> dict[int, tuple[int, float]]:
    """Undo pairs against the order of their neighbours that have too little to show for it.

    The weak pair crossing most others goes first, until no weak pair crosses any (the
    same whichever side is old: crossings do not depend on it). The crossing matrix is
    built once and counts are updated as pairs go (linear work per pair undone).
    """
    if not match:
        return dict(match)
    ii = np.array(list(match))
    jj = np.array([j for j, _ in match.values()])
    ss = np.array([s for _, s in match.values()])
    cand = np.array(
        [i not in keep and s < MOVE_MAX and not ev.strong(i, j, s) for i, (j, s) in match.items()]
    )
    if not cand.any():
        return dict(match)
    crosses = _crossings(ii, jj)
    cross = crosses.sum(axis=1)
    ha, hb = sa.hash[ii], sb.hash[jj]
    order_tie = mix_hashes(np.minimum(ha, hb), np.maximum(ha, hb))
    alive = np.ones(len(ii), dtype=bool)
    while True:
        need = np.minimum(MOVE_MIN + MOVE_PER_CROSSING * cross, MOVE_MAX)
        weak = np.nonzero(cand & alive & (cross >= MOVE_CROSSINGS) & (ss < need))[0]
        if not len(weak):
            break
        worst = weak[np.lexsort((order_tie[weak], -cross[weak]))[0]]
        alive[worst] = False
        cross -= crosses[worst]
        crosses[:, worst] = crosses[worst, :] = False
    return {i: match[i] for i, keep_it in zip(ii.tolist(), alive.tolist(), strict=True) if keep_it}


def _candidates(
    sa: Side,
    sb: Side,
    com: np.ndarray,
    now: dict[int, tuple[int, float]],
    ev: Evidence,
    forbid: Forbid,
) -> list[tuple[int, float, float, int, int]]:
    """Ranked candidate pairs among the free clauses: (rank, similarity, tie, i, j).

    rank 3: the same unique defined term or heading; 2: shared rare phrases; between the same
    aligned neighbours and with headings that share a word, 1: at least :data:`GAP_FACTOR` of
    the usual threshold, 0: the only two clauses left there and at least :data:`LONE_MIN`.
    Whole-matrix work is numpy; Python only visits pairs that carry a sign (a term, a heading,
    a phrase or a heading word in common), so the cost stays near-linear for texts without them.
    """
    used_b = {j for j, _ in now.values()}
    free_a = [i for i in range(len(sa)) if i not in now and sa.words[i]]
    free_b = [j for j in range(len(sb)) if j not in used_b and sb.words[j]]
    if not free_a or not free_b:
        return []
    low, high = _bounds(len(sa), now, len(sb))
    fa, fb = np.array(free_a), np.array(free_b)
    la = np.array([len(sa.words[i]) for i in free_a])
    lb = np.array([len(sb.words[j]) for j in free_b])
    lo, hi = np.array(low)[fa], np.array(high)[fa]
    # gap[x, y]: free b clause y sits between the aligned neighbours of free a clause x
    gap = (lo[:, None] < fb[None, :]) & (fb[None, :] < hi[:, None])
    room_a, room_b = gap.sum(axis=1), gap.sum(axis=0)
    pos_a = {i: x for x, i in enumerate(free_a)}
    pos_b = {j: y for y, j in enumerate(free_b)}

    def sim(x: int, y: int) -> float:
        return similarity(sa, sb, com, free_a[x], free_b[y])

    ranked: dict[tuple[int, int], tuple[int, float]] = {}
    # rank 3: a unique term or heading on both sides names at most one partner
    by_sign: dict[str, int] = {}
    for y, j in enumerate(free_b):
        for sign in (ev.term_b[j], ev.heading_b[j]):
            if sign:
                by_sign.setdefault(sign, y)
    for x, i in enumerate(free_a):
        for sign in (ev.term_a[i], ev.heading_a[i]):
            y = by_sign.get(sign) if sign else None
            if y is not None and (ev.same_term(i, free_b[y]) or ev.same_heading(i, free_b[y])):
                ranked[(x, y)] = (3, sim(x, y))
    # rank 2: shared rare phrases (only the pairs that hold one)
    for (i, j), _n in ev.phrases.items():
        x, y = pos_a.get(i), pos_b.get(j)
        if x is None or y is None or (x, y) in ranked:
            continue
        s = sim(x, y)
        if ev.shares_phrases(i, j, s, bool(gap[x, y])):
            ranked[(x, y)] = (2, s)
    # ranks 1 and 0: place, with headings that share a word
    by_word: dict[str, list[int]] = defaultdict(list)
    for y, j in enumerate(free_b):
        for w in set(ev.heading_b[j].split()):
            by_word[w].append(y)
    for x, i in enumerate(free_a):
        near = {y for w in set(ev.heading_a[i].split()) for y in by_word.get(w, ())}
        for y in sorted(near):
            if not gap[x, y] or (x, y) in ranked:
                continue
            s = sim(x, y)
            if s >= GAP_FACTOR * threshold(min(int(la[x]), int(lb[y]))):
                ranked[(x, y)] = (1, s)
            elif room_a[x] == room_b[y] == 1 and s >= LONE_MIN:
                ranked[(x, y)] = (0, s)
    out = []
    for (x, y), (rank, s) in ranked.items():
        i, j = free_a[x], free_b[y]
        if (i, j) not in forbid:
            out.append((rank, s, tie(sa.text[i], sb.text[j]), i, j))
    return out


def rescue(
    sa: Side,
    sb: Side,
    com: np.ndarray,
    match: dict[int, tuple[int, float]],
    ev: Evidence,
    forbid: Forbid = frozenset(),
) -> dict[int, tuple[int, float]]:
    """New pairs among the clauses ``match`` leaves alone: {i: (j, similarity)}."""
    added: dict[int, tuple[int, float]] = {}
    for _ in range(2):  # new pairs make new neighbours
        cands = _candidates(sa, sb, com, match | added, ev, forbid)
        if not cands:
            break
        cands.sort(key=lambda c: (-c[0], -c[1], c[2]))
        taken_a: set[int] = set()
        taken_b: set[int] = set()
        for _rank, s, _tie, i, j in cands:
            if i in taken_a or j in taken_b:
                continue
            taken_a.add(i)
            taken_b.add(j)
            added[i] = (j, s)
    return added


DERIVED_MIN = 0.6  # share of a leftover clause's words found, in order, in one clause of the other side
DERIVED_WORDS = 4  # leftovers shorter than this (in content words) are never traced
DERIVED_MARGIN = 0.15  # the best source must beat the second best by this much


def _near(k: int, other: int, pair_of: dict[int, int], segs, low: list[int], high: list[int]) -> bool:
    """Whether clause ``other`` (other side) sits where clause ``k`` would go: its parent or a
    neighbour of ``k`` is paired with ``other``, or ``other`` lies between the same aligned
    neighbours as ``k``."""
    parent = segs[k].parent
    near = {x for x in (parent, k - 1, k + 1) if x is not None and x >= 0}
    if any(pair_of.get(x) == other for x in near):
        return True
    return low[k] < other < high[k]


def derived(sa: Side, sb: Side, com: np.ndarray, match: dict[int, tuple[int, float]]) -> tuple[dict, dict]:
    """Where the words of clauses left alone went: {b j: a i} for added, {a i: b j} for removed.

    An added clause whose content words mostly appear, in order, in one old clause was drawn
    from it (MPL-1.1's "Modifications" became MPL-2.0's 1.10 and its items (a) and (b)); a
    removed clause whose words mostly live on in one new clause was folded into it. Only a
    clear best source counts, and only where the two sit in the same place (a parent or
    neighbour paired with it, or between the same aligned neighbours, of the pairs still in
    order: see :func:`in_order`). These are extra links beside the one-to-one pairs: every
    clause still appears in exactly one pair.
    """
    used_b = {j for j, _ in match.values()}
    a_of_b = {j: i for i, (j, _) in match.items()}
    b_of_a = {i: j for i, (j, _) in match.items()}
    # the stretches between aligned neighbours: a pair that moved far bounds none of them
    steady = in_order(match)
    low_a, high_a = _bounds(len(sa), steady, len(sb))
    back = {j: (i, 0.0) for i, (j, _) in steady.items()}
    low_b, high_b = _bounds(len(sb), back, len(sa))
    la = np.array([len(w) for w in sa.words], dtype=np.float64)
    lb = np.array([len(w) for w in sb.words], dtype=np.float64)

    def best(share: np.ndarray) -> int | None:
        top = int(np.argmax(share))
        second = float(np.partition(share, -2)[-2]) if len(share) > 1 else 0.0
        return top if share[top] >= DERIVED_MIN and share[top] - second >= DERIVED_MARGIN else None

    from_a: dict[int, int] = {}
    for j in range(len(sb)):
        if j in used_b or lb[j] < DERIVED_WORDS or not len(la):
            continue
        i = best(com[:, j] / lb[j])
        if i is not None and _near(j, i, a_of_b, sb.segs, low_b, high_b):
            from_a[j] = i
    into_b: dict[int, int] = {}
    for i in range(len(sa)):
        if i in match or la[i] < DERIVED_WORDS or not len(lb):
            continue
        j = best(com[i, :] / la[i])
        if j is not None and _near(i, j, b_of_a, sa.segs, low_a, high_a):
            into_b[i] = j
    return from_a, into_b


HEADING_WORDS = 3  # a clause with at most this many content words and children is a heading


def _heading_like(side: Side, k: int, children: dict[int, list[int]]) -> bool:
    return bool(children.get(k)) and len(side.words[k]) <= HEADING_WORDS


def _children(side: Side) -> dict[int, list[int]]:
    out: dict[int, list[int]] = defaultdict(list)
    for k, seg in enumerate(side.segs):
        if seg.parent is not None:
            out[seg.parent].append(k)
    return out


def _by_children(
    this: Side, other: Side, pair_of: dict[int, int], alone: list[int], forbid
) -> dict[int, int]:
    """{k: other clause} for heading clauses of ``this`` side placed by where their children went.

    A heading ("3. Responsibilities", "0. Definitions.") has almost no words to score, but
    its children do: when the counterparts of its paired children all sit under one clause
    of the other side (or are that one clause, a section that held the same matter without
    sub-clauses), the heading corresponds to that clause. Every paired child must agree, and
    the two clauses must stand at the same depth under the same number.
    """
    children = _children(this)
    out: dict[int, int] = {}
    for k in alone:
        if not _heading_like(this, k, children):
            continue
        partners = [pair_of[c] for c in children[k] if c in pair_of]
        if not partners:
            continue
        parents = {other.segs[p].parent for p in partners}
        if len(parents) == 1 and None not in parents:
            target = parents.pop()
        elif len(set(partners)) == 1:
            target = partners[0]
        else:
            continue
        # A heading answers a heading of its own level and number: "3.4 Intellectual Property
        # Matters" is not section 2 although its items went there; with so few words to go
        # on, the number is the one sign left that the two stand for the same matter.
        same_place = this.segs[k].depth == other.segs[target].depth and this.label[k] == other.label[target]
        if same_place and this.label[k] and (k, target) not in forbid:
            out[k] = target
    return out


def headings(
    sa: Side, sb: Side, match: dict[int, tuple[int, float]], forbid: Forbid = frozenset()
) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """Heading clauses left alone, placed by their children (see :func:`_by_children`).

    Returns new one-to-one pairs {a i: b j} (where both headings are alone), and extra links
    for the rest: {b j: a i} for a new heading drawn from an old clause that is paired
    elsewhere, {a i: b j} for an old heading whose matter went into a paired new clause.
    """
    b_of_a = {i: j for i, (j, _) in match.items()}
    a_of_b = {j: i for i, j in b_of_a.items()}
    alone_a = [i for i in range(len(sa)) if i not in b_of_a]
    alone_b = [j for j in range(len(sb)) if j not in a_of_b]
    flip = frozenset((j, i) for i, j in forbid)
    up_a = _by_children(sa, sb, b_of_a, alone_a, forbid)
    up_b = _by_children(sb, sa, a_of_b, alone_b, flip)
    pairs: dict[int, int] = {}
    for j, i in sorted(up_b.items()):
        if i not in b_of_a and i not in pairs and up_a.get(i, j) == j:
            pairs[i] = j
    for i, j in sorted(up_a.items()):
        if i not in pairs and j not in a_of_b and j not in pairs.values() and up_b.get(j, i) == i:
            pairs[i] = j
    paired_b = set(pairs.values())
    from_a = {j: i for j, i in up_b.items() if j not in paired_b and i in b_of_a}
    into_b = {i: j for i, j in up_a.items() if i not in pairs and j in a_of_b}
    return pairs, from_a, into_b


MUTUAL_MIN = 0.19  # least similarity of two leftovers that are each other's best match (THRESHOLD_LONG)


def mutual(sa: Side, sb: Side, com: np.ndarray, match: dict[int, tuple[int, float]]) -> dict[int, int]:
    """Leftovers that are each other's best match: {a i: b j}, both removed and added.

    A removed clause and an added one, each holding a larger share of the other's words than
    any other clause on that side does, with the similarity of two corresponding long
    clauses (:data:`MUTUAL_MIN`), are the same matter rewritten; they stay apart as a pair
    (they may sit far out of order, see :func:`drop_weak_moves`) but each says where the
    other is. Clauses of fewer than :data:`DERIVED_WORDS` content words are never traced.
    """
    used_b = {j for j, _ in match.values()}
    la = np.array([len(w) for w in sa.words], dtype=np.float64)
    lb = np.array([len(w) for w in sb.words], dtype=np.float64)
    if not len(la) or not len(lb):
        return {}
    share_a = com / np.maximum(la, 1)[:, None]  # share of a[i]'s words found in b[j]
    share_b = com / np.maximum(lb, 1)[None, :]
    best_b = share_a.argmax(axis=1)
    best_a = share_b.argmax(axis=0)
    out: dict[int, int] = {}
    for i in range(len(sa)):
        j = int(best_b[i])
        if i in match or j in used_b or la[i] < DERIVED_WORDS or lb[j] < DERIVED_WORDS:
            continue
        if int(best_a[j]) == i and 2 * com[i, j] / (la[i] + lb[j]) >= MUTUAL_MIN:
            out[i] = j
    return out
