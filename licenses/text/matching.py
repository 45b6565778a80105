"""Pure clause scoring and one-to-one matching, the first pass of the alignment. No Django imports.

Clauses are compared on their *folded* text (:func:`fold`): quotes, dashes, spacing and
letter case do not count, so a typography-only edit is still an exact match, and an
all-caps disclaimer scores against its sentence-case successor on its words. Scoring uses
content words only (:func:`licenses.text.redline.content_words`).

The cost is bounded for texts of any size: the dense word-LCS matrix is computed only while
the clause counts and word counts stay small (every real license does); beyond, candidates
come from shared rare words and are matched greedily.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist
from scipy.optimize import linear_sum_assignment

from licenses.text.redline import content_of, content_words, normalise
from licenses.text.segmentation import Segment

# (at most this many content words, least similarity); longer clauses need THRESHOLD_LONG
THRESHOLDS = ((3, 0.6), (10, 0.45), (30, 0.3))
THRESHOLD_LONG = 0.19

# Above this many (unmatched a) x (unmatched b) clause pairs, or this many word pairs in
# total, the dense matrix gives way to candidates from shared rare words.
DENSE_PAIRS = 400_000
DENSE_WORDS = 200_000_000
CANDIDATES = 8  # per clause, in sparse mode
HUGE_WORDS = 5_000  # a clause longer than this is scored by shared words, not their order
RARE_WORDS = 12  # of each clause, looked up in sparse mode

_TYPOGRAPHY = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "−": "-",
        "―": "-",
        "\u00ad": "",  # a soft hyphen, as text pasted from a PDF keeps it: invisible, no letter
        "\u200b": "",  # a zero-width space, the same
    }
)
_MARKS = re.compile("[" + re.escape("".join(map(chr, _TYPOGRAPHY))) + "]")
_KEY = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w+")
_LABEL_WORDS = frozenset({"section", "sec", "article", "art", "clause", "paragraph", "para", "part"})


def _mark(m: re.Match) -> str:
    return _TYPOGRAPHY[ord(m.group())]


def fold(text: str) -> str:
    """``text`` without typography: curly and straight quotes, dashes, spacing and case are one.

    Words and punctuation marks are joined by single spaces, so "word," and "word ," fold alike.
    The stop that ends the text is typography too ("Definitions." and "DEFINITIONS").
    """
    # str.translate with a table costs a dict look-up per character; a regex finds the few marks
    text = _MARKS.sub(_mark, unicodedata.normalize("NFKC", text)).casefold()
    tokens = _KEY.findall(text)
    while tokens and tokens[-1] in _END_STOPS:
        tokens.pop()
    return " ".join(tokens)


_END_STOPS = frozenset(".:;")


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
    return next((least for most, least in THRESHOLDS if n_words <= most), THRESHOLD_LONG)


class Side:
    """Precomputed views of one side's segments."""

    def __init__(self, segs: Sequence[Segment]) -> None:
        self.segs = list(segs)
        self.text = [clause_text(s) for s in self.segs]
        self.key = [fold(t) for t in self.text]
        # rapidfuzz scores lists of words as sequences of hashed tokens, at C speed
        # the words of each folded text (the second pass reads phrases from them)
        self.tokens = [_WORD.findall(k) for k in self.key]
        # a folded text is lower case already, save for a rare letter that casefold leaves
        self.words = [
            content_of(t) if k.lower() == k else content_words(k)
            for k, t in zip(self.key, self.tokens, strict=True)
        ]
        self.label = [label_key(s.label) for s in self.segs]
        self.heading = [fold(normalise(s.heading)) for s in self.segs]
        self.anchor_index = {s.anchor: i for i, s in enumerate(self.segs)}
        self.hash = np.array([text_hash(t) for t in self.text], dtype=np.uint64)

    def raw(self, k: int) -> str:
        """Clause ``k``'s text with paragraph breaks and spacing not counted."""
        return " ".join(self.text[k].split())

    def __len__(self) -> int:
        return len(self.segs)


Forbid = frozenset[tuple[int, int]]


