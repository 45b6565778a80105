"""The alignment's cost-bounded parts agree with plain loops, and stay cheap (pure).

The second pass (:func:`licenses.text.rescue._candidates`), the first-pass bonuses and the
undoing of weak moves were rewritten to visit only pairs that carry a sign and to use numpy;
these tests hold them to the straightforward definitions on random synthetic clauses.
"""

from __future__ import annotations

import random
import time

import numpy as np

from licenses.text import rescue as R
from licenses.text.comparison import compare
from licenses.text.matching import Side, _bonus, _bonuses, common, similarity, threshold, tie
from licenses.text.segmentation import Segment

VOCAB = [
    "licensor",
    "grant",
    "patent",
    "software",
    "notice",
    "copy",
    "distribute",
    "source",
    "code",
    "modify",
    "warranty",
    "liability",
    "termination",
    "contributor",
    "recipient",
    "license",
    "work",
    "derivative",
    "trademark",
    "covered",
    "executable",
]
HEADINGS = ["Grant", "Patent Grant", "Notices", "Warranty", "Termination", "Trademarks", "", "", ""]


def _clauses(rnd: random.Random, n: int) -> list[Segment]:
    out = []
    for k in range(n):
        words = [rnd.choice(VOCAB) for _ in range(rnd.randint(2, 25))]
        text = " ".join(words) + "."
        if rnd.random() < 0.2:
            term = rnd.choice(VOCAB).title()
            text = f'"{term}" means {text}'
        heading = rnd.choice(HEADINGS)
        out.append(Segment(f"{k}.", str(k), str(k), heading, text, 0, len(text), 0, None))
    return out


def _reference_candidates(sa, sb, com, now, ev, forbid):
    """The second pass's candidates as first written: every free pair, one by one."""
    used_b = {j for j, _ in now.values()}
    free_a = [i for i in range(len(sa)) if i not in now and sa.words[i]]
    free_b = [j for j in range(len(sb)) if j not in used_b and sb.words[j]]
    low, high = R._bounds(len(sa), now, len(sb))
    room_a = {i: sum(low[i] < j < high[i] for j in free_b) for i in free_a}
    room_b = {j: sum(low[i] < j < high[i] for i in free_a) for j in free_b}
    out = []
    for i in free_a:
        for j in free_b:
            if (i, j) in forbid:
                continue
            s = similarity(sa, sb, com, i, j)
            same_gap = low[i] < j < high[i]
            least = threshold(min(len(sa.words[i]), len(sb.words[j])))
            if ev.same_term(i, j) or ev.same_heading(i, j):
                rank = 3
            elif ev.shares_phrases(i, j, s, same_gap):
                rank = 2
            elif not same_gap or not ev.looks_alike(i, j):
                continue
            elif s >= R.GAP_FACTOR * least:
                rank = 1
            elif room_a[i] == room_b[j] == 1 and s >= R.LONE_MIN:
                rank = 0
            else:
                continue
            out.append((rank, s, tie(sa.text[i], sb.text[j]), i, j))
    return out


def _reference_drop(sa, sb, match, ev, keep):
    match = dict(match)
    candidates = {
        i for i, (j, s) in match.items() if i not in keep and s < R.MOVE_MAX and not ev.strong(i, j, s)
    }
    while candidates:
        ii = list(match)
        cross = {i: sum((i - k) * (match[i][0] - match[k][0]) < 0 for k in ii) for i in ii}
        weak = [
            i
            for i in candidates
            if cross[i] >= R.MOVE_CROSSINGS
            and match[i][1] < min(R.MOVE_MIN + R.MOVE_PER_CROSSING * cross[i], R.MOVE_MAX)
        ]
        if not weak:
            break
        worst = max(weak, key=lambda i: (cross[i], -tie(sa.text[i], sb.text[match[i][0]])))
        del match[worst]
        candidates.discard(worst)
    return match


