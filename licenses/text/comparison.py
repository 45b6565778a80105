"""Pure clause alignment of two license versions, with word-level redlines. No Django imports.

:func:`compare` takes two segment lists (from :func:`licenses.text.segmentation.segment`)
and returns :class:`Pair` objects in reading order of the new text ``b``, with
removed clauses of ``a`` placed after their nearest surviving neighbour.

Alignment, in order:

1. exact matches on the normalised clause text (heading + text; labels ignored);
2. a word-level similarity matrix (rapidfuzz Indel on word tokens) on the rest,
   solved by optimal assignment; labels, headings and position only break ties,
   and a pair must clear a threshold that is stricter for short clauses;
3. splits and merges: one clause whose text is much better matched by itself
   plus an adjacent unmatched clause on the other side;
4. moves: matched pairs outside the longest run of pairs still in their
   original order.
"""

from __future__ import annotations

import bisect
import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist
from scipy.optimize import linear_sum_assignment

from licenses.text.redline import (
    Piece,
    content_words,
    joined,
    normalise,
    rebuild,
    redline,
    redline_split,
    split,
    words,
)
from licenses.text.segmentation import Segment

__all__ = [
    "ALGORITHM_VERSION",
    "KINDS",
    "Pair",
    "clause_text",
    "compare",
    "label_key",
    "normalise",
    "rebuild",
    "redline",
    "summary",
]

# Bump whenever the output of compare() or redline() can change (cache keys use it).
ALGORITHM_VERSION = "comparison-2"

KINDS = ("unchanged", "changed", "moved", "added", "removed", "split", "merged")

# A split or merge must beat the plain one-to-one match by this much similarity.
SPLIT_GAIN = 0.1
# (at most this many content words, least similarity); longer clauses need THRESHOLD_LONG
_THRESHOLDS = ((3, 0.6), (10, 0.45), (30, 0.3))
THRESHOLD_LONG = 0.19


@dataclass(frozen=True, slots=True)
class Pair:
    """One row of a comparison.

    - ``unchanged`` / ``changed`` / ``moved``: ``a`` and ``b`` are set.
    - ``added``: only ``b``; ``removed``: only ``a``.
    - ``split``: ``a`` became ``b`` followed by ``b2`` (in ``b``'s order).
    - ``merged``: ``a`` followed by ``a2`` became ``b``.

    ``a_text`` and ``b_text`` are the normalised texts the redline runs over
    (:func:`clause_text` of each side; the two segments of a split or merge
    joined with a paragraph break). ``redline`` rebuilds them exactly: equal +
    delete pieces give ``a_text``, equal + insert pieces give ``b_text``.
    ``similarity`` is the share of word and punctuation tokens the two sides
    keep (Indel, case-sensitive): 1.0 for unchanged, 0.0 for added/removed.
    ``moved`` is a matched pair outside the longest in-order run, whatever its
    similarity; a moved pair with similarity below 1 was also edited.
    ``renumbered`` is true for a one-to-one pair whose label number changed
    (``12.`` -> ``13.``); a change of style only (``(a)`` -> ``a.``) is not a
    renumbering (see :func:`label_key`), and neither makes a clause "changed".
    """

    kind: str
    a: Segment | None
    b: Segment | None
    similarity: float
    redline: list[Piece] = field(repr=False)
    renumbered: bool = False
    a2: Segment | None = None
    b2: Segment | None = None
    a_text: str = field(default="", repr=False)
    b_text: str = field(default="", repr=False)

    @property
    def a_segments(self) -> tuple[Segment, ...]:
        return tuple(s for s in (self.a, self.a2) if s is not None)

    @property
    def b_segments(self) -> tuple[Segment, ...]:
        return tuple(s for s in (self.b, self.b2) if s is not None)


_LABEL_WORDS = frozenset({"section", "sec", "article", "art", "clause", "paragraph", "para", "part"})


def label_key(label: str) -> str:
    """A label's number without its style: "(a)", "a." and "a" -> "a"; "Section 4." -> "4"."""
    parts = [p for p in re.findall(r"[^\W_]+", label.lower()) if p not in _LABEL_WORDS]
    return ".".join(parts)