def exact(sa: Side, sb: Side, forbid: Forbid = frozenset(), taken_a=(), taken_b=()) -> dict[int, int]:
    """Clauses whose folded texts are equal, first come first served."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for j, t in enumerate(sb.key):
        if j not in taken_b:
            by_text[t].append(j)
    match: dict[int, int] = {}
    for i, t in enumerate(sa.key):
        if i in taken_a:
            continue
        for j in by_text.get(t, ()):
            if (i, j) not in forbid:
                match[i] = j
                by_text[t].remove(j)
                break
    return match


def text_hash(text: str) -> int:
    return zlib.crc32(text.encode())


def mix_hashes(lo, hi):
    """Tie value of two text hashes, lo <= hi (ints or uint64 arrays alike)."""
    return ((lo * 0x9E3779B1 + hi) & 0xFFFFFFFF) / 2**32 * 1e-6


def tie(x: str, y: str) -> float:
    """A tiny deterministic tie-break that is the same whichever side comes first."""
    lo, hi = sorted((text_hash(x), text_hash(y)))
    return mix_hashes(lo, hi)


def ties(ha: np.ndarray, hb: np.ndarray) -> np.ndarray:
    """:func:`tie` of every a text with every b text, from their :func:`text_hash` values."""
    x, y = ha.astype(np.uint64)[:, None], hb.astype(np.uint64)[None, :]
    return mix_hashes(np.minimum(x, y), np.maximum(x, y))


def common(sa: Side, sb: Side) -> np.ndarray | None:
    """Longest common subsequence, in content words, of every a clause with every b clause.

    None when that matrix would be too costly (see :data:`DENSE_PAIRS`).
    """
    la = np.array([len(w) for w in sa.words], dtype=np.int64)
    lb = np.array([len(w) for w in sb.words], dtype=np.int64)
    if not len(la) or not len(lb):
        return np.zeros((len(la), len(lb)), dtype=np.int64)
    if len(la) * len(lb) > DENSE_PAIRS:
        return None
    if int(la.sum()) * int(lb.sum()) <= DENSE_WORDS:
        dist = cdist(sa.words, sb.words, scorer=Indel.distance, dtype=np.int64)
        return (la[:, None] + lb[None, :] - dist) // 2
    # Huge clauses: the word LCS of two of them costs their product; count the words they
    # share (an upper bound of the LCS) instead, and skip pairs too unequal to pair at all.
    huge_a, huge_b = la > HUGE_WORDS, lb > HUGE_WORDS
    small_a = [[] if h else w for w, h in zip(sa.words, huge_a, strict=True)]
    small_b = [[] if h else w for w, h in zip(sb.words, huge_b, strict=True)]
    dist = cdist(small_a, small_b, scorer=Indel.distance, dtype=np.int64)
    la0 = np.where(huge_a, 0, la)
    lb0 = np.where(huge_b, 0, lb)
    out = (la0[:, None] + lb0[None, :] - dist) // 2
    bags_a: dict[int, Counter] = {}
    bags_b: dict[int, Counter] = {}
    for i, j in zip(*np.nonzero(huge_a[:, None] | huge_b[None, :]), strict=True):
        lo, hi = sorted((int(la[i]), int(lb[j])))
        if hi == 0 or 2 * lo / (lo + hi) < THRESHOLD_LONG:
            out[i, j] = 0
            continue
        x = bags_a.setdefault(i, Counter(sa.words[i]))
        y = bags_b.setdefault(j, Counter(sb.words[j]))
        small, big = (x, y) if len(x) <= len(y) else (y, x)
        out[i, j] = sum(min(n, big[w]) for w, n in small.items())
    return out


def similarity(sa: Side, sb: Side, com: np.ndarray, i: int, j: int) -> float:
    total = len(sa.words[i]) + len(sb.words[j])
    return 2 * float(com[i, j]) / total if total else 0.0


def _bonus(sa: Side, sb: Side, i: int, j: int) -> float:
    na, nb = max(len(sa), 1), max(len(sb), 1)
    bonus = 0.01 * (1 - abs(i / na - j / nb))
    bonus += 0.02 * (sa.label[i] == sb.label[j] != "") + 0.02 * (sa.heading[i] == sb.heading[j] != "")
    return bonus + tie(sa.text[i], sb.text[j])


def _codes(a: list[str], b: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes such that code_a[i] == code_b[j] iff a[i] == b[j] != ""."""
    ids: dict[str, int] = {}
    ca = np.array([ids.setdefault(x, len(ids)) if x else -1 for x in a], dtype=np.int64)
    cb = np.array([ids.setdefault(y, len(ids)) if y else -2 for y in b], dtype=np.int64)
    return ca, cb