def _with_phrases(rnd: random.Random, a: list[Segment], b: list[Segment]) -> None:
    """Give a few a/b clause pairs a rare phrase of their own (words found nowhere else)."""
    for n in range(min(len(a), len(b)) // 4):
        i, j = rnd.randrange(len(a)), rnd.randrange(len(b))
        phrase = " ".join(f"rare{n}x{k}" for k in range(rnd.choice((5, 6, 11))))
        for side, k in ((a, i), (b, j)):
            s = side[k]
            side[k] = Segment(s.label, s.anchor, s.path, s.heading, f"{s.text} {phrase}", 0, 0, 0, None)


def test_second_pass_candidates_match_the_plain_loop():
    ranks: set[int] = set()
    for seed in range(40):
        rnd = random.Random(seed)
        a, b = _clauses(rnd, rnd.randint(3, 30)), _clauses(rnd, rnd.randint(3, 30))
        _with_phrases(rnd, a, b)
        sa, sb = Side(a), Side(b)
        com = common(sa, sb)
        ev = R.Evidence(sa, sb)
        # pairs already made, in order (small gaps between them) or not
        k = min(len(sa), len(sb)) // 2
        ii, jj = sorted(rnd.sample(range(len(sa)), k)), sorted(rnd.sample(range(len(sb)), k))
        if seed % 2:
            rnd.shuffle(jj)
        now = {i: (j, 0.5) for i, j in zip(ii, jj, strict=True)}
        forbid = frozenset(rnd.sample([(i, j) for i in range(len(sa)) for j in range(len(sb))], 5))
        got = sorted(R._candidates(sa, sb, com, now, ev, forbid))
        assert got == sorted(_reference_candidates(sa, sb, com, now, ev, forbid)), seed
        ranks.update(c[0] for c in got)
    assert ranks == {1, 2, 3}  # every kind of sign but the lone gap (below) was exercised


def test_the_lone_pair_between_the_same_neighbours_is_a_candidate_in_both():
    def mk(words: list[str], heading: str, k: int) -> Segment:
        text = " ".join(words) + "."
        return Segment(f"{k}.", str(k), str(k), heading, text, 0, len(text), 0, None)

    same = [mk([f"first{n}" for n in range(8)], "", 0), mk([f"last{n}" for n in range(8)], "", 2)]
    # 23 and 22 content words (headings count), 3 in common: similarity 0.133, under half the
    # threshold (0.15) but above LONE_MIN
    old = mk([f"old{n}" for n in range(19)] + ["patent", "royalty"], "Warranty Disclaimer", 1)
    new = mk(["patent", "royalty"] + [f"new{n}" for n in range(19)], "Warranty", 1)
    sa, sb = Side([same[0], old, same[1]]), Side([same[0], new, same[1]])
    com, ev = common(sa, sb), R.Evidence(sa, sb)
    now = {0: (0, 1.0), 2: (2, 1.0)}
    want = _reference_candidates(sa, sb, com, now, ev, frozenset())
    assert [c[0] for c in want] == [0]
    assert R._candidates(sa, sb, com, now, ev, frozenset()) == want


def test_undoing_weak_moves_matches_the_plain_loop():
    for seed in range(12):
        rnd = random.Random(seed)
        sa, sb = Side(_clauses(rnd, 40)), Side(_clauses(rnd, 40))
        ev = R.Evidence(sa, sb)
        js = list(range(40))
        rnd.shuffle(js)
        match = {i: (j, rnd.random() * 0.8) for i, j in zip(range(40), js, strict=True) if rnd.random() < 0.8}
        keep = set(rnd.sample(sorted(match), 3))
        assert R.drop_weak_moves(sa, sb, match, ev, keep) == _reference_drop(sa, sb, match, ev, keep)


def test_vector_bonuses_are_the_scalar_bonus():
    rnd = random.Random(3)
    sa, sb = Side(_clauses(rnd, 15)), Side(_clauses(rnd, 11))
    rest_a, rest_b = [0, 2, 3, 7, 14], [1, 2, 5, 10]
    got = _bonuses(sa, sb, rest_a, rest_b)
    want = np.array([[_bonus(sa, sb, i, j) for j in rest_b] for i in rest_a])
    assert np.allclose(got, want, rtol=0, atol=1e-12)


def test_tie_is_symmetric_and_tiny():
    assert tie("alpha", "beta") == tie("beta", "alpha")
    assert 0 <= tie("alpha", "beta") < 1e-6


def test_hundreds_of_unrelated_short_clauses_align_in_bounded_work():
    # every pair is free for the second pass: it must not visit them one by one
    rnd = random.Random(5)
    a, b = _clauses(rnd, 600), _clauses(rnd, 600)
    start = time.process_time()
    pairs = compare(a, b)
    assert time.process_time() - start < 3.0  # was about 5 s of CPU before the rewrite
    assert {s.anchor for p in pairs for s in p.a_segments} == {s.anchor for s in a}