def clause_text(seg: Segment) -> str:
    """The normalised text of a clause: heading and text, without the printed label."""
    text = normalise(seg.text)
    if seg.label and text.startswith(seg.label):
        text = text[len(seg.label) :].lstrip()
    heading = normalise(seg.heading)
    if heading and not text.startswith(heading):
        text = f"{heading}\n\n{text}" if text else heading
    return text


def threshold(n_words: int) -> float:
    """Least similarity for two clauses to pair, given the shorter one's content-word count.

    Unrelated long clauses score about 0.05-0.15 on content words, while
    rewritten ones that still correspond (GPL-2.0 §2 -> GPL-3.0 §5) score 0.2
    and up. Short clauses need most of their words in common, so a heading such
    as "8. TERMINATION." never pairs with an unrelated short clause.
    """
    return next((least for most, least in _THRESHOLDS if n_words <= most), THRESHOLD_LONG)


class _Side:
    """Precomputed views of one side's segments."""

    def __init__(self, segs: Sequence[Segment]) -> None:
        self.segs = list(segs)
        self.text = [clause_text(s) for s in self.segs]
        self.key = [" ".join(t.split()) for t in self.text]  # paragraph breaks do not count
        # rapidfuzz scores lists of words as sequences of hashed tokens, at C speed
        self.words = [content_words(t) for t in self.text]
        self.label = [label_key(s.label) for s in self.segs]
        self.heading = [normalise(s.heading).lower() for s in self.segs]


def _exact(sa: _Side, sb: _Side) -> dict[int, int]:
    by_text: dict[str, list[int]] = defaultdict(list)
    for j, t in enumerate(sb.key):
        by_text[t].append(j)
    match: dict[int, int] = {}
    for i, t in enumerate(sa.key):
        if by_text.get(t):
            match[i] = by_text[t].pop(0)
    return match


def _tie(x: str, y: str) -> float:
    """A tiny deterministic tie-break that is the same whichever side comes first."""
    lo, hi = sorted((x, y))
    return zlib.crc32(f"{lo}\0{hi}".encode()) / 2**32 * 1e-6


def _common(sa: _Side, sb: _Side) -> np.ndarray:
    """Longest common subsequence, in content words, of every a clause with every b clause."""
    la = np.array([len(w) for w in sa.words], dtype=np.int64)
    lb = np.array([len(w) for w in sb.words], dtype=np.int64)
    if not len(la) or not len(lb):
        return np.zeros((len(la), len(lb)), dtype=np.int64)
    dist = cdist(sa.words, sb.words, scorer=Indel.distance, dtype=np.int64)
    return (la[:, None] + lb[None, :] - dist) // 2


def _assign(sa: _Side, sb: _Side, common: np.ndarray, rest_a: list[int], rest_b: list[int]):
    """Optimal one-to-one matching of the clauses left after exact matching: {i: (j, similarity)}."""
    if not rest_a or not rest_b:
        return {}
    la = np.array([len(sa.words[i]) for i in rest_a])[:, None]
    lb = np.array([len(sb.words[j]) for j in rest_b])[None, :]
    total = la + lb
    sim = np.divide(2 * common[np.ix_(rest_a, rest_b)], total, out=np.zeros(total.shape), where=total > 0)
    short = np.minimum(la, lb)
    least = np.select([short <= most for most, _ in _THRESHOLDS], [x for _, x in _THRESHOLDS], THRESHOLD_LONG)
    ok = (sim >= least) & (short > 0)
    score = np.zeros_like(sim)
    na, nb = max(len(sa.segs), 1), max(len(sb.segs), 1)
    for x, y in zip(*np.nonzero(ok), strict=True):
        i, j = rest_a[x], rest_b[y]
        bonus = 0.01 * (1 - abs(i / na - j / nb))
        bonus += 0.02 * (sa.label[i] == sb.label[j] != "") + 0.02 * (sa.heading[i] == sb.heading[j] != "")
        score[x, y] = sim[x, y] + bonus + _tie(sa.text[i], sb.text[j])
    rows, cols = linear_sum_assignment(score, maximize=True)
    return {
        rest_a[x]: (rest_b[y], float(sim[x, y])) for x, y in zip(rows, cols, strict=True) if score[x, y] > 0
    }