def _bonuses(sa: Side, sb: Side, rest_a: list[int], rest_b: list[int]) -> np.ndarray:
    """:func:`_bonus` for every pair of ``rest_a`` x ``rest_b`` at once."""
    na, nb = max(len(sa), 1), max(len(sb), 1)
    ia, jb = np.array(rest_a), np.array(rest_b)
    bonus = 0.01 * (1 - np.abs(ia[:, None] / na - jb[None, :] / nb))
    for a, b in ((sa.label, sb.label), (sa.heading, sb.heading)):
        ca, cb = _codes([a[i] for i in rest_a], [b[j] for j in rest_b])
        bonus += 0.02 * (ca[:, None] == cb[None, :])
    return bonus + ties(sa.hash[ia], sb.hash[jb])


def assign(
    sa: Side, sb: Side, com: np.ndarray, rest_a: list[int], rest_b: list[int], forbid: Forbid = frozenset()
) -> dict[int, tuple[int, float]]:
    """Optimal one-to-one matching of the clauses left after exact matching: {i: (j, similarity)}."""
    if not rest_a or not rest_b:
        return {}
    la = np.array([len(sa.words[i]) for i in rest_a])[:, None]
    lb = np.array([len(sb.words[j]) for j in rest_b])[None, :]
    pos_a = {i: x for x, i in enumerate(rest_a)}
    pos_b = {j: y for y, j in enumerate(rest_b)}
    total = la + lb
    sim = np.divide(2 * com[np.ix_(rest_a, rest_b)], total, out=np.zeros(total.shape), where=total > 0)
    short = np.minimum(la, lb)
    least = np.select([short <= most for most, _ in THRESHOLDS], [x for _, x in THRESHOLDS], THRESHOLD_LONG)
    ok = (sim >= least) & (short > 0)
    for i, j in forbid:
        x, y = pos_a.get(i), pos_b.get(j)
        if x is not None and y is not None:
            ok[x, y] = False
    score = np.where(ok, sim + _bonuses(sa, sb, rest_a, rest_b), 0.0)
    rows, cols = linear_sum_assignment(score, maximize=True)
    return {
        rest_a[x]: (rest_b[y], float(sim[x, y])) for x, y in zip(rows, cols, strict=True) if score[x, y] > 0
    }


def assign_sparse(
    sa: Side, sb: Side, rest_a: list[int], rest_b: list[int], forbid: Forbid = frozenset()
) -> dict[int, tuple[int, float]]:
    """Greedy matching over candidates that share rare words: for texts with thousands of clauses."""
    df = Counter(w for i in rest_a for w in set(sa.words[i])) + Counter(
        w for j in rest_b for w in set(sb.words[j])
    )
    index: dict[str, list[int]] = defaultdict(list)
    for j in rest_b:
        for w in set(sb.words[j]):
            index[w].append(j)
    scored: list[tuple[float, int, int]] = []
    for i in rest_a:
        rare = sorted(set(sa.words[i]), key=lambda w: (df[w], w))[:RARE_WORDS]
        votes: Counter[int] = Counter()
        for w in rare:
            if df[w] <= 64:
                votes.update(index.get(w, ()))
        for j, _ in votes.most_common(CANDIDATES):
            if (i, j) in forbid:
                continue
            x, y = sa.words[i], sb.words[j]
            s = float(Indel.normalized_similarity(x, y))
            if min(len(x), len(y)) and s >= threshold(min(len(x), len(y))):
                scored.append((s + _bonus(sa, sb, i, j), i, j))
    scored.sort(reverse=True)
    out: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for _, i, j in scored:
        if i not in out and j not in used:
            x, y = sa.words[i], sb.words[j]
            out[i] = (j, float(Indel.normalized_similarity(x, y)))
            used.add(j)
    return out


def lcs(x: list[str], y: list[str]) -> int:
    """Length of the longest common subsequence of two word lists."""
    return (len(x) + len(y) - Indel.distance(x, y)) // 2


def increasing(seq: list[int]) -> set[int]:
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