def _lcs(x: list[str], y: list[str]) -> int:
    """Length of the longest common subsequence of two word lists."""
    return (len(x) + len(y) - Indel.distance(x, y)) // 2


def _groups(sa: _Side, sb: _Side, common: np.ndarray, match: dict[int, tuple[int, float]], exact: set[int]):
    """Split candidates: a[i] -> b[j] + b[k] with b[j], b[k] adjacent.

    A candidate must reach the pairing threshold, beat the one-to-one match,
    and each half must find at least half of its words in a[i] beyond what
    the other half already took. Without that last check, adding any text to
    the shorter side raises the score. Yields (gain, i, j, k, similarity);
    callers swap the sides to find merges.
    """
    matched_b = {j: i for i, (j, _) in match.items()}
    lb = np.array([len(w) for w in sb.words])
    # cheap necessary condition: each half alone shares at least half its words with a[i]
    half = (2 * common >= lb[None, :]) & (lb[None, :] > 0)
    for i in range(len(sa.segs)):
        if i in exact or not sa.words[i]:
            continue
        j0, s0 = match.get(i, (None, 0.0))
        # a matched clause can only grow by a neighbour of its match
        starts = np.nonzero(half[i, :-1] & half[i, 1:])[0].tolist() if j0 is None else (j0 - 1, j0)
        for j in starts:
            k = j + 1
            if j < 0 or k >= len(sb.segs) or any(x != j0 and x in matched_b for x in (j, k)):
                continue
            x, cj, ck = sa.words[i], sb.words[j], sb.words[k]
            if not (half[i, j] and half[i, k]):
                continue
            both = _lcs(x, cj + ck)
            if both - common[i, j] < len(ck) / 2 or both - common[i, k] < len(cj) / 2:
                continue
            s = 2 * both / (len(x) + len(cj) + len(ck))
            if s >= threshold(min(len(x), len(cj) + len(ck))) and s >= s0 + SPLIT_GAIN / 2:
                yield s - s0, i, j, k, s


def _group_texts(sa: _Side, sb: _Side, cand: tuple) -> tuple[str, str]:
    _, kind, one, j, k, _ = cand
    if kind == "split":
        return sa.text[one], sb.text[j] + sb.text[k]
    return sa.text[j] + sa.text[k], sb.text[one]


def _increasing(seq: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence of ``seq``."""
    tails: list[int] = []
    tail_pos: list[int] = []
    prev = [-1] * len(seq)
    for p, v in enumerate(seq):
        x = bisect.bisect_left(tails, v)
        if x == len(tails):
            tails.append(v)
            tail_pos.append(p)
        else:
            tails[x], tail_pos[x] = v, p
        prev[p] = tail_pos[x - 1] if x else -1
    keep: set[int] = set()
    p = tail_pos[-1] if tail_pos else -1
    while p >= 0:
        keep.add(p)
        p = prev[p]
    return keep


def compare(a: Sequence[Segment], b: Sequence[Segment]) -> list[Pair]:
    """Align the clauses of ``a`` (old) with those of ``b`` (new); see the module docstring.

    Every segment of ``a`` and of ``b`` appears in exactly one pair.
    """
    sa, sb = _Side(a), _Side(b)
    exact = _exact(sa, sb)
    rest_a = [i for i in range(len(sa.segs)) if i not in exact]
    used_b = set(exact.values())
    rest_b = [j for j in range(len(sb.segs)) if j not in used_b]
    common = _common(sa, sb)
    match = {i: (j, 1.0) for i, j in exact.items()} | _assign(sa, sb, common, rest_a, rest_b)

    # Splits and merges: best gain first; a split of (a, b) is a merge of (b, a).
    back = {j: (i, s) for i, (j, s) in match.items()}
    cands = [(g, "split", i, j, k, s) for g, i, j, k, s in _groups(sa, sb, common, match, set(exact))]
    cands += [
        (g, "merged", i, j, k, s) for g, i, j, k, s in _groups(sb, sa, common.T, back, set(exact.values()))
    ]
    cands.sort(key=lambda c: (-c[0], _tie(*_group_texts(sa, sb, c))))
    groups: dict[tuple[int, ...], tuple[str, tuple[int, ...], tuple[int, ...], float]] = {}
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for _, kind, one, j, k, s in cands:
        ai, bi = ((one,), (j, k)) if kind == "split" else ((j, k), (one,))
        if taken_a & set(ai) or taken_b & set(bi):
            continue
        # the one-to-one matches the group replaces must stay inside it
        if any(x in match and match[x][0] not in bi for x in ai) or any(
            y in back and back[y][0] not in ai for y in bi
        ):
            continue
        taken_a.update(ai)
        taken_b.update(bi)
        groups[ai] = (kind, ai, bi, s)
    for i, (j, s) in match.items():
        if i not in taken_a:
            groups[(i,)] = ("pair", (i,), (j,), s)

    # Moves: groups outside the longest run still in the original order.
    ordered = sorted(groups.values(), key=lambda g: g[2][0])
    in_order = _increasing([g[1][0] for g in ordered])
    return _assemble(sa, sb, ordered, in_order, exact)


def _assemble(sa: _Side, sb: _Side, ordered, in_order: set[int], exact: dict[int, int]) -> list[Pair]:
    keyed: list[tuple[tuple[int, int, int], Pair]] = []
    anchor: dict[int, int] = {}  # a index -> last b index of its in-order group
    seen_a: set[int] = set()
    for p, (kind, ai, bi, s) in enumerate(ordered):
        seen_a.update(ai)
        if len(ai) == len(bi) == 1 and sa.text[ai[0]] == sb.text[bi[0]]:
            a_text = b_text = sa.text[ai[0]]
            pieces, s = _whole("equal", a_text), 1.0
        else:
            ta, tb = joined([split(sa.text[i]) for i in ai]), joined([split(sb.text[j]) for j in bi])
            pieces = redline_split(ta, tb)
            a_text, b_text = rebuild(pieces, "a"), rebuild(pieces, "b")
            # Reported similarity: the share of word and punctuation tokens kept, case-sensitive.
            s = float(Indel.normalized_similarity(ta[0], tb[0]))
        if kind == "pair":
            if exact.get(ai[0]) == bi[0]:
                kind, s = "unchanged", 1.0
            else:
                kind = "changed"
            if p not in in_order:
                kind = "moved"
        if p in in_order:
            anchor.update(dict.fromkeys(ai, bi[-1]))
        seg_a = [sa.segs[i] for i in ai]
        seg_b = [sb.segs[j] for j in bi]
        renumbered = len(ai) == len(bi) == 1 and sa.label[ai[0]] != sb.label[bi[0]]
        keyed.append(
            (
                (bi[0], 0, 0),
                Pair(
                    kind,
                    seg_a[0],
                    seg_b[0],
                    s,
                    pieces,
                    renumbered,
                    a2=seg_a[1] if len(seg_a) > 1 else None,
                    b2=seg_b[1] if len(seg_b) > 1 else None,
                    a_text=a_text,
                    b_text=b_text,
                ),
            )
        )
    last = -1
    for i in range(len(sa.segs)):
        if i in anchor:
            last = anchor[i]
        if i in seen_a:
            continue
        text = sa.text[i]
        keyed.append(
            ((last, 1, i), Pair("removed", sa.segs[i], None, 0.0, _whole("delete", text), a_text=text))
        )
    for j in range(len(sb.segs)):
        if not any(j in g[2] for g in ordered):
            text = sb.text[j]
            keyed.append(
                ((j, 0, 0), Pair("added", None, sb.segs[j], 0.0, _whole("insert", text), b_text=text))
            )
    keyed.sort(key=lambda kp: kp[0])
    return [p for _, p in keyed]


def _whole(op: str, text: str) -> list[Piece]:
    return [(op, text)] if text else []


def summary(pairs: Sequence[Pair]) -> dict:
    """Counts per kind, renumbered count and overall similarity (weighted by words)."""
    counts = dict.fromkeys(KINDS, 0)
    num = den = 0.0
    for p in pairs:
        counts[p.kind] += 1
        weight = len(words(p.a_text)) + len(words(p.b_text))
        num += p.similarity * weight
        den += weight
    return {
        "counts": counts,
        "renumbered": sum(p.renumbered for p in pairs),
        "similarity": round(num / den, 4) if den else 1.0,
    }
